using Google.Protobuf;
using Spiking.Edge.ModelFormat;
using Proto = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// The 2312-800-10 DENSE int8 reference network with random weights: 34×34×2 input, LIF hidden layer (SUBTRACT,
/// GREATER_OR_EQUAL, leak_shift 4), LEAKY_INTEGRATOR output, MEMBRANE_SUM readout, 31 ticks of 10 ms. With a
/// sparsity s &gt; 0 each weight of both layers is zero with probability s and otherwise uniform in ±[1, 127]; any
/// encoding can be forced (<see cref="WeightCodec.EncodeAs"/>).
/// </summary>
internal sealed class BenchModel
{
    public const int Width = 34;
    public const int Height = 34;
    public const int Polarities = 2;
    public const int Inputs = Width * Height * Polarities;
    public const int Hidden = 800;
    public const int Classes = 10;
    public const int TickMicroseconds = 10_000;
    public const int Ticks = 31;
    public const int LeakShift = 4;

    private readonly byte[] _hiddenWeights;
    private readonly byte[] _outputWeights;

    public BenchModel(int seed, double sparsity = 0)
    {
        var random = new Random(seed);
        Sparsity = sparsity;
        _hiddenWeights = RandomWeights(random, Inputs * Hidden, sparsity);
        _outputWeights = RandomWeights(random, Hidden * Classes, sparsity);
    }

    /// <summary>The probability that a weight is zero (0: the plain uniform ±127 model).</summary>
    public double Sparsity { get; }

    /// <summary>The hidden layer's input-major [i × 800 + o] signed bytes.</summary>
    public byte[] HiddenWeights => _hiddenWeights;

    /// <summary>Model file bytes with every hidden threshold equal to <paramref name="threshold"/>.</summary>
    public byte[] ToBytes(int threshold) => ToBytes(threshold, Proto.WeightEncoding.Dense);

    /// <summary>Model file bytes with both layers' weights stored in <paramref name="encoding"/>.</summary>
    public byte[] ToBytes(int threshold, Proto.WeightEncoding encoding)
    {
        var model = new Proto.Model
        {
            Input = new Proto.InputGeometry { Width = Width, Height = Height, Polarities = Polarities },
            TickMicroseconds = TickMicroseconds,
            TicksPerSample = Ticks,
            Readout = new Proto.Readout { Mode = Proto.ReadoutMode.MembraneSum },
            Provenance = new Proto.Provenance { Notes = "Spiking.Edge.Bench.Runtime: uniform random int8 weights, not trained" },
        };
        var hidden = Layer("hidden", Inputs, Hidden, Proto.NeuronModel.Lif, _hiddenWeights, encoding);
        hidden.Reset = Proto.ResetMode.Subtract;
        hidden.Comparison = Proto.ThresholdComparison.GreaterOrEqual;
        hidden.Threshold.AddRange(Enumerable.Repeat(threshold, Hidden));
        model.Layers.Add(hidden);
        model.Layers.Add(Layer("output", Hidden, Classes, Proto.NeuronModel.LeakyIntegrator, _outputWeights, encoding));
        return ModelWriter.ToBytes(model);
    }

    private static Proto.Layer Layer(string name, int inputs, int outputs, Proto.NeuronModel neuron, byte[] weights, Proto.WeightEncoding encoding)
    {
        var layer = new Proto.Layer
        {
            Name = name,
            InputSize = (uint)inputs,
            OutputSize = (uint)outputs,
            Neuron = neuron,
            LeakShift = LeakShift,
            Weights = encoding == Proto.WeightEncoding.Dense
                ? new Proto.Weights
                {
                    Encoding = Proto.WeightEncoding.Dense,
                    Bits = 8,
                    Values = ByteString.CopyFrom(weights),
                    NonzeroCount = (ulong)weights.Count(b => b != 0),
                }
                : WeightCodec.EncodeAs(encoding, Array.ConvertAll(weights, b => (sbyte)b), inputs, outputs, 8),
        };
        layer.WeightScale.AddRange(Enumerable.Repeat(1f / 127, outputs));
        return layer;
    }

    /// <summary>
    /// Input-major [i × out + o] signed bytes: uniform in [−127, 127] when <paramref name="sparsity"/> is 0, else
    /// zero with probability <paramref name="sparsity"/> and uniform in ±[1, 127] otherwise.
    /// </summary>
    private static byte[] RandomWeights(Random random, int count, double sparsity)
    {
        var bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            if (sparsity == 0)
            {
                bytes[i] = (byte)(sbyte)random.Next(-127, 128);
            }
            else if (random.NextDouble() >= sparsity)
            {
                int magnitude = random.Next(1, 128);
                bytes[i] = (byte)(sbyte)(random.Next(2) == 0 ? magnitude : -magnitude);
            }
        }

        return bytes;
    }
}
