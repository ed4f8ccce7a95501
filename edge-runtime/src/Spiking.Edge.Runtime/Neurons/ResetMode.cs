namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>What a LIF neuron's membrane becomes after it fires; numbers as in the .proto (semantics.md §4 step 5).</summary>
    internal enum ResetMode
    {
        /// <summary>Not set; only valid for leaky integrators.</summary>
        Unspecified = 0,

        /// <summary><c>v ← 0</c>.</summary>
        Zero = 1,

        /// <summary><c>v ← v − threshold</c>.</summary>
        Subtract = 2,

        /// <summary>v unchanged.</summary>
        None = 3,
    }
}
