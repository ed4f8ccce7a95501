namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>What a LIF neuron's membrane becomes after an output; numbers as in the .proto (semantics.md §4.1 step 11).</summary>
    internal enum ResetMode
    {
        /// <summary>Not set; only valid for leaky integrators and SRC layers.</summary>
        Unspecified = 0,

        /// <summary><c>v ← 0</c>.</summary>
        Zero = 1,

        /// <summary><c>v ← v − threshold</c> (BINARY only).</summary>
        Subtract = 2,

        /// <summary>v unchanged.</summary>
        None = 3,

        /// <summary><c>v ← (v × (Y1 − y)) &gt;&gt; log2(Y1)</c>; for BINARY outputs this is <see cref="Zero"/> (format 1.1).</summary>
        Gate = 4,
    }
}
