namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>The normaliser of the exponential weight regulariser's mean square for a reservoir neuron (seed-methods §2.6).</summary>
public enum ReservoirRegularizerNormalizer
{
    /// <summary>The reference code's: N_in + (all recurrent connections of the layer) + 1, the same for every neuron (default).</summary>
    TotalConnections,

    /// <summary>The neuron's own fan-in: N_in + (its recurrent inputs) + 1.</summary>
    OwnFanIn,
}
