using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>The per-layer rules (semantics §1, §3, §4).</summary>
public static partial class ModelValidator
{
    private static void CheckLayer(Layer layer, int l, long expectedInput, int previousFullScale, List<ValidationProblem> problems)
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
        CheckLeak(layer, at, problems);
        CheckPerNeuron(layer.Bias, at + ".bias", layer.OutputSize, outputOk, problems);
        CheckScales(layer, at, outputOk, problems);
        CheckMatrix(layer.Weights, (int)layer.InputSize, (int)layer.OutputSize, inputOk && outputOk, at + ".weights", problems);
        if (layer.RecurrentWeights != null)
        {
            if (layer.Neuron == NeuronModel.LeakyIntegrator)
            {
                problems.Add(new(at + ".recurrent_weights", "absent for a LEAKY_INTEGRATOR layer (it has no outputs to feed back)", "a weights message"));
            }
            else
            {
                CheckMatrix(layer.RecurrentWeights, (int)layer.OutputSize, (int)layer.OutputSize, outputOk, at + ".recurrent_weights", problems);
            }
        }

        if (inputOk && outputOk)
        {
            CheckDriveRange(layer, l, at, previousFullScale, problems);
        }
    }

    /// <summary>
    /// A weight matrix of <paramref name="rows"/> × <paramref name="columns"/>: the feed-forward <c>weights</c>
    /// (input_size × output_size) and the <c>recurrent_weights</c> (output_size × output_size) obey the same rules.
    /// </summary>
    private static void CheckMatrix(Weights? weights, int rows, int columns, bool shapeOk, string at, List<ValidationProblem> problems)
    {
        if (weights == null)
        {
            problems.Add(new(at, "a weights message", "none"));
        }
        else if (shapeOk)
        {
            CheckWeights(weights, rows, columns, at, problems);
        }
    }

    /// <summary>
    /// The leak and the synaptic current (semantics §4.1 steps 4–5): <c>leak_shift</c> ≤ 24, <c>decay</c> ≤ 65535
    /// and never with a leak shift, <c>current_shift</c> ≤ 24; an SRC layer has none of the three.
    /// </summary>
    private static void CheckLeak(Layer layer, string at, List<ValidationProblem> problems)
    {
        bool src = layer.Neuron == NeuronModel.Src;
        if (src && layer.LeakShift != 0)
        {
            problems.Add(new(at + ".leak_shift", "0 for a SRC layer (its input integrator decays by src.input_decay)", Invariant($"{layer.LeakShift}")));
        }
        else if (layer.LeakShift > Semantics.MaxLeakShift)
        {
            problems.Add(new(at + ".leak_shift", Invariant($"0..{Semantics.MaxLeakShift}"), Invariant($"{layer.LeakShift}")));
        }

        if (layer.Decay > Semantics.MaxDecay)
        {
            problems.Add(new(at + ".decay", Invariant($"0..{Semantics.MaxDecay}"), Invariant($"{layer.Decay}")));
        }
        else if (src && layer.Decay != 0)
        {
            problems.Add(new(at + ".decay", "0 for a SRC layer (its input integrator decays by src.input_decay)", Invariant($"{layer.Decay}")));
        }
        else if (layer.Decay != 0 && layer.LeakShift != 0)
        {
            problems.Add(new(at + ".decay", Invariant($"0 when leak_shift is set (a layer never sets both), leak_shift = {layer.LeakShift}"), Invariant($"{layer.Decay}")));
        }

        if (layer.CurrentShift > Semantics.MaxCurrentShift)
        {
            problems.Add(new(at + ".current_shift", Invariant($"0..{Semantics.MaxCurrentShift}"), Invariant($"{layer.CurrentShift}")));
        }
        else if (src && layer.CurrentShift != 0)
        {
            problems.Add(new(at + ".current_shift", "0 for a SRC layer (it has no synaptic current)", Invariant($"{layer.CurrentShift}")));
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
                CheckLif(layer, at, outputOk, problems);
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

                CheckNotLif(layer, at, "LEAKY_INTEGRATOR", "it never outputs", problems);
                break;
            case NeuronModel.Src:
                CheckSrcLayer(layer, at, problems);
                break;
            default:
                problems.Add(new(at + ".neuron", "LIF, LEAKY_INTEGRATOR or SRC", EnumText(layer.Neuron)));
                break;
        }
    }

    /// <summary>
    /// A LEAKY_INTEGRATOR or SRC layer: <c>output</c> UNSPECIFIED, no <c>output_table</c>, none of the LIF-only
    /// fields and <c>src</c> only on SRC (<paramref name="why"/> says why the output fields do not apply).
    /// </summary>
    private static void CheckNotLif(Layer layer, string at, string neuron, string why, List<ValidationProblem> problems)
    {
        if (layer.Output != OutputKind.Unspecified)
        {
            problems.Add(new(at + ".output", Invariant($"UNSPECIFIED for a {neuron} layer ({why})"), EnumText(layer.Output)));
        }

        if (layer.OutputTable != null)
        {
            problems.Add(new(at + ".output_table", Invariant($"absent for a {neuron} layer ({why})"), TableText(layer.OutputTable)));
        }

        string lifOnly = Invariant($"for a {neuron} layer (LIF only)");
        if (layer.RefractoryTicks != 0)
        {
            problems.Add(new(at + ".refractory_ticks", "0 " + lifOnly, Invariant($"{layer.RefractoryTicks}")));
        }

        foreach ((string field, int count) in new[] { ("refractory_gain", layer.RefractoryGain.Count), ("inhibition", layer.Inhibition.Count), ("membrane_floor", layer.MembraneFloor.Count) })
        {
            if (count != 0)
            {
                problems.Add(new(at + "." + field, "no entries " + lifOnly, Invariant($"{count}")));
            }
        }

        if (layer.Activation != StateActivation.Unspecified)
        {
            problems.Add(new(at + ".activation", "UNSPECIFIED " + lifOnly, EnumText(layer.Activation)));
        }

        if (layer.NegativeSlope != 0)
        {
            problems.Add(new(at + ".negative_slope", "0 " + lifOnly, Invariant($"{layer.NegativeSlope}")));
        }

        if (layer.ResetScope != ResetScope.Unspecified)
        {
            problems.Add(new(at + ".reset_scope", "UNSPECIFIED " + lifOnly, EnumText(layer.ResetScope)));
        }

        if (layer.Neuron != NeuronModel.Src && layer.Src != null)
        {
            problems.Add(new(at + ".src", Invariant($"absent for a {neuron} layer (SRC only)"), "SRC parameters"));
        }
    }

    /// <summary>
    /// A per-neuron array (<c>bias</c>, <c>inhibition</c>, <c>membrane_floor</c>): empty, or exactly output_size
    /// entries, each within the state range.
    /// </summary>
    private static void CheckPerNeuron(IList<int> values, string field, uint outputSize, bool outputOk, List<ValidationProblem> problems)
    {
        if (values.Count == 0)
        {
            return;
        }

        if (outputOk && values.Count != outputSize)
        {
            problems.Add(new(field, Invariant($"none or output_size = {outputSize} entries"), Invariant($"{values.Count}")));
        }

        CheckEach(values, field, Semantics.StateMin, Semantics.StateMax, problems);
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
