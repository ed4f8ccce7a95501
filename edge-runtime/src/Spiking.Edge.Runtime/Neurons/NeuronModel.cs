namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>The neuron rule of a layer; numbers as in the .proto's NeuronModel (semantics.md §4).</summary>
    internal enum NeuronModel
    {
        /// <summary>Leaky integrate-and-fire with shift leak (semantics §4.1).</summary>
        Lif = 1,

        /// <summary>The same membrane, never spikes (semantics §4.2).</summary>
        LeakyIntegrator = 2,
    }
}
