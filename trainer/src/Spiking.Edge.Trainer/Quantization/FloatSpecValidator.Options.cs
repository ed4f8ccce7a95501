using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>The per-neuron-model rules of <see cref="FloatSpecValidator"/>: LIF and leaky integrator with their format-1.1 options.</summary>
internal static partial class FloatSpecValidator
{
    private static void ValidateLif(FloatLayerSpec layer, string where)
    {
        bool graded = layer.Output == OutputKind.Graded;
        if (layer.Output is not (OutputKind.Unspecified or OutputKind.Binary or OutputKind.Graded))
        {
            Fail($"{where}: Output {layer.Output} is not one of Unspecified, Binary, Graded");
        }

        CheckThresholds(layer, where, graded);
        if (graded)
        {
            if (layer.Reset is not (ResetMode.Zero or ResetMode.None or ResetMode.Gate))
            {
                Fail($"{where}: Reset {layer.Reset} is not one of Zero, None, Gate (a GRADED layer cannot subtract its threshold)");
            }
        }
        else
        {
            if (layer.Reset is not (ResetMode.Zero or ResetMode.Subtract or ResetMode.None or ResetMode.Gate))
            {
                Fail($"{where}: Reset {layer.Reset} is not one of Zero, Subtract, None, Gate");
            }

            if (layer.Comparison is not (ThresholdComparison.GreaterOrEqual or ThresholdComparison.Greater))
            {
                Fail($"{where}: Comparison {layer.Comparison} is not one of GreaterOrEqual, Greater");
            }
        }

        if (layer.ResetScope is not (ResetScope.Unspecified or ResetScope.Neuron or ResetScope.Layer))
        {
            Fail($"{where}: ResetScope {layer.ResetScope} is not one of Unspecified, Neuron, Layer");
        }

        if (layer.ResetScope == ResetScope.Layer && layer.Reset is not (ResetMode.Zero or ResetMode.Gate))
        {
            Fail($"{where}: ResetScope Layer needs Reset Zero or Gate, found {layer.Reset}");
        }

        CheckLeakAndCurrent(layer, where);
        if (layer.RefractoryTicks < 0 || layer.RefractoryTicks > Semantics.MaxRefractoryTicks)
        {
            Fail($"{where}: RefractoryTicks {layer.RefractoryTicks} is outside 0..{Semantics.MaxRefractoryTicks}");
        }

        float[] gain = layer.RefractoryGain ?? [];
        if (gain.Length > Semantics.MaxRefractoryTicks)
        {
            Fail($"{where}: RefractoryGain holds {gain.Length} values, at most {Semantics.MaxRefractoryTicks} allowed");
        }

        for (int k = 0; k < gain.Length; k++)
        {
            if (!(gain[k] >= 0 && gain[k] <= 1))
            {
                Fail($"{where}: RefractoryGain[{k}] is {gain[k]}, outside [0, 1]");
            }
        }

        CheckPerNeuron(layer.Inhibition, layer.OutputSize, where + ": Inhibition");
        CheckPerNeuron(layer.MembraneFloor, layer.OutputSize, where + ": MembraneFloor");
        if (layer.Activation is not (StateActivation.Unspecified or StateActivation.Identity or StateActivation.LeakyRelu))
        {
            Fail($"{where}: Activation {layer.Activation} is not one of Unspecified, Identity, LeakyRelu");
        }

        if (!(layer.NegativeSlope >= 0 && layer.NegativeSlope <= 1))
        {
            Fail($"{where}: NegativeSlope {layer.NegativeSlope} is outside [0, 1]");
        }

        if (layer.NegativeSlope != 0 && layer.Activation != StateActivation.LeakyRelu)
        {
            Fail($"{where}: NegativeSlope {layer.NegativeSlope} is set but Activation is {layer.Activation}, not LeakyRelu");
        }

        CheckRecurrent(layer, where);
        if (layer.Src is not null)
        {
            Fail($"{where}: Src parameters are given for a Lif layer (only Src layers take them)");
        }
    }

    private static void ValidateLeakyIntegrator(FloatLayerSpec layer, string where)
    {
        CheckLeakAndCurrent(layer, where);
        CheckNoLifOptions(layer, where, "a LeakyIntegrator");
        if (layer.RecurrentWeight is { Length: > 0 })
        {
            Fail($"{where}: RecurrentWeight is given for a LeakyIntegrator, which has no outputs to feed back");
        }

        if (layer.Src is not null)
        {
            Fail($"{where}: Src parameters are given for a LeakyIntegrator layer (only Src layers take them)");
        }
    }

    /// <summary>Fields only a LIF layer takes (semantics §4.2, §4.3): refused on leaky integrators and SRC layers.</summary>
    private static void CheckNoLifOptions(FloatLayerSpec layer, string where, string what)
    {
        string? field =
            layer.Thresholds is { Length: > 0 } ? "Thresholds" :
            layer.RefractoryTicks != 0 ? "RefractoryTicks" :
            layer.RefractoryGain is { Length: > 0 } ? "RefractoryGain" :
            layer.Inhibition is { Length: > 0 } ? "Inhibition" :
            layer.MembraneFloor is { Length: > 0 } ? "MembraneFloor" :
            layer.Activation is not (StateActivation.Unspecified or StateActivation.Identity) ? "Activation" :
            layer.NegativeSlope != 0 ? "NegativeSlope" :
            layer.Output != OutputKind.Unspecified ? "Output" :
            layer.ResetScope is not (ResetScope.Unspecified or ResetScope.Neuron) ? "ResetScope" :
            null;
        if (field is not null)
        {
            Fail($"{where}: {field} is a Lif option, but the layer is {what}");
        }
    }

    private static void CheckThresholds(FloatLayerSpec layer, string where, bool graded)
    {
        float[] thresholds = layer.Thresholds ?? [];
        if (thresholds.Length != 0 && thresholds.Length != layer.OutputSize)
        {
            Fail($"{where}: Thresholds holds {thresholds.Length} values, expected {layer.OutputSize} (or none)");
        }

        if (thresholds.Length == 0 && !(float.IsFinite(layer.Threshold) && (graded || layer.Threshold > 0)))
        {
            Fail($"{where}: Threshold {layer.Threshold} must be a {(graded ? string.Empty : "positive ")}finite number");
        }

        for (int o = 0; o < thresholds.Length; o++)
        {
            if (!(float.IsFinite(thresholds[o]) && (graded || thresholds[o] > 0)))
            {
                Fail($"{where}: Thresholds[{o}] is {thresholds[o]}, not a {(graded ? string.Empty : "positive ")}finite number");
            }
        }
    }

    private static void CheckLeakAndCurrent(FloatLayerSpec layer, string where)
    {
        if (layer.DecayQ16 < 0 || layer.DecayQ16 > Semantics.MaxDecay)
        {
            Fail($"{where}: DecayQ16 {layer.DecayQ16} is outside 0..{Semantics.MaxDecay}");
        }

        if (layer.DecayQ16 > 0 && layer.LeakShift != 0)
        {
            Fail($"{where}: DecayQ16 {layer.DecayQ16} and LeakShift {layer.LeakShift} are both set (a layer uses one leak)");
        }

        if (layer.CurrentShift < 0 || layer.CurrentShift > Semantics.MaxCurrentShift)
        {
            Fail($"{where}: CurrentShift {layer.CurrentShift} is outside 0..{Semantics.MaxCurrentShift}");
        }
    }

    private static void CheckPerNeuron(float[]? values, int outputs, string what)
    {
        if (values is null || values.Length == 0)
        {
            return;
        }

        if (values.Length != outputs)
        {
            Fail($"{what} holds {values.Length} values, expected {outputs} (or none)");
        }

        CheckFinite(values, what);
    }

    private static void CheckRecurrent(FloatLayerSpec layer, string where)
    {
        float[] r = layer.RecurrentWeight ?? [];
        if (r.Length != 0 && r.Length != (long)layer.OutputSize * layer.OutputSize)
        {
            Fail($"{where}: RecurrentWeight holds {r.Length} values, expected OutputSize x OutputSize = {(long)layer.OutputSize * layer.OutputSize} (or none)");
        }

        CheckFinite(r, where + ": RecurrentWeight");
    }
}
