using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>The per-layer rules (semantics §1, §3, §4).</summary>
public static partial class ModelValidator
{
    private static void CheckLayer(Layer layer, int l, long expectedInput, List<ValidationProblem> problems)
    {
        string at = Invariant($"layers[{l}]");
        bool inputOk = CheckSize(layer.InputSize, at + ".input_size", problems);
        bool outputOk = CheckSize(layer.OutputSize, at + ".output_size", problems);
        if (inputOk && expectedInput > 0 && layer.InputSize != expectedInput)
        {
            string what = l == 0 ? "width × height × polarities" : Invariant($"layers[{l - 1}].output_size");
            problems.Add(new(at + ".input_size", Invariant($"{what} = {expectedInput}"), Invariant($"{layer.InputSize}")));
        }

        CheckNeuron(layer, at, outputOk, problems);
        if (layer.LeakShift > Semantics.MaxLeakShift)
        {
            problems.Add(new(at + ".leak_shift", Invariant($"0..{Semantics.MaxLeakShift}"), Invariant($"{layer.LeakShift}")));
        }

        if (layer.Bias.Count > 0)
        {
            if (outputOk && layer.Bias.Count != layer.OutputSize)
            {
                problems.Add(new(at + ".bias", Invariant($"none or output_size = {layer.OutputSize} entries"), Invariant($"{layer.Bias.Count}")));
            }

            CheckEach(layer.Bias, at + ".bias", Semantics.StateMin, Semantics.StateMax, problems);
        }

        CheckScales(layer, at, outputOk, problems);
        if (layer.Weights == null)
        {
            problems.Add(new(at + ".weights", "a weights message", "none"));
        }
        else if (inputOk && outputOk)
        {
            CheckWeights(layer.Weights, (int)layer.InputSize, (int)layer.OutputSize, at + ".weights", problems);
        }
    }

    private static bool CheckSize(uint size, string field, List<ValidationProblem> problems)
    {
        if (size < 1 || size > Semantics.MaxLayerSize)
        {
            problems.Add(new(field, Invariant($"1..{Semantics.MaxLayerSize}"), Invariant($"{size}")));
            return false;
        }

        return true;
    }

    private static void CheckNeuron(Layer layer, string at, bool outputOk, List<ValidationProblem> problems)
    {
        switch (layer.Neuron)
        {
            case NeuronModel.Lif:
                if (layer.Reset is not (ResetMode.Zero or ResetMode.Subtract or ResetMode.None))
                {
                    problems.Add(new(at + ".reset", "ZERO, SUBTRACT or NONE for a LIF layer", EnumText(layer.Reset)));
                }

                if (layer.Comparison is not (ThresholdComparison.GreaterOrEqual or ThresholdComparison.Greater))
                {
                    problems.Add(new(at + ".comparison", "GREATER_OR_EQUAL or GREATER for a LIF layer", EnumText(layer.Comparison)));
                }

                if (outputOk && layer.Threshold.Count != layer.OutputSize)
                {
                    problems.Add(new(at + ".threshold", Invariant($"output_size = {layer.OutputSize} entries for a LIF layer"), Invariant($"{layer.Threshold.Count}")));
                }

                CheckEach(layer.Threshold, at + ".threshold", 1, Semantics.StateMax, problems);
                break;
            case NeuronModel.LeakyIntegrator:
                if (layer.Reset != ResetMode.Unspecified)
                {
                    problems.Add(new(at + ".reset", "UNSPECIFIED for a LEAKY_INTEGRATOR layer (it never spikes)", EnumText(layer.Reset)));
                }

                if (layer.Comparison != ThresholdComparison.Unspecified)
                {
                    problems.Add(new(at + ".comparison", "UNSPECIFIED for a LEAKY_INTEGRATOR layer (it never spikes)", EnumText(layer.Comparison)));
                }

                if (layer.Threshold.Count != 0)
                {
                    problems.Add(new(at + ".threshold", "no entries for a LEAKY_INTEGRATOR layer (it never spikes)", Invariant($"{layer.Threshold.Count}")));
                }

                break;
            default:
                problems.Add(new(at + ".neuron", "LIF or LEAKY_INTEGRATOR", EnumText(layer.Neuron)));
                break;
        }
    }

    private static void CheckEach(IList<int> values, string field, int min, int max, List<ValidationProblem> problems)
    {
        for (int k = 0; k < values.Count; k++)
        {
            if (values[k] < min || values[k] > max)
            {
                problems.Add(new(Invariant($"{field}[{k}]"), Invariant($"{min}..{max}"), Invariant($"{values[k]}")));
                return;
            }
        }
    }

    private static void CheckScales(Layer layer, string at, bool outputOk, List<ValidationProblem> problems)
    {
        if (outputOk && layer.WeightScale.Count != layer.OutputSize)
        {
            problems.Add(new(at + ".weight_scale", Invariant($"output_size = {layer.OutputSize} entries"), Invariant($"{layer.WeightScale.Count}")));
        }

        for (int k = 0; k < layer.WeightScale.Count; k++)
        {
            float scale = layer.WeightScale[k];
            if (!float.IsFinite(scale) || scale <= 0)
            {
                problems.Add(new(Invariant($"{at}.weight_scale[{k}]"), "a finite positive scale", Invariant($"{scale}")));
                return;
            }
        }
    }
}
