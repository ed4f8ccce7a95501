using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>A lookup table of semantics.md §4.4 in plain integers.</summary>
internal sealed record TableSpec(int InputShift, int InputOffset, int[] Values);

/// <summary>The parameters of an SRC layer (semantics.md §4.3) in plain integers.</summary>
internal sealed record SrcSpec
{
    public int FractionBits { get; init; } = 8;
    public int InputDecay { get; init; }
    public TableSpec InputTable { get; init; } = new(0, 0, [0]);
    public TableSpec FastTable { get; init; } = new(0, 0, [0]);
    public int FastFeedback { get; init; }
    public int SlowFeedback { get; init; }
    public int GateThreshold { get; init; }
    public int SlowGateRest { get; init; }
    public int SlowGateActive { get; init; }
    public int RestFast { get; init; }
    public int RestSlow { get; init; }
}

/// <summary>One layer of a test network in plain integers: what semantics.md §3–§4 reads (format 1.0 and 1.1 fields).</summary>
internal sealed record LayerSpec
{
    public int InputSize { get; init; }
    public int OutputSize { get; init; }

    /// <summary>W[i][o] at i * OutputSize + o.</summary>
    public sbyte[] Weights { get; init; } = Array.Empty<sbyte>();

    public P.NeuronModel Neuron { get; init; } = P.NeuronModel.Lif;
    public int LeakShift { get; init; }
    public P.ResetMode Reset { get; init; } = P.ResetMode.Subtract;
    public P.ThresholdComparison Comparison { get; init; } = P.ThresholdComparison.GreaterOrEqual;
    public int[] Threshold { get; init; } = Array.Empty<int>();
    public int[] Bias { get; init; } = Array.Empty<int>();
    public P.WeightEncoding Encoding { get; init; } = P.WeightEncoding.Dense;
    public int Bits { get; init; } = 8;

    // Format 1.1 (semantics §4.1–§4.3); the defaults mean "absent".
    public int Decay { get; init; }
    public int CurrentShift { get; init; }
    public int RefractoryTicks { get; init; }
    public int[] RefractoryGain { get; init; } = Array.Empty<int>();
    public int[] Inhibition { get; init; } = Array.Empty<int>();
    public int[] MembraneFloor { get; init; } = Array.Empty<int>();
    public P.StateActivation Activation { get; init; }
    public int NegativeSlope { get; init; }
    public P.OutputKind Output { get; init; }
    public TableSpec? OutputTable { get; init; }
    public P.ResetScope ResetScope { get; init; }

    /// <summary>R[p][o] at p * OutputSize + o; null when the layer has no recurrent weights.</summary>
    public sbyte[]? Recurrent { get; init; }

    public P.WeightEncoding RecurrentEncoding { get; init; } = P.WeightEncoding.Dense;
    public SrcSpec? Src { get; init; }

    /// <summary>GRADED outputs: GRADED LIF and every SRC layer (semantics §4).</summary>
    public bool IsGraded => Neuron == P.NeuronModel.Src || (Neuron == P.NeuronModel.Lif && Output == P.OutputKind.Graded);

    /// <summary>Y1: 1 BINARY, 128 GRADED or SRC, 0 leaky integrator.</summary>
    public int FullScale => Neuron == P.NeuronModel.LeakyIntegrator ? 0 : IsGraded ? 128 : 1;

    /// <summary>True when the layer uses a field of format 1.1.</summary>
    public bool UsesFormat11 =>
        Neuron == P.NeuronModel.Src || Reset == P.ResetMode.Gate || Decay != 0 || CurrentShift != 0 || RefractoryTicks != 0
        || RefractoryGain.Length != 0 || Inhibition.Length != 0 || MembraneFloor.Length != 0 || Activation != 0 || NegativeSlope != 0
        || Output != 0 || OutputTable != null || ResetScope != 0 || Recurrent != null || Src != null;

    /// <summary>The same layer with both its matrices in <paramref name="encoding"/>.</summary>
    public LayerSpec With(P.WeightEncoding encoding) => this with { Encoding = encoding, RecurrentEncoding = encoding };
}

/// <summary>A whole test network: geometry, timing, readout, layers.</summary>
internal sealed record NetSpec
{
    public int Width { get; init; } = 1;
    public int Height { get; init; } = 1;
    public int Polarities { get; init; } = 1;
    public int TickMicroseconds { get; init; } = 1000;
    public int TicksPerSample { get; init; } = 1;
    public P.ReadoutMode Readout { get; init; } = P.ReadoutMode.SpikeCount;
    public LayerSpec[] Layers { get; init; } = Array.Empty<LayerSpec>();

    /// <summary>format_minor to write; null: 1 when any layer uses a 1.1 field, else 0 (as the writer does).</summary>
    public int? FormatMinor { get; init; }

    public int EffectiveMinor => FormatMinor ?? (Layers.Any(l => l.UsesFormat11) ? 1 : 0);

    public NetSpec WithEncoding(P.WeightEncoding encoding) => this with { Layers = Layers.Select(l => l.With(encoding)).ToArray() };
}
