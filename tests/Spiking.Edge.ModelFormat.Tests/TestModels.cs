using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>Models used across the tests; each call builds a fresh object (no shared mutable fixtures).</summary>
internal static class TestModels
{
    /// <summary>The worked example of semantics.md §8.</summary>
    public static Model WorkedExample() => new()
    {
        FormatMajor = 1,
        Input = new InputGeometry { Width = 2, Height = 1, Polarities = 1 },
        TickMicroseconds = 1000,
        TicksPerSample = 3,
        Layers =
        {
            new Layer
            {
                Name = "worked-example",
                InputSize = 2,
                OutputSize = 1,
                Neuron = NeuronModel.Lif,
                LeakShift = 1,
                Reset = ResetMode.Subtract,
                Comparison = ThresholdComparison.GreaterOrEqual,
                Threshold = { 4 },
                Bias = { 0 },
                WeightScale = { 1f },
                Weights = WeightCodec.EncodeAs(WeightEncoding.Dense, [3, -2], 2, 1, 8),
            },
        },
        Readout = new Readout { Mode = ReadoutMode.SpikeCount },
    };

    /// <summary>
    /// A small model with one layer of each encoding: 3×2×2 input → 10 LIF (DENSE) → 20 LIF (CSR) → 5 leaky
    /// integrators (BITMAP), MEMBRANE_SUM readout, five labels.
    /// </summary>
    public static Model Small(int seed = 1)
    {
        var random = new Random(seed);
        return new Model
        {
            FormatMajor = 1,
            Input = new InputGeometry { Width = 3, Height = 2, Polarities = 2 },
            TickMicroseconds = 1000,
            TicksPerSample = 20,
            Layers =
            {
                Lif("hidden0", WeightEncoding.Dense, 12, 10, 0.9, random),
                Lif("hidden1", WeightEncoding.Csr, 10, 20, 0.15, random),
                Integrator("readout", WeightEncoding.Bitmap, 20, 5, 0.6, random),
            },
            Readout = new Readout { Mode = ReadoutMode.MembraneSum },
            Labels = { "a", "b", "c", "d", "e" },
            Provenance = Provenance(),
        };
    }

    /// <summary>An N-MNIST-sized model: 34×34×2 → 128 LIF (90 % sparse) → 10 leaky integrators, encodings chosen by size.</summary>
    public static Model Realistic(int seed = 7)
    {
        var random = new Random(seed);
        var hidden = Lif("hidden", WeightEncoding.Unspecified, 34 * 34 * 2, 128, 0.1, random);
        var output = Integrator("output", WeightEncoding.Unspecified, 128, 10, 0.95, random);
        var model = new Model
        {
            FormatMajor = 1,
            Input = new InputGeometry { Width = 34, Height = 34, Polarities = 2 },
            TickMicroseconds = 1000,
            TicksPerSample = 300,
            Layers = { hidden, output },
            Readout = new Readout { Mode = ReadoutMode.MembraneSum },
            Provenance = Provenance(),
        };
        model.Labels.AddRange(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return model;
    }

    /// <summary>Dense weights [input][output] with roughly <paramref name="density"/> non-zero entries within ±(2^(bits−1)−1).</summary>
    public static sbyte[] RandomWeights(Random random, int inputSize, int outputSize, double density, int bits = 8)
    {
        int limit = (1 << (bits - 1)) - 1;
        var dense = new sbyte[inputSize * outputSize];
        for (int k = 0; k < dense.Length; k++)
        {
            if (random.NextDouble() < density)
            {
                int magnitude = random.Next(1, limit + 1);
                dense[k] = (sbyte)(random.Next(2) == 0 ? magnitude : -magnitude);
            }
        }

        return dense;
    }

    /// <summary>Encodes with the given encoding, or the smallest one for <see cref="WeightEncoding.Unspecified"/>.</summary>
    public static Weights Encode(WeightEncoding encoding, sbyte[] dense, int inputSize, int outputSize, int bits = 8)
        => encoding == WeightEncoding.Unspecified
            ? WeightCodec.Encode(dense, inputSize, outputSize, bits)
            : WeightCodec.EncodeAs(encoding, dense, inputSize, outputSize, bits);

    /// <summary>A copy of <paramref name="bytes"/> with its checksum recomputed (so that later checks are reached).</summary>
    public static byte[] WithFixedChecksum(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        int tag = copy.Length - 5;
        uint crc = Spiking.Edge.Runtime.Format.Crc32.Compute(copy, 0, tag);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(tag + 1), crc);
        return copy;
    }

    /// <summary>Serializes without the writer's checks and appends a correct checksum field (for crafting refused files).</summary>
    public static byte[] SerializeWithChecksum(Model model)
    {
        var copy = model.Clone();
        copy.Checksum = 0;
        byte[] body = copy.ToByteArray();
        var bytes = new byte[body.Length + 5];
        body.CopyTo(bytes, 0);
        bytes[body.Length] = 0x7D;
        return WithFixedChecksum(bytes);
    }

    private static Layer Lif(string name, WeightEncoding encoding, int inputSize, int outputSize, double density, Random random)
    {
        var layer = new Layer
        {
            Name = name,
            InputSize = (uint)inputSize,
            OutputSize = (uint)outputSize,
            Neuron = NeuronModel.Lif,
            LeakShift = 4,
            Reset = ResetMode.Subtract,
            Comparison = ThresholdComparison.GreaterOrEqual,
            Weights = Encode(encoding, RandomWeights(random, inputSize, outputSize, density), inputSize, outputSize),
        };
        for (int o = 0; o < outputSize; o++)
        {
            layer.Threshold.Add(random.Next(1, 500));
            layer.Bias.Add(random.Next(-20, 21));
            layer.WeightScale.Add((float)(0.001 + random.NextDouble() * 0.01));
        }

        return layer;
    }

    private static Layer Integrator(string name, WeightEncoding encoding, int inputSize, int outputSize, double density, Random random)
    {
        var layer = new Layer
        {
            Name = name,
            InputSize = (uint)inputSize,
            OutputSize = (uint)outputSize,
            Neuron = NeuronModel.LeakyIntegrator,
            LeakShift = 3,
            Weights = Encode(encoding, RandomWeights(random, inputSize, outputSize, density), inputSize, outputSize),
        };
        for (int o = 0; o < outputSize; o++)
        {
            layer.WeightScale.Add(0.004f);
        }

        return layer;
    }

    private static Provenance Provenance() => new()
    {
        Cell = "lif",
        Algorithm = "bptt-surrogate",
        Dataset = "nmnist-small",
        FloatAccuracy = 0.975f,
        IntegerAccuracy = 0.972f,
        CreatedUtc = "2025-01-02T03:04:05Z",
        ToolVersion = "0.1.0-test",
        Seed = 42,
        Epochs = 12,
        WeightSparsity = 0.9f,
        Notes = "test model",
    };
}
