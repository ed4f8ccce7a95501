namespace Spiking.Edge.Trainer.Models;

/// <summary>How a <see cref="SpikingNetwork"/> turns its last layer into logits (semantics §5).</summary>
public enum NetworkReadout
{
    /// <summary>A leaky-integrator readout layer (Linear + <see cref="Cells.LeakyReadout"/>) after the configured layers;
    /// logits = the time average of its membrane (READOUT_MODE_MEMBRANE_SUM).</summary>
    MembraneSum,

    /// <summary>No extra layer: logits = the last configured layer's output counts Σ_t y (ST-RSBP style; its size must be
    /// the output size; READOUT_MODE_SPIKE_COUNT).</summary>
    SpikeCount,
}
