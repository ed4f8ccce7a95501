using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>The kind of a layer in a random format-1.1 network.</summary>
internal enum LayerKind
{
    BinaryLif,
    GradedLif,
    Src,
    Integrator,
}

/// <summary>Format-1.1 options a random layer may take (each applies where the layer's kind allows it).</summary>
[Flags]
internal enum Features
{
    None = 0,
    Decay = 1,
    Current = 2,
    HardRefractory = 4,
    SoftRefractory = 8,
    Inhibition = 16,
    Floor = 32,
    LeakyRelu = 64,
    GateReset = 128,
    LayerScope = 256,
    Recurrent = 512,
    All = 1023,
}

/// <summary>
/// Seeded random format-1.1 networks: every option of semantics.md §4.1–§4.4 within the validation rules, with
/// constants scaled to the full scale of the layer's input so that layers keep producing events.
/// </summary>
internal static class RandomNets11
{
    private static readonly Features[] Singles =
        Enum.GetValues<Features>().Where(f => f != Features.None && f != Features.All).ToArray();

    /// <summary>
    /// A network of the given layer kinds; each option in <paramref name="features"/> is given to every layer that can
    /// take it. Matrices use <paramref name="encoding"/>, or a random encoding per matrix when null.
    /// </summary>
    public static NetSpec Network(Random random, LayerKind[] kinds, Features features, P.WeightEncoding? encoding = null, P.WeightEncoding? recurrentEncoding = null)
    {
        int width = random.Next(1, 5), height = random.Next(1, 4), polarities = random.Next(1, 3);
        int input = width * height * polarities;
        int previousScale = 1;
        var layers = new LayerSpec[kinds.Length];
        for (int l = 0; l < kinds.Length; l++)
        {
            int output = random.Next(1, 13);
            layers[l] = Layer(random, kinds[l], input, output, previousScale, features,
                encoding ?? RandomEncoding(random), recurrentEncoding ?? encoding ?? RandomEncoding(random));
            previousScale = Math.Max(1, layers[l].FullScale);
            input = output;
        }

        bool integratorLast = kinds[^1] == LayerKind.Integrator;
        return new NetSpec
        {
            Width = width, Height = height, Polarities = polarities, TickMicroseconds = 1000, TicksPerSample = random.Next(2, 14),
            Readout = integratorLast || random.Next(2) == 0 ? P.ReadoutMode.MembraneSum : P.ReadoutMode.SpikeCount,
            Layers = layers,
        };
    }

    /// <summary>Random kinds (the last one may be a leaky integrator) and a random set of options per layer.</summary>
    public static NetSpec Anything(Random random)
    {
        int count = random.Next(1, 4);
        var kinds = new LayerKind[count];
        for (int l = 0; l < count; l++)
        {
            kinds[l] = (LayerKind)random.Next(l == count - 1 ? 4 : 3);
        }

        NetSpec net = Network(random, kinds, Features.None);
        var layers = net.Layers.ToArray();
        int previousScale = 1;
        for (int l = 0; l < count; l++)
        {
            Features features = Features.None;
            foreach (Features f in Singles)
            {
                features |= random.Next(2) == 0 ? f : Features.None;
            }

            layers[l] = Layer(random, kinds[l], layers[l].InputSize, layers[l].OutputSize, previousScale, features, RandomEncoding(random), RandomEncoding(random));
            previousScale = Math.Max(1, layers[l].FullScale);
        }

        return net with { Layers = layers };
    }

    private static P.WeightEncoding RandomEncoding(Random random) => (P.WeightEncoding)random.Next(1, 4);

    private static LayerSpec Layer(Random random, LayerKind kind, int input, int output, int scale, Features f, P.WeightEncoding encoding, P.WeightEncoding recurrentEncoding)
    {
        var layer = new LayerSpec
        {
            InputSize = input, OutputSize = output, Weights = Matrix(random, input, output, 0.6), Encoding = encoding,
            RecurrentEncoding = recurrentEncoding,
        };
        return kind switch
        {
            LayerKind.Src => Src(random, layer, f),
            LayerKind.Integrator => Integrator(random, layer, scale, f),
            _ => Lif(random, layer, kind == LayerKind.GradedLif, scale, f),
        };
    }

    private static LayerSpec Lif(Random random, LayerSpec layer, bool graded, int scale, Features f)
    {
        int size = layer.OutputSize;
        P.ResetMode[] resets = f.HasFlag(Features.LayerScope)
            ? [P.ResetMode.Zero, P.ResetMode.Gate]
            : graded
                ? f.HasFlag(Features.GateReset) ? [P.ResetMode.Zero, P.ResetMode.None, P.ResetMode.Gate] : [P.ResetMode.Zero, P.ResetMode.None]
                : f.HasFlag(Features.GateReset) ? [P.ResetMode.Zero, P.ResetMode.Subtract, P.ResetMode.None, P.ResetMode.Gate] : [P.ResetMode.Zero, P.ResetMode.Subtract, P.ResetMode.None];
        layer = layer with
        {
            Neuron = P.NeuronModel.Lif,
            Output = graded ? P.OutputKind.Graded : random.Next(3) == 0 ? P.OutputKind.Binary : P.OutputKind.Unspecified,
            Comparison = graded ? P.ThresholdComparison.Unspecified : (P.ThresholdComparison)random.Next(1, 3),
            Reset = resets[random.Next(resets.Length)],
            Threshold = Values(random, size, graded ? -60 * scale : scale, 150 * scale),
            OutputTable = graded ? OutputTable(random, scale) : null,
            Bias = random.Next(2) == 0 ? [] : Values(random, size, -20 * scale, 20 * scale),
            ResetScope = f.HasFlag(Features.LayerScope) ? P.ResetScope.Layer : (P.ResetScope)random.Next(0, 2),
        };
        layer = Leak(random, layer, f);
        if (f.HasFlag(Features.Current))
        {
            layer = layer with { CurrentShift = random.Next(1, 7) };
        }

        if (f.HasFlag(Features.HardRefractory))
        {
            layer = layer with { RefractoryTicks = random.Next(1, 4) };
        }

        if (f.HasFlag(Features.SoftRefractory))
        {
            layer = layer with { RefractoryGain = Values(random, random.Next(1, 5), 0, 32768) };
        }

        if (f.HasFlag(Features.Inhibition))
        {
            layer = layer with { Inhibition = Values(random, size, -10 * scale, 60 * scale) };
        }

        if (f.HasFlag(Features.Floor))
        {
            layer = layer with { MembraneFloor = Values(random, size, -300 * scale, 0) };
        }

        layer = f.HasFlag(Features.LeakyRelu)
            ? layer with { Activation = P.StateActivation.LeakyRelu, NegativeSlope = random.Next(0, 65537) }
            : layer with { Activation = (P.StateActivation)random.Next(0, 2) };
        return f.HasFlag(Features.Recurrent) ? layer with { Recurrent = Matrix(random, size, size, 0.5) } : layer;
    }

    private static LayerSpec Integrator(Random random, LayerSpec layer, int scale, Features f)
    {
        layer = Leak(random, layer with
        {
            Neuron = P.NeuronModel.LeakyIntegrator, Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified,
            Bias = random.Next(2) == 0 ? [] : Values(random, layer.OutputSize, -20 * scale, 20 * scale),
        }, f);
        return f.HasFlag(Features.Current) ? layer with { CurrentShift = random.Next(1, 7) } : layer;
    }

    private static LayerSpec Src(Random random, LayerSpec layer, Features f)
    {
        int fraction = random.Next(8, 15);
        int one = 1 << fraction;
        int inputLength = random.Next(1, 24), fastLength = random.Next(1, 40);
        var src = new SrcSpec
        {
            FractionBits = fraction,
            InputDecay = random.Next(4) switch { 0 => 0, 1 => 65536, _ => random.Next(0, 65537) },
            InputTable = new TableSpec(random.Next(0, 9), -inputLength / 2, Values(random, inputLength, -2 * one, 2 * one)),
            FastTable = new TableSpec(random.Next(Math.Max(0, fraction - 5), fraction + 1), -fastLength / 2, Values(random, fastLength, -one, one)),
            FastFeedback = random.Next(-2 * one, 2 * one + 1),
            SlowFeedback = random.Next(-2 * one, 2 * one + 1),
            GateThreshold = random.Next(-one / 2, one / 2 + 1),
            SlowGateRest = random.Next(3) == 0 ? 65536 : random.Next(0, 65537),
            SlowGateActive = random.Next(3) == 0 ? 0 : random.Next(0, 65537),
            RestFast = random.Next(-one, one + 1),
            RestSlow = random.Next(-one, one + 1),
        };
        layer = layer with
        {
            Neuron = P.NeuronModel.Src, Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified, Src = src,
            Bias = random.Next(2) == 0 ? [] : Values(random, layer.OutputSize, -one / 4, one / 4),
        };
        return f.HasFlag(Features.Recurrent) ? layer with { Recurrent = Matrix(random, layer.OutputSize, layer.OutputSize, 0.5) } : layer;
    }

    /// <summary>Decay (Q16) with the Decay option, else a random shift leak (never both).</summary>
    private static LayerSpec Leak(Random random, LayerSpec layer, Features f) => f.HasFlag(Features.Decay)
        ? layer with { Decay = random.Next(1, 65536), LeakShift = 0 }
        : layer with { LeakShift = random.Next(0, 5) };

    /// <summary>A GRADED output table: a clipped ramp or random values in [0, 128], zeros included.</summary>
    private static TableSpec OutputTable(Random random, int scale)
    {
        int length = random.Next(1, 17);
        int[] values = random.Next(2) == 0
            ? Enumerable.Range(0, length).Select(j => Math.Clamp((j - 2) * random.Next(8, 40), 0, 128)).ToArray()
            : Values(random, length, -40, 128).Select(v => Math.Max(0, v)).ToArray();
        int shift = random.Next(0, scale > 1 ? 9 : 4);
        return new TableSpec(shift, random.Next(-3, 4), values);
    }

    private static sbyte[] Matrix(Random random, int rows, int columns, double density)
    {
        var w = new sbyte[rows * columns];
        for (int j = 0; j < w.Length; j++)
        {
            w[j] = random.NextDouble() < density ? (sbyte)random.Next(-127, 128) : (sbyte)0;
        }

        return w;
    }

    private static int[] Values(Random random, int count, int min, int max) =>
        Enumerable.Range(0, count).Select(_ => random.Next(min, max + 1)).ToArray();
}
