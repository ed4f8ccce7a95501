using Google.Protobuf;
using Spiking.Edge.ModelFormat;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>
/// Small valid models for host tests: 34 × 34 × 2 input → 24 LIF → 10 LIF, dense seeded int8 weights biased
/// positive so that windows of a few hundred events make spikes, labels "0".."9", T × dt = 20 × 1,000 µs.
/// </summary>
internal static class HostTestModels
{
    public const int Side = 34;
    public const int TickMicroseconds = 1_000;
    public const int Ticks = 20;

    public static byte[] Build(int seed = 1, int width = Side, int height = Side, int ticks = Ticks, string? notes = null)
    {
        var random = new Random(seed);
        int inputs = width * height * 2;
        var model = new P.Model
        {
            Input = new P.InputGeometry { Width = (uint)width, Height = (uint)height, Polarities = 2 },
            TickMicroseconds = TickMicroseconds,
            TicksPerSample = (uint)ticks,
            Readout = new P.Readout { Mode = P.ReadoutMode.SpikeCount },
        };
        model.Layers.Add(Layer(random, inputs, 24, threshold: 60));
        model.Layers.Add(Layer(random, 24, 10, threshold: 40));
        for (int c = 0; c < 10; c++)
        {
            model.Labels.Add(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (notes is not null)
        {
            model.Provenance = new P.Provenance { Notes = notes };
        }

        return ModelWriter.ToBytes(model);
    }

    public static string Write(string folder, int seed = 1)
    {
        string path = Path.Combine(folder, $"model-{seed}.semodel");
        File.WriteAllBytes(path, Build(seed));
        return path;
    }

    private static P.Layer Layer(Random random, int inputs, int outputs, int threshold)
    {
        var values = new byte[inputs * outputs];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (byte)(sbyte)random.Next(-24, 40);
        }

        var layer = new P.Layer
        {
            Name = "layer",
            InputSize = (uint)inputs,
            OutputSize = (uint)outputs,
            Neuron = P.NeuronModel.Lif,
            LeakShift = 3,
            Reset = P.ResetMode.Subtract,
            Comparison = P.ThresholdComparison.GreaterOrEqual,
            Weights = new P.Weights
            {
                Encoding = P.WeightEncoding.Dense,
                Bits = 8,
                Values = ByteString.CopyFrom(values),
                NonzeroCount = (ulong)values.Count(v => v != 0),
            },
        };
        for (int o = 0; o < outputs; o++)
        {
            layer.Threshold.Add(threshold);
            layer.Bias.Add(0);
            layer.WeightScale.Add(0.01f);
        }

        return layer;
    }
}
