namespace Spiking.Edge.Runtime
{
    /// <summary>Which loop closes a layer's tick (semantics.md §4.1–§4.3).</summary>
    internal enum LayerRule
    {
        /// <summary>A format-1.0 LIF layer: bias, clamp, record, fire, reset (Neurons/LifNeuron).</summary>
        PlainLif = 0,

        /// <summary>A LIF layer with any format-1.1 option (Neurons/LifOptionsNeuron).</summary>
        Lif = 1,

        /// <summary>A leaky integrator (Neurons/LeakyIntegratorNeuron).</summary>
        LeakyIntegrator = 2,

        /// <summary>A spiking recurrent cell (Neurons/SrcNeuron).</summary>
        Src = 3,
    }
}
