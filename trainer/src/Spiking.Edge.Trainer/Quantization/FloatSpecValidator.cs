using System.Diagnostics.CodeAnalysis;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// Refuses a <see cref="FloatNetworkSpec"/> that cannot become a valid model, naming the layer and field.
/// The format-1.1 options are checked in FloatSpecValidator.Options.cs and FloatSpecValidator.Src.cs.
/// </summary>
internal static partial class FloatSpecValidator
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

        if (spec.Layers is null || spec.Layers.Count == 0 || spec.Layers.Count > Semantics.MaxLayers)
        {
            Fail($"spec: {spec.Layers?.Count ?? 0} layers is outside 1..{Semantics.MaxLayers}");
        }

        if (spec.Readout != ReadoutMode.SpikeCount && spec.Readout != ReadoutMode.MembraneSum)
        {
            Fail($"spec: readout {spec.Readout} is not SpikeCount or MembraneSum");
        }

        long expectedInputs = (long)spec.Width * spec.Height * spec.Polarities;
        long previousFullScale = -1; // Y1 of the previous layer; −1 for the input (semantics §4.5: A_0 = MAX_EVENTS_PER_TICK)
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            FloatLayerSpec layer = spec.Layers[l] ?? throw new ArgumentException($"layer {l}: is null");
            string where = $"layer {l} ('{layer.Name}')";
            ValidateCore(layer, where, expectedInputs);
            switch (layer.Neuron)
            {
                case NeuronModel.Lif:
                    ValidateLif(layer, where);
                    break;
                case NeuronModel.LeakyIntegrator:
                    ValidateLeakyIntegrator(layer, where);
                    break;
                case NeuronModel.Src:
                    ValidateSrc(layer, where);
                    break;
                default:
                    Fail($"{where}: Neuron {layer.Neuron} is not one of Lif, LeakyIntegrator, Src");
                    break;
            }

            long fullScale = FullScale(layer);
            CheckRange(layer, where, l == 0 ? Semantics.MaxEventsPerTick : layer.InputSize * previousFullScale, fullScale);
            previousFullScale = fullScale;
            expectedInputs = layer.OutputSize;
        }
    }

    /// <summary>Y1 of semantics §4: 1 for BINARY LIF outputs, 128 for GRADED LIF and SRC, 0 for a leaky integrator.</summary>
    internal static long FullScale(FloatLayerSpec layer) =>
        layer.Neuron == NeuronModel.LeakyIntegrator ? 0 : layer.HasGradedOutput ? Semantics.GradedFullScale : 1;

    private static void ValidateCore(FloatLayerSpec layer, string where, long expectedInputs)
    {
        if (layer.InputSize != expectedInputs)
        {
            Fail($"{where}: InputSize {layer.InputSize} differs from the expected {expectedInputs}");
        }

        if (layer.OutputSize <= 0 || layer.OutputSize > Semantics.MaxLayerSize || layer.InputSize > Semantics.MaxLayerSize)
        {
            Fail($"{where}: size {layer.InputSize} -> {layer.OutputSize} is outside 1..{Semantics.MaxLayerSize}");
        }

        if (layer.Weight is null || layer.Weight.Length != (long)layer.InputSize * layer.OutputSize)
        {
            Fail($"{where}: Weight holds {layer.Weight?.Length ?? 0} values, expected OutputSize x InputSize = {(long)layer.OutputSize * layer.InputSize}");
        }

        if (layer.Bias is null || (layer.Bias.Length != 0 && layer.Bias.Length != layer.OutputSize))
        {
            Fail($"{where}: Bias holds {layer.Bias?.Length ?? 0} values, expected {layer.OutputSize} (or none)");
        }

        foreach ((string name, float[]? values) in new[] { ("Thresholds", layer.Thresholds), ("RefractoryGain", layer.RefractoryGain), ("Inhibition", layer.Inhibition), ("MembraneFloor", layer.MembraneFloor), ("RecurrentWeight", layer.RecurrentWeight) })
        {
            if (values is null)
            {
                Fail($"{where}: {name} is null (use an empty array for none)");
            }
        }

        CheckFinite(layer.Weight!, where + ": Weight");
        CheckFinite(layer.Bias!, where + ": Bias");
        if (layer.LeakShift < 0 || layer.LeakShift > Semantics.MaxLeakShift)
        {
            Fail($"{where}: LeakShift {layer.LeakShift} is outside 0..{Semantics.MaxLeakShift}");
        }
    }

    /// <summary>Semantics §4.5: <c>127 × (A_l + B_l) ≤ 2^30</c>, B_l = OutputSize × Y1_l when the layer has recurrent weights.</summary>
    internal static void CheckRange(FloatLayerSpec layer, string where, long a, long fullScale)
    {
        long b = layer.RecurrentWeight.Length > 0 ? layer.OutputSize * fullScale : 0;
        if (Semantics.MaxWeightMagnitude * (a + b) > Semantics.DriveLimit)
        {
            Fail($"{where}: the largest drive 127 x ({a} + {b}) exceeds 2^30 (semantics §4.5); use fewer inputs or recurrent neurons");
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

    [DoesNotReturn]
    private static void Fail(string message) => throw new ArgumentException(message);
}
