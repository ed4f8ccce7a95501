namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>What a layer outputs per neuron and tick (semantics.md §4); numbers as in the .proto's OutputKind.</summary>
    internal enum OutputKind
    {
        /// <summary>Not written: BINARY for LIF, nothing for a leaky integrator, GRADED for SRC.</summary>
        Unspecified = 0,

        /// <summary>y ∈ {0, 1}, full scale Y1 = 1.</summary>
        Binary = 1,

        /// <summary>y ∈ [0, 128], full scale Y1 = 128 (Q7, format 1.1).</summary>
        Graded = 2,
    }
}
