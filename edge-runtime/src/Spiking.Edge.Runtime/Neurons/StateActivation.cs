namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>The function applied to a LIF membrane after integration (semantics.md §4.1 step 7); numbers as in the .proto.</summary>
    internal enum StateActivation
    {
        /// <summary>Not written: identity.</summary>
        Unspecified = 0,

        /// <summary>Identity.</summary>
        Identity = 1,

        /// <summary><c>v &lt; 0 → (v × negative_slope) &gt;&gt; 16</c> (format 1.1).</summary>
        LeakyRelu = 2,
    }
}
