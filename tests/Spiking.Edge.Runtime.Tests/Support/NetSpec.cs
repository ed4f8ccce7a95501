using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>One layer of a test network in plain integers: what semantics.md §3–§4 reads.</summary>
internal sealed class LayerSpec
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

    public LayerSpec With(P.WeightEncoding encoding) => new()
    {
        InputSize = InputSize, OutputSize = OutputSize, Weights = Weights, Neuron = Neuron, LeakShift = LeakShift,
        Reset = Reset, Comparison = Comparison, Threshold = Threshold, Bias = Bias, Encoding = encoding, Bits = Bits,
    };
}

/// <summary>A whole test network: geometry, timing, readout, layers.</summary>
internal sealed class NetSpec
{
    public int Width { get; init; } = 1;
    public int Height { get; init; } = 1;
    public int Polarities { get; init; } = 1;
    public int TickMicroseconds { get; init; } = 1000;
    public int TicksPerSample { get; init; } = 1;
    public P.ReadoutMode Readout { get; init; } = P.ReadoutMode.SpikeCount;
    public LayerSpec[] Layers { get; init; } = Array.Empty<LayerSpec>();

    public NetSpec WithEncoding(P.WeightEncoding encoding) => new()
    {
        Width = Width, Height = Height, Polarities = Polarities, TickMicroseconds = TickMicroseconds,
        TicksPerSample = TicksPerSample, Readout = Readout, Layers = Layers.Select(l => l.With(encoding)).ToArray(),
    };
}
