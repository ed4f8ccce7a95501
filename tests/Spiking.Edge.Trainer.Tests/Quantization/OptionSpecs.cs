using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Tests.Quantization;

/// <summary>Small hand-written float layers and networks for the format-1.1 quantizer and exporter tests.</summary>
internal static class OptionSpecs
{
    /// <summary>The SRC constants of De Geeter et al. with a few values changed so each quantizes to a distinct integer.</summary>
    public static readonly SrcFloatParameters PaperSrc = new(0.9f, 2f, 2f, -7f, 0.5f, 0.9f, 0f, 0.1f, -0.05f);

    /// <summary>A LIF layer (row-major [output, input] weights), ZERO reset, ≥, no leak.</summary>
    public static FloatLayerSpec Lif(string name, int inputs, int outputs, float[] weight, float threshold = 1f, float[]? bias = null, ResetMode reset = ResetMode.Zero) =>
        new(name, NeuronModel.Lif, inputs, outputs, weight, bias ?? new float[outputs], threshold, 0, reset, ThresholdComparison.GreaterOrEqual);

    /// <summary>A GRADED LIF layer with a GATE reset.</summary>
    public static FloatLayerSpec Graded(string name, int inputs, int outputs, float[] weight, float threshold = 0.5f) =>
        Lif(name, inputs, outputs, weight, threshold, reset: ResetMode.Gate) with { Output = OutputKind.Graded };

    /// <summary>A leaky-integrator readout.</summary>
    public static FloatLayerSpec Leaky(string name, int inputs, int outputs, float[] weight, float[]? bias = null) =>
        new(name, NeuronModel.LeakyIntegrator, inputs, outputs, weight, bias ?? new float[outputs], 0f, 1, ResetMode.Unspecified, ThresholdComparison.Unspecified);

    /// <summary>An SRC layer with <paramref name="src"/> (default <see cref="PaperSrc"/>).</summary>
    public static FloatLayerSpec Src(string name, int inputs, int outputs, float[] weight, float[]? bias = null, SrcFloatParameters? src = null) =>
        new FloatLayerSpec(name, NeuronModel.Src, inputs, outputs, weight, bias ?? new float[outputs], 0f, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified) { Src = src ?? PaperSrc };

    /// <summary>A network on a 1-row input of the first layer's size, T = 6.</summary>
    public static FloatNetworkSpec Network(ReadoutMode readout, params FloatLayerSpec[] layers) =>
        new(layers[0].InputSize, 1, 1, 1000, 6, layers, readout, []);

    /// <summary>Row-major [output, input] weights filled with a seeded pattern in [−0.5, 0.8).</summary>
    public static float[] Pattern(int seed, int inputs, int outputs)
    {
        var random = new Random(seed);
        var w = new float[inputs * outputs];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = (float)((random.NextDouble() * 1.3) - 0.5);
        }

        return w;
    }
}
