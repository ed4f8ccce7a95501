namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>Which output resets a LIF neuron (semantics.md §4.1 step 11); numbers as in the .proto's ResetScope.</summary>
    internal enum ResetScope
    {
        /// <summary>Not written: <see cref="Neuron"/>.</summary>
        Unspecified = 0,

        /// <summary>Each neuron resets by its own output.</summary>
        Neuron = 1,

        /// <summary>Every neuron resets by the layer's largest output of the tick (format 1.1).</summary>
        Layer = 2,
    }
}
