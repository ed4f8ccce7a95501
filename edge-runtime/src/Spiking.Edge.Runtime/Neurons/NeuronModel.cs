namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>The neuron rule of a layer; numbers as in the .proto's NeuronModel (semantics.md §4).</summary>
    internal enum NeuronModel
    {
        /// <summary>Leaky integrate-and-fire and its format-1.1 options (semantics §4.1).</summary>
        Lif = 1,

        /// <summary>The same membrane, never outputs (semantics §4.2).</summary>
        LeakyIntegrator = 2,

        /// <summary>Spiking recurrent cell: input integrator, fast and slow fixed-point states, graded output (semantics §4.3).</summary>
        Src = 3,
    }
}
