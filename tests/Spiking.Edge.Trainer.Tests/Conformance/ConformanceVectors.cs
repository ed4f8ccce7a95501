using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Tests.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>One conformance vector: a model, a sample's events, its window start and (for the worked example) literal expectations.</summary>
internal sealed record ConformanceVector(string Name, string Description, Model Model, Event[] Events, long WindowStartMicroseconds, ConformanceExpectation? Literal = null);

/// <summary>
/// The definitions the generator turns into model-format/spec/conformance/. Every model and stream is built from a
/// fixed seed, so regenerating gives the same bytes. Together they cover DENSE/CSR/BITMAP (with stored zeros),
/// each reset mode, both comparisons, leak 0 and &gt; 0 (up to 24), bias, saturation at both ends of the state
/// range, one and two polarities, events outside the window and out of geometry, late events, 1–3 layers, LIF and
/// leaky-integrator readouts, SPIKE_COUNT and MEMBRANE_SUM, readout ties, and a window start t0 ≠ 0.
/// </summary>
internal static partial class ConformanceVectors
{
    public static IReadOnlyList<ConformanceVector> All() =>
    [
        WorkedExample(),
        DenseLifZeroMergedPolarity(),
        CsrSubtractGreaterTwoLayers(),
        BitmapNoneLeakyReadout(),
        ThreeLayersMixedEncodings(),
        ClampSaturation(),
        LifReadoutMembraneSum(),
        FourBitWeightsReadoutTie(),
        DenseDeepLeakMax(),
        GradedSigmoidGateReset(),
        LayerScopeReset(),
        RecurrentCsrCurrentRefractory(),
        SoftRefractoryWtaFloor(),
        DecayLeakyRelu(),
        SrcChain(),
        ProductsNearLimits(),
    ];

    /// <summary>semantics.md §8; expectations copied from its table, not computed.</summary>
    private static ConformanceVector WorkedExample()
    {
        Model model = NewModel(2, 1, 1, 1000, 3, ReadoutMode.SpikeCount);
        model.Layers.Add(NewLayer("worked", 2, 1, NeuronModel.Lif, 1, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, [4], [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, [3, -2], 2, 1, 8)));
        Event[] events = [new Event(0, 0, 0, 100), new Event(0, 0, 0, 900), new Event(1, 0, 0, 1500), new Event(0, 0, 0, 2100)];
        var literal = new ConformanceExpectation(
            1,
            "worked_example",
            "semantics.md §8: one LIF neuron, W = [[3], [-2]], threshold 4, >=, SUBTRACT, leak 1, T = 3.",
            0,
            [new ConformanceLayerCounts([1])],
            [8],
            0,
            4,
            3,
            new ConformanceCounters(4, 0, 0, 0, 0));
        return new ConformanceVector(literal.Name, literal.Description, model, events, 0, literal);
    }

    private static ConformanceVector DenseLifZeroMergedPolarity()
    {
        var random = new Random(101);
        Model model = NewModel(3, 3, 1, 1000, 8, ReadoutMode.SpikeCount);
        sbyte[] w = RandomWeights(random, 9, 4, 0.0, 127);
        model.Layers.Add(NewLayer("fc0", 9, 4, NeuronModel.Lif, 0, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, [150, 200, 90, 300], [5, -7, 0, 12], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w, 9, 4, 8)));
        Event[] events = RandomEventStream.Create(random, 3, 3, 1, 1000, 8, 160, t0: 0);
        return new ConformanceVector("dense_lif_zero_merged_polarity", "1 layer 9 -> 4 LIF, DENSE, ZERO, >=, no leak, bias; polarities merged (both p map to one plane); events before t0, after the window, out of geometry, late; SPIKE_COUNT.", model, events, 0);
    }

    private static ConformanceVector CsrSubtractGreaterTwoLayers()
    {
        var random = new Random(202);
        Model model = NewModel(4, 4, 2, 500, 10, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 32, 12, 0.8, 127);
        sbyte[] w1 = RandomWeights(random, 12, 3, 0.0, 127);
        model.Layers.Add(NewLayer("fc0", 32, 12, NeuronModel.Lif, 2, ResetMode.Subtract, ThresholdComparison.Greater, Thresholds(random, 12, 60, 200), Biases(random, 12, 10), ForcedWeightEncoder.Encode(WeightEncoding.Csr, w0, 32, 12, 8, (i, o) => (i + o) % 7 == 0)));
        model.Layers.Add(NewLayer("fc1", 12, 3, NeuronModel.Lif, 1, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, [100, 120, 80], [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 12, 3, 8)));
        Event[] events = RandomEventStream.Create(random, 4, 4, 2, 500, 10, 400, t0: 7000);
        return new ConformanceVector("csr_subtract_greater_two_layers", "32 -> 12 LIF (CSR with stored zeros, SUBTRACT, >, leak 2, bias) -> 3 LIF (DENSE, ZERO, >=, leak 1); two polarities; window start t0 = 7000 us; SPIKE_COUNT.", model, events, 7000);
    }

    private static ConformanceVector BitmapNoneLeakyReadout()
    {
        var random = new Random(303);
        Model model = NewModel(5, 2, 2, 1000, 12, ReadoutMode.MembraneSum);
        sbyte[] w0 = RandomWeights(random, 20, 16, 0.5, 127);
        sbyte[] w1 = RandomWeights(random, 16, 4, 0.0, 127);
        model.Layers.Add(NewLayer("fc0", 20, 16, NeuronModel.Lif, 3, ResetMode.None, ThresholdComparison.GreaterOrEqual, Thresholds(random, 16, 80, 400), Biases(random, 16, 20), ForcedWeightEncoder.Encode(WeightEncoding.Bitmap, w0, 20, 16, 8, (i, o) => (i * o) % 11 == 5)));
        model.Layers.Add(NewLayer("readout", 16, 4, NeuronModel.LeakyIntegrator, 2, ResetMode.Unspecified, ThresholdComparison.Unspecified, [], [3, -3, 0, 1], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 16, 4, 8)));
        Event[] events = RandomEventStream.Create(random, 5, 2, 2, 1000, 12, 300, t0: 0);
        return new ConformanceVector("bitmap_none_leaky_readout", "20 -> 16 LIF (BITMAP with stored zeros, reset NONE, leak 3) -> 4 LEAKY_INTEGRATOR (leak 2, bias); MEMBRANE_SUM.", model, events, 0);
    }

    private static ConformanceVector ThreeLayersMixedEncodings()
    {
        var random = new Random(404);
        Model model = NewModel(6, 6, 2, 1000, 15, ReadoutMode.MembraneSum);
        sbyte[] w0 = RandomWeights(random, 72, 20, 0.9, 127);
        sbyte[] w1 = RandomWeights(random, 20, 10, 0.6, 127);
        sbyte[] w2 = RandomWeights(random, 10, 5, 0.0, 127);
        model.Layers.Add(NewLayer("fc0", 72, 20, NeuronModel.Lif, 1, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, Thresholds(random, 20, 40, 150), Biases(random, 20, 15), ForcedWeightEncoder.Encode(WeightEncoding.Csr, w0, 72, 20, 8)));
        model.Layers.Add(NewLayer("fc1", 20, 10, NeuronModel.Lif, 4, ResetMode.Zero, ThresholdComparison.Greater, Thresholds(random, 10, 30, 120), Biases(random, 10, 10), ForcedWeightEncoder.Encode(WeightEncoding.Bitmap, w1, 20, 10, 8)));
        model.Layers.Add(NewLayer("readout", 10, 5, NeuronModel.LeakyIntegrator, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified, [], [-20, -5, 0, 5, 20], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w2, 10, 5, 8)));
        Event[] events = RandomEventStream.Create(random, 6, 6, 2, 1000, 15, 900, t0: 0);
        return new ConformanceVector("three_layers_mixed_encodings", "72 -> 20 LIF (CSR, SUBTRACT, leak 1) -> 10 LIF (BITMAP, ZERO, >, leak 4) -> 5 LEAKY_INTEGRATOR (DENSE, no leak, negative bias); MEMBRANE_SUM.", model, events, 0);
    }

    private static ConformanceVector ClampSaturation()
    {
        Model model = NewModel(2, 2, 2, 1000, 4, ReadoutMode.MembraneSum);
        var w = new sbyte[8 * 3];
        for (int i = 0; i < 8; i++)
        {
            w[(i * 3) + 0] = 127;
            w[(i * 3) + 1] = -127;
            w[(i * 3) + 2] = (sbyte)(i % 2 == 0 ? 100 : -100);
        }

        model.Layers.Add(NewLayer("saturating", 8, 3, NeuronModel.Lif, 0, ResetMode.None, ThresholdComparison.GreaterOrEqual, [Semantics.StateMax, 1, 2_000_000], [3_000_000, -3_000_000, 0], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w, 8, 3, 8)));
        var events = new List<Event>();
        for (int tick = 0; tick < 4; tick++)
        {
            for (int n = 0; n < 2_000; n++)
            {
                events.Add(new Event((ushort)(n % 2), 1, (byte)(tick % 2), (tick * 1000) + (n % 1000)));
            }
        }

        events.Sort((a, b) => a.TimestampMicroseconds.CompareTo(b.TimestampMicroseconds));
        return new ConformanceVector("clamp_saturation", "8 -> 3 LIF, weights +-127, bias +-3,000,000, 2,000 events per tick: membranes saturate at STATE_MAX and STATE_MIN; a threshold of STATE_MAX fires only at saturation; reset NONE; MEMBRANE_SUM.", model, events.ToArray(), 0);
    }

    private static ConformanceVector LifReadoutMembraneSum()
    {
        var random = new Random(606);
        Model model = NewModel(4, 3, 2, 2000, 9, ReadoutMode.MembraneSum);
        sbyte[] w0 = RandomWeights(random, 24, 8, 0.5, 127);
        sbyte[] w1 = RandomWeights(random, 8, 3, 0.0, 127);
        model.Layers.Add(NewLayer("fc0", 24, 8, NeuronModel.Lif, 24, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, Thresholds(random, 8, 50, 200), Biases(random, 8, 10), ForcedWeightEncoder.Encode(WeightEncoding.Bitmap, w0, 24, 8, 8)));
        model.Layers.Add(NewLayer("readout", 8, 3, NeuronModel.Lif, 1, ResetMode.Subtract, ThresholdComparison.Greater, [60, 60, 60], [2, 0, -2], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 8, 3, 8)));
        Event[] events = RandomEventStream.Create(random, 4, 3, 2, 2000, 9, 350, t0: 0);
        return new ConformanceVector("lif_readout_membrane_sum", "24 -> 8 LIF (BITMAP, leak 24 = the largest shift) -> 3 LIF readout (SUBTRACT, >): MEMBRANE_SUM sums the pre-reset membrane.", model, events, 0);
    }

    private static ConformanceVector FourBitWeightsReadoutTie()
    {
        var random = new Random(707);
        Model model = NewModel(5, 5, 1, 1000, 6, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 25, 6, 0.85, 7);
        var w1 = new sbyte[6 * 2];
        for (int i = 0; i < 6; i++)
        {
            w1[(i * 2) + 0] = 7;
            w1[(i * 2) + 1] = 7;
        }

        model.Layers.Add(NewLayer("fc0", 25, 6, NeuronModel.Lif, 1, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, Thresholds(random, 6, 5, 15), [], ForcedWeightEncoder.Encode(WeightEncoding.Csr, w0, 25, 6, 4)));
        model.Layers.Add(NewLayer("readout", 6, 2, NeuronModel.Lif, 0, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, [7, 7], [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 6, 2, 4)));
        Event[] events = RandomEventStream.Create(random, 5, 5, 1, 1000, 6, 250, t0: 0);
        return new ConformanceVector("four_bit_weights_readout_tie", "4-bit weights (|w| <= 7): 25 -> 6 LIF (CSR) -> 2 identical LIF outputs, so SPIKE_COUNT ties and the lowest index wins.", model, events, 0);
    }

    private static ConformanceVector DenseDeepLeakMax()
    {
        var random = new Random(808);
        Model model = NewModel(3, 4, 2, 1000, 20, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 24, 10, 0.0, 127);
        sbyte[] w1 = RandomWeights(random, 10, 4, 0.3, 127);
        model.Layers.Add(NewLayer("fc0", 24, 10, NeuronModel.Lif, 2, ResetMode.None, ThresholdComparison.Greater, Thresholds(random, 10, 100, 500), Biases(random, 10, 30), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w0, 24, 10, 8)));
        model.Layers.Add(NewLayer("fc1", 10, 4, NeuronModel.Lif, 3, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, Thresholds(random, 4, 50, 150), Biases(random, 4, 5), ForcedWeightEncoder.Encode(WeightEncoding.Csr, w1, 10, 4, 8, (i, o) => i == o)));
        Event[] events = RandomEventStream.Create(random, 3, 4, 2, 1000, 20, 600, t0: 0);
        return new ConformanceVector("dense_none_greater_csr_readout", "24 -> 10 LIF (DENSE, reset NONE, >, leak 2, bias) -> 4 LIF (CSR with stored zeros on the diagonal, SUBTRACT, leak 3); SPIKE_COUNT.", model, events, 0);
    }

    private static Model NewModel(int width, int height, int polarities, int tickMicroseconds, int ticks, ReadoutMode readout) => new()
    {
        FormatMajor = 1,
        Input = new InputGeometry { Width = (uint)width, Height = (uint)height, Polarities = (uint)polarities },
        TickMicroseconds = (uint)tickMicroseconds,
        TicksPerSample = (uint)ticks,
        Readout = new Readout { Mode = readout },
    };

    private static Layer NewLayer(string name, int inputs, int outputs, NeuronModel neuron, int leakShift, ResetMode reset, ThresholdComparison comparison, int[] thresholds, int[] bias, Weights weights)
    {
        var layer = new Layer
        {
            Name = name,
            InputSize = (uint)inputs,
            OutputSize = (uint)outputs,
            Neuron = neuron,
            LeakShift = (uint)leakShift,
            Reset = reset,
            Comparison = comparison,
            Weights = weights,
        };
        layer.Threshold.AddRange(thresholds);
        layer.Bias.AddRange(bias);
        layer.WeightScale.AddRange(Enumerable.Repeat(0.01f, outputs));
        return layer;
    }

    private static sbyte[] RandomWeights(Random random, int inputs, int outputs, double sparsity, int qmax)
    {
        var w = new sbyte[inputs * outputs];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = random.NextDouble() < sparsity ? (sbyte)0 : (sbyte)random.Next(-qmax, qmax + 1);
        }

        return w;
    }

    private static int[] Thresholds(Random random, int count, int min, int max) => Enumerable.Range(0, count).Select(_ => random.Next(min, max + 1)).ToArray();

    private static int[] Biases(Random random, int count, int magnitude) => Enumerable.Range(0, count).Select(_ => random.Next(-magnitude, magnitude + 1)).ToArray();
}
