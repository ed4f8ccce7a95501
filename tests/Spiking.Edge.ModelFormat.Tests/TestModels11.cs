using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>
/// Format-1.1 models; each call builds a fresh object. <see cref="EveryField"/> uses every 1.1 field:
/// 3×2×2 input → [0] BINARY LIF 12→10 with every LIF option and DENSE recurrent weights → [1] GRADED LIF 10→20
/// with BITMAP recurrent weights → [2] SRC 20→8 with CSR recurrent weights → [3] leaky integrator 8→5 with decay
/// and a synaptic current; MEMBRANE_SUM readout.
/// </summary>
internal static class TestModels11
{
    public static Model EveryField(int seed = 11)
    {
        var random = new Random(seed);
        return new Model
        {
            FormatMajor = 1,
            FormatMinor = 1,
            Input = new InputGeometry { Width = 3, Height = 2, Polarities = 2 },
            TickMicroseconds = 1000,
            TicksPerSample = 20,
            Layers = { LifWithEveryOption(random), Graded(random), Src(random), Readout(random) },
            Readout = new Readout { Mode = ReadoutMode.MembraneSum },
            Labels = { "a", "b", "c", "d", "e" },
        };
    }

    /// <summary>A GRADED output table: 41 entries ramping from 0 to 128 (Q7), index = (v − threshold) / 16 + 8.</summary>
    public static LookupTable OutputTable()
    {
        var table = new LookupTable { InputShift = 4, InputOffset = -8 };
        for (int k = 0; k <= 40; k++)
        {
            table.Values.Add(Math.Max(0, (k - 8) * 4));
        }

        return table;
    }

    /// <summary>SRC parameters with F = 12: tanh tables, feedbacks and gates of plausible size.</summary>
    public static SrcParameters SrcParameters()
    {
        const int F = 12;
        var src = new SrcParameters
        {
            FractionBits = F,
            InputDecay = 62259,
            InputTable = Tanh(inputShift: 4, inputOffset: -64, count: 128, inputStep: 16, scale: 2 << F),
            FastTable = Tanh(inputShift: 6, inputOffset: -128, count: 256, inputStep: 64, scale: 1 << F),
            FastFeedback = 2048,
            SlowFeedback = -1024,
            GateThreshold = 400,
            SlowGateRest = 58982,
            SlowGateActive = 6554,
            RestFast = 0,
            RestSlow = -100,
        };
        return src;
    }

    /// <summary>Turns <paramref name="layer"/> into a valid SRC layer of the same shape (bias kept, in Q(F)).</summary>
    public static void MakeSrc(Layer layer)
    {
        layer.Neuron = NeuronModel.Src;
        layer.LeakShift = 0;
        layer.Reset = ResetMode.Unspecified;
        layer.Comparison = ThresholdComparison.Unspecified;
        layer.Threshold.Clear();
        layer.Src = SrcParameters();
    }

    /// <summary>Turns LIF <paramref name="layer"/> into a valid GRADED LIF layer (reset ZERO, no comparison, an output table).</summary>
    public static void MakeGraded(Layer layer)
    {
        layer.Output = OutputKind.Graded;
        layer.Reset = ResetMode.Zero;
        layer.Comparison = ThresholdComparison.Unspecified;
        layer.OutputTable = OutputTable();
    }

    /// <summary>Recurrent weights for a layer of <paramref name="size"/> neurons in the given encoding.</summary>
    public static Weights Recurrent(Random random, int size, double density, WeightEncoding encoding)
        => TestModels.Encode(encoding, TestModels.RandomWeights(random, size, size, density), size, size);

    /// <summary>
    /// 65,535 inputs → GRADED LIF 65,535 → a layer of <paramref name="neurons"/> (SRC, or BINARY LIF) with recurrent
    /// weights; every matrix CSR and empty so that the model stays small.
    /// </summary>
    public static Model WideGradedThenRecurrent(int neurons, NeuronModel recurrentNeuron)
    {
        const int Wide = 65535;
        var graded = new Layer
        {
            InputSize = Wide,
            OutputSize = Wide,
            Neuron = NeuronModel.Lif,
            Reset = ResetMode.Zero,
            Weights = EmptyCsr(Wide),
        };
        TestModels11.MakeGraded(graded);
        graded.Threshold.AddRange(new int[Wide]);
        graded.WeightScale.AddRange(Enumerable.Repeat(1f, Wide));
        var recurrent = new Layer
        {
            InputSize = Wide,
            OutputSize = (uint)neurons,
            Neuron = recurrentNeuron,
            Weights = EmptyCsr(Wide),
            RecurrentWeights = EmptyCsr(neurons),
        };
        recurrent.WeightScale.AddRange(Enumerable.Repeat(1f, neurons));
        if (recurrentNeuron == NeuronModel.Src)
        {
            recurrent.Src = TestModels11.SrcParameters();
        }
        else
        {
            recurrent.Reset = ResetMode.Zero;
            recurrent.Comparison = ThresholdComparison.Greater;
            recurrent.Threshold.AddRange(Enumerable.Repeat(1, neurons));
        }

        return new Model
        {
            FormatMajor = 1,
            FormatMinor = 1,
            Input = new InputGeometry { Width = Wide, Height = 1, Polarities = 1 },
            TickMicroseconds = 1000,
            TicksPerSample = 10,
            Layers = { graded, recurrent },
            Readout = new Readout { Mode = ReadoutMode.SpikeCount },
        };
    }

    /// <summary>CSR weights with <paramref name="rows"/> empty rows (one zero count byte each) and no values.</summary>
    private static Weights EmptyCsr(int rows) => new()
    {
        Encoding = WeightEncoding.Csr,
        Bits = 8,
        Index = ByteString.CopyFrom(new byte[rows]),
    };

    private static Layer LifWithEveryOption(Random random)
    {
        Layer layer = Layer("lif-options", NeuronModel.Lif, 12, 10, 0.9, WeightEncoding.Dense, random);
        layer.Output = OutputKind.Binary;
        layer.Reset = ResetMode.Gate;
        layer.ResetScope = ResetScope.Layer;
        layer.Comparison = ThresholdComparison.Greater;
        layer.Decay = 60000;
        layer.CurrentShift = 3;
        layer.RefractoryTicks = 2;
        layer.RefractoryGain.AddRange([0, 8192, 16384, 32768]);
        layer.Activation = StateActivation.LeakyRelu;
        layer.NegativeSlope = 6554;
        layer.RecurrentWeights = Recurrent(random, 10, 0.8, WeightEncoding.Dense);
        for (int o = 0; o < 10; o++)
        {
            layer.Threshold.Add(random.Next(1, 500));
            layer.Bias.Add(random.Next(-20, 21));
            layer.Inhibition.Add(random.Next(0, 6));
            layer.MembraneFloor.Add(-1000);
        }

        return layer;
    }

    private static Layer Graded(Random random)
    {
        Layer layer = Layer("graded", NeuronModel.Lif, 10, 20, 0.5, WeightEncoding.Unspecified, random);
        MakeGraded(layer);
        layer.Reset = ResetMode.None;
        layer.ResetScope = ResetScope.Neuron;
        layer.Activation = StateActivation.Identity;
        layer.LeakShift = 2;
        layer.RecurrentWeights = Recurrent(random, 20, 0.3, WeightEncoding.Bitmap);
        for (int o = 0; o < 20; o++)
        {
            layer.Threshold.Add(o == 0 ? -50 : random.Next(0, 500));
        }

        return layer;
    }

    private static Layer Src(Random random)
    {
        Layer layer = Layer("src", NeuronModel.Src, 20, 8, 0.4, WeightEncoding.Unspecified, random);
        layer.Src = SrcParameters();
        layer.RecurrentWeights = Recurrent(random, 8, 0.2, WeightEncoding.Csr);
        for (int o = 0; o < 8; o++)
        {
            layer.Bias.Add(random.Next(-400, 401));
        }

        return layer;
    }

    private static Layer Readout(Random random)
    {
        Layer layer = Layer("readout", NeuronModel.LeakyIntegrator, 8, 5, 0.7, WeightEncoding.Bitmap, random);
        layer.Decay = 50000;
        layer.CurrentShift = 2;
        return layer;
    }

    private static Layer Layer(string name, NeuronModel neuron, int inputSize, int outputSize, double density, WeightEncoding encoding, Random random)
    {
        var layer = new Layer
        {
            Name = name,
            InputSize = (uint)inputSize,
            OutputSize = (uint)outputSize,
            Neuron = neuron,
            Weights = TestModels.Encode(encoding, TestModels.RandomWeights(random, inputSize, outputSize, density), inputSize, outputSize),
        };
        for (int o = 0; o < outputSize; o++)
        {
            layer.WeightScale.Add((float)(0.001 + (random.NextDouble() * 0.01)));
        }

        return layer;
    }

    /// <summary>scale × tanh at the centre of each entry's input interval, rounded half away from zero (semantics §4.4).</summary>
    private static LookupTable Tanh(uint inputShift, int inputOffset, int count, int inputStep, int scale)
    {
        var table = new LookupTable { InputShift = inputShift, InputOffset = inputOffset };
        for (int k = 0; k < count; k++)
        {
            double x = ((k + inputOffset) * (double)(1 << (int)inputShift) + ((1 << (int)inputShift) / 2.0)) / (inputStep * 64.0);
            table.Values.Add((int)Math.Round(scale * Math.Tanh(x), MidpointRounding.AwayFromZero));
        }

        return table;
    }
}
