using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>
/// Seeded random float networks that use every format-1.1 option: a chain of layer kinds ("lif" binary LIF, "graded"
/// GRADED LIF, "src", "li" leaky integrator), each LIF layer drawing its leak (shift or Q16 decay), synaptic current,
/// hard and soft refractory, winner-take-all, floor, leaky-ReLU, reset (with scope), per-neuron thresholds and sparse
/// or dense recurrent weights from the seed; SRC layers their constants and recurrent weights. Magnitudes are chosen so
/// that every layer produces outputs on the streams of <see cref="RandomEventStream"/>.
/// </summary>
internal static class RandomFloatSpecs
{
    public static FloatNetworkSpec Create(int seed, string[] kinds, int[] sizes, ReadoutMode readout, int width = 4, int height = 3, int polarities = 2)
    {
        var random = new Random(seed);
        var layers = new List<FloatLayerSpec>();
        int inputs = width * height * polarities;
        bool gradedInput = false;
        for (int l = 0; l < kinds.Length; l++)
        {
            int outputs = sizes[l];
            // Layer 0 sees a few events per pixel and tick; graded inputs are at most 1.0 each, spikes 1.
            double gain = l == 0 ? 0.35 : gradedInput ? 1.5 / Math.Sqrt(inputs) * 2 : 1.2;
            float[] weight = Weights(random, inputs, outputs, gain, random.Next(4) == 0 ? 0.5 : 0.0);
            float[] bias = Enumerable.Range(0, outputs).Select(_ => (float)((random.NextDouble() - 0.4) * 0.3)).ToArray();
            FloatLayerSpec layer = kinds[l] switch
            {
                "lif" => Lif(random, $"lif{l}", inputs, outputs, weight, bias, graded: false),
                "graded" => Lif(random, $"graded{l}", inputs, outputs, weight, bias, graded: true),
                "src" => Src(random, $"src{l}", inputs, outputs, weight),
                "li" => Leaky(random, $"li{l}", inputs, outputs, weight, bias),
                _ => throw new ArgumentException($"unknown layer kind '{kinds[l]}'"),
            };
            layers.Add(layer);
            gradedInput = layer.HasGradedOutput;
            inputs = outputs;
        }

        string[] labels = Enumerable.Range(0, sizes[^1]).Select(o => $"c{o}").ToArray();
        return new FloatNetworkSpec(width, height, polarities, random.Next(1, 3) * 500, random.Next(6, 15), layers, readout, labels);
    }

    private static FloatLayerSpec Lif(Random random, string name, int inputs, int outputs, float[] weight, float[] bias, bool graded)
    {
        bool decay = random.Next(10) < 4;
        ResetMode reset = graded
            ? new[] { ResetMode.Zero, ResetMode.None, ResetMode.Gate }[random.Next(3)]
            : new[] { ResetMode.Zero, ResetMode.Subtract, ResetMode.None, ResetMode.Gate }[random.Next(4)];
        bool layerScope = reset is ResetMode.Zero or ResetMode.Gate && random.Next(4) == 0;
        bool leakyRelu = random.Next(10) < 3;
        return new FloatLayerSpec(
            name,
            NeuronModel.Lif,
            inputs,
            outputs,
            weight,
            bias,
            graded ? (float)(random.NextDouble() * 1.5) - 0.3f : 0.6f + (float)random.NextDouble(),
            decay ? 0 : random.Next(0, 6),
            reset,
            random.Next(2) == 0 ? ThresholdComparison.GreaterOrEqual : ThresholdComparison.Greater)
        {
            Output = graded ? OutputKind.Graded : random.Next(3) == 0 ? OutputKind.Binary : OutputKind.Unspecified,
            DecayQ16 = decay ? random.Next(20000, 65536) : 0,
            CurrentShift = random.Next(10) < 3 ? random.Next(1, 6) : 0,
            RefractoryTicks = random.Next(10) < 3 ? random.Next(1, 5) : 0,
            RefractoryGain = random.Next(10) < 3 ? Floats(random, random.Next(1, 6), 0, 1) : [],
            Inhibition = random.Next(10) < 3 ? Floats(random, outputs, 0, 0.3) : [],
            MembraneFloor = random.Next(10) < 3 ? Floats(random, outputs, -2, 0) : [],
            Activation = leakyRelu ? StateActivation.LeakyRelu : random.Next(2) == 0 ? StateActivation.Identity : StateActivation.Unspecified,
            NegativeSlope = leakyRelu ? (float)random.NextDouble() : 0f,
            ResetScope = layerScope ? ResetScope.Layer : random.Next(2) == 0 ? ResetScope.Neuron : ResetScope.Unspecified,
            Thresholds = random.Next(2) == 0 ? Floats(random, outputs, graded ? -0.5 : 0.4, 1.6) : [],
            RecurrentWeight = random.Next(20) < 7 ? Recurrent(random, outputs, graded ? 1.0 : 0.8) : [],
        };
    }

    private static FloatLayerSpec Src(Random random, string name, int inputs, int outputs, float[] weight)
    {
        var src = new SrcFloatParameters(
            Alpha: (float)(0.3 + (random.NextDouble() * 0.65)),
            Rho: (float)(0.5 + (random.NextDouble() * 2.5)),
            FastFeedback: (float)(random.NextDouble() * 2.5),
            SlowFeedback: (float)(-random.NextDouble() * 8),
            GateThreshold: (float)(random.NextDouble() * 0.7),
            SlowGateRest: (float)(0.5 + (random.NextDouble() * 0.5)),
            SlowGateActive: (float)(random.NextDouble() * 0.3),
            RestFast: (float)((random.NextDouble() - 0.5) * 0.6),
            RestSlow: (float)((random.NextDouble() - 0.5) * 0.6));
        float[] bias = Floats(random, outputs, -0.6, 1.0);
        return new FloatLayerSpec(name, NeuronModel.Src, inputs, outputs, weight, bias, 0f, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified)
        {
            Src = src,
            RecurrentWeight = random.Next(20) < 8 ? Recurrent(random, outputs, 1.5) : [],
        };
    }

    private static FloatLayerSpec Leaky(Random random, string name, int inputs, int outputs, float[] weight, float[] bias)
    {
        bool decay = random.Next(2) == 0;
        return new FloatLayerSpec(name, NeuronModel.LeakyIntegrator, inputs, outputs, weight, bias, 0f, decay ? 0 : random.Next(0, 6), ResetMode.Unspecified, ThresholdComparison.Unspecified)
        {
            DecayQ16 = decay ? random.Next(20000, 65536) : 0,
            CurrentShift = random.Next(10) < 3 ? random.Next(1, 6) : 0,
        };
    }

    /// <summary>Row-major [output, input], mostly positive so that layers fire; a fraction set to exactly 0.</summary>
    private static float[] Weights(Random random, int inputs, int outputs, double gain, double sparsity)
    {
        var w = new float[inputs * outputs];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = random.NextDouble() < sparsity ? 0f : (float)(((random.NextDouble() * 1.4) - 0.5) * gain);
        }

        return w;
    }

    /// <summary>Square recurrent weights, dense, half or mostly zero (so the writer picks DENSE, BITMAP or CSR).</summary>
    private static float[] Recurrent(Random random, int outputs, double gain)
    {
        double sparsity = new[] { 0.0, 0.5, 0.93 }[random.Next(3)];
        var r = new float[outputs * outputs];
        for (int k = 0; k < r.Length; k++)
        {
            r[k] = random.NextDouble() < sparsity ? 0f : (float)((random.NextDouble() - 0.5) * 2 * gain);
        }

        if (sparsity > 0.9)
        {
            r[random.Next(r.Length)] = (float)gain; // at least one stored weight
        }

        return r;
    }

    private static float[] Floats(Random random, int count, double min, double max) =>
        Enumerable.Range(0, count).Select(_ => (float)(min + (random.NextDouble() * (max - min)))).ToArray();
}
