namespace Spiking.Edge.Trainer.Cells;

/// <summary>Recurrent weights R of a layer on its own previous-tick outputs (semantics §4.0: drive += Σ_p y[k−1][p] R[p][o]).</summary>
public enum Recurrence
{
    /// <summary>Feed-forward layer.</summary>
    None,

    /// <summary>A full trainable N × N matrix (e.g. SNU's H).</summary>
    Dense,

    /// <summary>A trainable matrix restricted to a fixed sparse ST-RSBP reservoir mask (<see cref="ReservoirOptions"/>); only masked weights exist and train.</summary>
    Reservoir,

    /// <summary>Fixed (untrained) lateral inhibition: −w0 off the diagonal, 0 on it (ST-RSBP's output layer).</summary>
    LateralInhibition,
}
