using Spiking.Edge.Trainer.Cells;

namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// One layer of a <see cref="NetworkConfig"/>: the cell kind, the number of neurons, the recurrent weights and the
/// options of that cell (only the options object that matches <see cref="Cell"/> may be given; sSNU uses <c>snu</c>).
/// </summary>
public sealed record LayerConfig
{
    /// <summary>Neuron model.</summary>
    public required CellKind Cell { get; init; }

    /// <summary>Number of neurons, 1..65535.</summary>
    public required int Size { get; init; }

    /// <summary>Optional layer name in the model file (default "hidden{n}" for hidden layers, "output" for a SPIKE_COUNT output layer).</summary>
    public string? Name { get; init; }

    /// <summary>Recurrent weights on the layer's own previous-tick outputs.</summary>
    public Recurrence Recurrence { get; init; } = Recurrence.None;

    /// <summary>Reservoir connectivity (recurrence = reservoir only; null = defaults).</summary>
    public ReservoirOptions? Reservoir { get; init; }

    /// <summary>w0 of fixed lateral inhibition (recurrence = lateralInhibition only; null = 1, in the layer's real units).</summary>
    public float? LateralInhibitionWeight { get; init; }

    /// <summary>Whether the drive has a trainable bias; null = the cell's default (LIF: yes; Lee, CUBA, SNU: no; SRC: never, its b is separate).</summary>
    public bool? Bias { get; init; }

    /// <summary>Options of a <c>lif</c> layer.</summary>
    public LifOptions? Lif { get; init; }

    /// <summary>Options of a <c>leeLif</c> layer.</summary>
    public LeeLifOptions? LeeLif { get; init; }

    /// <summary>Options of a <c>cubaLif</c> layer.</summary>
    public CubaLifOptions? CubaLif { get; init; }

    /// <summary>Options of an <c>snu</c> or <c>ssnu</c> layer.</summary>
    public SnuOptions? Snu { get; init; }

    /// <summary>Options of an <c>src</c> layer.</summary>
    public SrcOptions? Src { get; init; }
}
