using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// Post-training quantization of a float network to the integer units of semantics.md §3 and §4.2.
/// </summary>
/// <remarks>
/// <para>Per layer and output neuron o, with <c>qmax = 2^(bits−1) − 1</c>:
/// scale <c>s_o = max_i |w[o][i]| / qmax</c> (stored as float32; every division below uses that stored value),
/// weight <c>W[i][o] = clamp(round(w[o][i] / s_o), −qmax, qmax)</c>,
/// threshold <c>max(1, round(θ / s_o))</c> and bias <c>round(b_o / s_o)</c>, both clamped to
/// [STATE_MIN, STATE_MAX]; round is to nearest with halves away from zero.</para>
/// <para>Shared readout scale: the LAST layer of a <see cref="ReadoutMode.MembraneSum"/> network uses one scale for
/// all its neurons, <c>max over the whole layer / qmax</c>, so that membranes compare across classes (semantics §5).</para>
/// <para>Guard for a neuron whose weights are all 0 (its scale would be 0): it takes the layer's largest scale;
/// when the whole layer is 0, the scale is <c>max(θ, max_o |b_o|) / qmax</c>, and 1 when that is 0 too.</para>
/// </remarks>
public static class Quantizer
{
    /// <summary>Smallest supported weight width.</summary>
    public const int MinBits = 2;

    /// <summary>Largest supported weight width.</summary>
    public const int MaxBits = 8;

    /// <summary>Quantizes every layer of <paramref name="spec"/> to <paramref name="bits"/>-bit weights.</summary>
    /// <param name="spec">The trained (and possibly pruned) float network.</param>
    /// <param name="bits">Weight width, 2..8.</param>
    public static QuantizedNetwork Quantize(FloatNetworkSpec spec, int bits = 8)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (bits < MinBits || bits > MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"weight width {bits} bits is outside {MinBits}..{MaxBits}");
        }

        FloatSpecValidator.Validate(spec);
        var layers = new QuantizedLayer[spec.Layers.Count];
        for (int l = 0; l < layers.Length; l++)
        {
            bool shared = spec.Readout == ReadoutMode.MembraneSum && l == layers.Length - 1;
            layers[l] = QuantizeLayer(spec.Layers[l], bits, shared);
        }

        return new QuantizedNetwork(bits, layers);
    }

    private static QuantizedLayer QuantizeLayer(FloatLayerSpec layer, int bits, bool sharedScale)
    {
        int inputs = layer.InputSize, outputs = layer.OutputSize;
        int qmax = (1 << (bits - 1)) - 1;
        bool lif = layer.Neuron == NeuronModel.Lif;
        float[] scale = Scales(layer, qmax, sharedScale);

        var weights = new sbyte[(long)inputs * outputs];
        for (int o = 0; o < outputs; o++)
        {
            double s = scale[o];
            for (int i = 0; i < inputs; i++)
            {
                double q = Rounding.HalfAwayFromZero(layer.Weight[((long)o * inputs) + i] / s);
                weights[((long)i * outputs) + o] = (sbyte)Math.Clamp(q, -qmax, qmax);
            }
        }

        var bias = new int[outputs];
        for (int o = 0; o < outputs; o++)
        {
            bias[o] = layer.Bias.Length == 0 ? 0 : Rounding.ToState(layer.Bias[o] / (double)scale[o]);
        }

        int[] threshold = [];
        if (lif)
        {
            threshold = new int[outputs];
            for (int o = 0; o < outputs; o++)
            {
                threshold[o] = Math.Max(1, Rounding.ToState(layer.Threshold / (double)scale[o]));
            }
        }

        return new QuantizedLayer(
            layer.Name,
            layer.Neuron,
            inputs,
            outputs,
            bits,
            weights,
            threshold,
            bias,
            scale,
            layer.LeakShift,
            lif ? layer.Reset : ResetMode.Unspecified,
            lif ? layer.Comparison : ThresholdComparison.Unspecified);
    }

    private static float[] Scales(FloatLayerSpec layer, int qmax, bool shared)
    {
        int inputs = layer.InputSize, outputs = layer.OutputSize;
        var rowMax = new double[outputs];
        double layerMax = 0;
        for (int o = 0; o < outputs; o++)
        {
            double m = 0;
            for (int i = 0; i < inputs; i++)
            {
                m = Math.Max(m, Math.Abs(layer.Weight[((long)o * inputs) + i]));
            }

            rowMax[o] = m;
            layerMax = Math.Max(layerMax, m);
        }

        double fallback = layerMax;
        if (fallback == 0)
        {
            fallback = layer.Neuron == NeuronModel.Lif ? Math.Abs(layer.Threshold) : 0;
            foreach (float b in layer.Bias)
            {
                fallback = Math.Max(fallback, Math.Abs(b));
            }

            if (fallback == 0)
            {
                fallback = qmax;
            }
        }

        var scale = new float[outputs];
        for (int o = 0; o < outputs; o++)
        {
            double m = shared ? layerMax : rowMax[o];
            float s = (float)((m == 0 ? fallback : m) / qmax);
            scale[o] = s > 0 && float.IsFinite(s) ? s : float.Epsilon;
        }

        return scale;
    }
}
