namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>How a LIF membrane is compared with its threshold; numbers as in the .proto (semantics.md §4.1 step 10).</summary>
    internal enum ThresholdComparison
    {
        /// <summary>Not set; only valid for leaky integrators.</summary>
        Unspecified = 0,

        /// <summary>Fire when <c>v ≥ threshold</c>.</summary>
        GreaterOrEqual = 1,

        /// <summary>Fire when <c>v &gt; threshold</c>.</summary>
        Greater = 2,
    }
}
