using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>What quantization cost: the weight round-trip error and how many weights became 0.</summary>
/// <param name="MaxAbsError">Largest |w − W × s_o| over all layers (recurrent weights included: |r − R × RecurrentScale[o]|).</param>
/// <param name="ZeroFraction">Fraction of all integer feed-forward weights that are 0 (the exported weight sparsity).</param>
/// <param name="BecameZeroFraction">Fraction of all weights that were non-zero in float and became 0.</param>
/// <param name="Layers">Per layer, input side first.</param>
public sealed record QuantizationReport(double MaxAbsError, double ZeroFraction, double BecameZeroFraction, IReadOnlyList<LayerQuantizationError> Layers)
{
    /// <summary>Compares <paramref name="quantized"/> with the float network it was made from.</summary>
    public static QuantizationReport Create(FloatNetworkSpec spec, QuantizedNetwork quantized)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(quantized);
        if (spec.Layers.Count != quantized.Layers.Count)
        {
            throw new ArgumentException($"float spec has {spec.Layers.Count} layers, quantized network {quantized.Layers.Count}");
        }

        var layers = new LayerQuantizationError[spec.Layers.Count];
        double maxError = 0;
        long zeros = 0, becameZero = 0, total = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            FloatLayerSpec f = spec.Layers[l];
            QuantizedLayer q = quantized.Layers[l];
            if (f.InputSize != q.InputSize || f.OutputSize != q.OutputSize)
            {
                throw new ArgumentException($"layer {l}: float shape {f.InputSize} -> {f.OutputSize} differs from quantized {q.InputSize} -> {q.OutputSize}");
            }

            double layerMax = 0, bound = 0;
            long layerZeros = 0, layerBecame = 0;
            for (int o = 0; o < f.OutputSize; o++)
            {
                double s = q.Scale[o];
                for (int i = 0; i < f.InputSize; i++)
                {
                    float w = f.Weight[((long)o * f.InputSize) + i];
                    sbyte iw = q.Weights[((long)i * f.OutputSize) + o];
                    double error = Math.Abs(w - (iw * s));
                    layerMax = Math.Max(layerMax, error);
                    bound = Math.Max(bound, error / (s / 2));
                    layerZeros += iw == 0 ? 1 : 0;
                    layerBecame += iw == 0 && w != 0 ? 1 : 0;
                }
            }

            if (q.HasRecurrentWeights)
            {
                (double recurrentMax, double recurrentBound) = RecurrentError(f, q);
                layerMax = Math.Max(layerMax, recurrentMax);
                bound = Math.Max(bound, recurrentBound);
            }

            long n = Math.Max(1L, (long)f.InputSize * f.OutputSize);
            layers[l] = new LayerQuantizationError(f.Name, layerMax, bound, (double)layerZeros / n, (double)layerBecame / n);
            maxError = Math.Max(maxError, layerMax);
            zeros += layerZeros;
            becameZero += layerBecame;
            total += (long)f.InputSize * f.OutputSize;
        }

        double denominator = Math.Max(1L, total);
        return new QuantizationReport(maxError, zeros / denominator, becameZero / denominator, layers);
    }

    private static (double Max, double Bound) RecurrentError(FloatLayerSpec f, QuantizedLayer q)
    {
        int n = f.OutputSize;
        if (f.RecurrentWeight.Length != (long)n * n || q.RecurrentWeights.Length != (long)n * n)
        {
            throw new ArgumentException($"layer '{f.Name}': recurrent weights of the float spec ({f.RecurrentWeight.Length}) and the quantized layer ({q.RecurrentWeights.Length}) differ in size");
        }

        double max = 0, bound = 0;
        for (int o = 0; o < n; o++)
        {
            double s = q.RecurrentScale[o];
            for (int p = 0; p < n; p++)
            {
                double error = Math.Abs(f.RecurrentWeight[((long)o * n) + p] - (q.RecurrentWeights[((long)p * n) + o] * s));
                max = Math.Max(max, error);
                bound = Math.Max(bound, error / (s / 2));
            }
        }

        return (max, bound);
    }
}
