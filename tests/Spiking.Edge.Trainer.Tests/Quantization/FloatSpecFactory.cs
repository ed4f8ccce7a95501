using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Tests.Quantization;

/// <summary>Seeded random float networks for quantizer, pruner and exporter tests.</summary>
internal static class FloatSpecFactory
{
    public static FloatNetworkSpec Create(int seed, int width, int height, int polarities, int[] sizes, ReadoutMode readout, bool leakyReadout = false)
    {
        var random = new Random(seed);
        var layers = new List<FloatLayerSpec>();
        int inputs = width * height * polarities;
        for (int l = 0; l < sizes.Length; l++)
        {
            int outputs = sizes[l];
            bool li = leakyReadout && l == sizes.Length - 1;
            var weight = new float[inputs * outputs];
            for (int k = 0; k < weight.Length; k++)
            {
                weight[k] = (float)(random.NextDouble() - 0.5) * (0.2f + (0.1f * (k / inputs % 5)));
            }

            var bias = new float[outputs];
            for (int o = 0; o < outputs; o++)
            {
                bias[o] = (float)(random.NextDouble() - 0.5) * 0.1f;
            }

            layers.Add(new FloatLayerSpec(
                $"fc{l}",
                li ? NeuronModel.LeakyIntegrator : NeuronModel.Lif,
                inputs,
                outputs,
                weight,
                bias,
                li ? 0f : 0.5f + (float)random.NextDouble(),
                random.Next(0, 4),
                li ? ResetMode.Unspecified : ResetMode.Subtract,
                li ? ThresholdComparison.Unspecified : ThresholdComparison.GreaterOrEqual));
            inputs = outputs;
        }

        var labels = Enumerable.Range(0, sizes[^1]).Select(i => $"class{i}").ToArray();
        return new FloatNetworkSpec(width, height, polarities, 1000, 10, layers, readout, labels);
    }

    /// <summary>One layer, 1 × n × 1 inputs → outputs, with the given row-major [output, input] weights.</summary>
    public static FloatNetworkSpec OneLayer(float[] weight, int inputs, int outputs, float threshold = 1f, float[]? bias = null, ReadoutMode readout = ReadoutMode.SpikeCount)
    {
        var layer = new FloatLayerSpec("only", NeuronModel.Lif, inputs, outputs, weight, bias ?? new float[outputs], threshold, 0, ResetMode.Zero, ThresholdComparison.GreaterOrEqual);
        return new FloatNetworkSpec(inputs, 1, 1, 1000, 4, [layer], readout, []);
    }
}
