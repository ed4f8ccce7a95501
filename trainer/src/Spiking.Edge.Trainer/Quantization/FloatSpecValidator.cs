using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// Refuses a <see cref="FloatNetworkSpec"/> that cannot become a valid model, naming the layer and field.
/// </summary>
internal static class FloatSpecValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> with a one-line message for the first problem found.</summary>
    public static void Validate(FloatNetworkSpec spec)
    {
        if (spec.Width <= 0 || spec.Height <= 0 || (spec.Polarities != 1 && spec.Polarities != 2))
        {
            Fail($"spec: geometry {spec.Width} x {spec.Height} x {spec.Polarities} is invalid (positive size, 1 or 2 polarities)");
        }

        if (spec.TickMicroseconds <= 0 || spec.TicksPerSample <= 0 || spec.TicksPerSample > Semantics.MaxTicks)
        {
            Fail($"spec: {spec.TicksPerSample} ticks of {spec.TickMicroseconds} us is invalid (positive tick, 1..{Semantics.MaxTicks} ticks)");
        }

        if (spec.Layers.Count == 0 || spec.Layers.Count > Semantics.MaxLayers)
        {
            Fail($"spec: {spec.Layers.Count} layers is outside 1..{Semantics.MaxLayers}");
        }

        if (spec.Readout != ReadoutMode.SpikeCount && spec.Readout != ReadoutMode.MembraneSum)
        {
            Fail($"spec: readout {spec.Readout} is not SpikeCount or MembraneSum");
        }

        long expectedInputs = (long)spec.Width * spec.Height * spec.Polarities;
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            FloatLayerSpec layer = spec.Layers[l];
            string where = $"layer {l} ('{layer.Name}')";
            if (layer.InputSize != expectedInputs)
            {
                Fail($"{where}: InputSize {layer.InputSize} differs from the expected {expectedInputs}");
            }

            if (layer.OutputSize <= 0 || layer.OutputSize > Semantics.MaxLayerSize || layer.InputSize > Semantics.MaxLayerSize)
            {
                Fail($"{where}: size {layer.InputSize} -> {layer.OutputSize} is outside 1..{Semantics.MaxLayerSize}");
            }

            if (layer.Weight.Length != (long)layer.InputSize * layer.OutputSize)
            {
                Fail($"{where}: Weight holds {layer.Weight.Length} values, expected OutputSize x InputSize = {(long)layer.OutputSize * layer.InputSize}");
            }

            if (layer.Bias.Length != 0 && layer.Bias.Length != layer.OutputSize)
            {
                Fail($"{where}: Bias holds {layer.Bias.Length} values, expected {layer.OutputSize} (or none)");
            }

            CheckFinite(layer.Weight, where + ": Weight");
            CheckFinite(layer.Bias, where + ": Bias");
            if (layer.LeakShift < 0 || layer.LeakShift > Semantics.MaxLeakShift)
            {
                Fail($"{where}: LeakShift {layer.LeakShift} is outside 0..{Semantics.MaxLeakShift}");
            }

            if (layer.Neuron == NeuronModel.Lif)
            {
                if (!float.IsFinite(layer.Threshold) || layer.Threshold <= 0)
                {
                    Fail($"{where}: Threshold {layer.Threshold} must be a positive finite number");
                }

                if (layer.Reset is not (ResetMode.Zero or ResetMode.Subtract or ResetMode.None))
                {
                    Fail($"{where}: Reset {layer.Reset} is not one of Zero, Subtract, None");
                }

                if (layer.Comparison is not (ThresholdComparison.GreaterOrEqual or ThresholdComparison.Greater))
                {
                    Fail($"{where}: Comparison {layer.Comparison} is not one of GreaterOrEqual, Greater");
                }
            }
            else if (layer.Neuron != NeuronModel.LeakyIntegrator)
            {
                Fail($"{where}: Neuron {layer.Neuron} is not one of Lif, LeakyIntegrator");
            }

            expectedInputs = layer.OutputSize;
        }
    }

    private static void CheckFinite(float[] values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                Fail($"{what}[{i}] is {values[i]}, not a finite number");
            }
        }
    }

    private static void Fail(string message) => throw new ArgumentException(message);
}
