using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>The rules of a LIF layer and its format-1.1 options (semantics §4.1).</summary>
public static partial class ModelValidator
{
    private static void CheckLif(Layer layer, string at, bool outputOk, List<ValidationProblem> problems)
    {
        bool graded = layer.Output == OutputKind.Graded;
        if (layer.Output is not (OutputKind.Unspecified or OutputKind.Binary or OutputKind.Graded))
        {
            problems.Add(new(at + ".output", "UNSPECIFIED, BINARY or GRADED for a LIF layer", EnumText(layer.Output)));
        }

        bool resetOk = graded ? CheckGradedOutput(layer, at, outputOk, problems) : CheckBinaryOutput(layer, at, outputOk, problems);
        if (layer.ResetScope is not (ResetScope.Unspecified or ResetScope.Neuron or ResetScope.Layer))
        {
            problems.Add(new(at + ".reset_scope", "UNSPECIFIED, NEURON or LAYER", EnumText(layer.ResetScope)));
        }
        else if (layer.ResetScope == ResetScope.Layer && resetOk && layer.Reset is not (ResetMode.Zero or ResetMode.Gate))
        {
            problems.Add(new(at + ".reset_scope", Invariant($"NEURON or UNSPECIFIED with reset {EnumText(layer.Reset)} (LAYER needs reset ZERO or GATE)"), EnumText(layer.ResetScope)));
        }

        CheckRefractory(layer, at, problems);
        CheckPerNeuron(layer.Inhibition, at + ".inhibition", layer.OutputSize, outputOk, problems);
        CheckPerNeuron(layer.MembraneFloor, at + ".membrane_floor", layer.OutputSize, outputOk, problems);
        bool activationOk = layer.Activation is StateActivation.Unspecified or StateActivation.Identity or StateActivation.LeakyRelu;
        if (!activationOk)
        {
            problems.Add(new(at + ".activation", "UNSPECIFIED, IDENTITY or LEAKY_RELU", EnumText(layer.Activation)));
        }

        if (layer.NegativeSlope > Semantics.OneQ16)
        {
            problems.Add(new(at + ".negative_slope", Invariant($"0..{Semantics.OneQ16} (Q16, {Semantics.OneQ16} = 1.0)"), Invariant($"{layer.NegativeSlope}")));
        }
        else if (activationOk && layer.NegativeSlope != 0 && layer.Activation != StateActivation.LeakyRelu)
        {
            problems.Add(new(at + ".negative_slope", Invariant($"0 unless activation = LEAKY_RELU (activation is {EnumText(layer.Activation)})"), Invariant($"{layer.NegativeSlope}")));
        }

        if (layer.Src != null)
        {
            problems.Add(new(at + ".src", "absent for a LIF layer (SRC only)", "SRC parameters"));
        }
    }

    /// <summary>A BINARY LIF layer (the 1.0 rules, plus reset GATE and no output table); returns whether <c>reset</c> is valid.</summary>
    private static bool CheckBinaryOutput(Layer layer, string at, bool outputOk, List<ValidationProblem> problems)
    {
        bool resetOk = layer.Reset is ResetMode.Zero or ResetMode.Subtract or ResetMode.None or ResetMode.Gate;
        if (!resetOk)
        {
            problems.Add(new(at + ".reset", "ZERO, SUBTRACT, NONE or GATE for a LIF layer", EnumText(layer.Reset)));
        }

        if (layer.Comparison is not (ThresholdComparison.GreaterOrEqual or ThresholdComparison.Greater))
        {
            problems.Add(new(at + ".comparison", "GREATER_OR_EQUAL or GREATER for a LIF layer", EnumText(layer.Comparison)));
        }

        CheckThresholdCount(layer, at, outputOk, problems);
        CheckEach(layer.Threshold, at + ".threshold", 1, Semantics.StateMax, problems);
        if (layer.OutputTable != null)
        {
            problems.Add(new(at + ".output_table", "absent for a BINARY LIF layer (its output is the threshold comparison)", TableText(layer.OutputTable)));
        }

        return resetOk;
    }

    /// <summary>A GRADED LIF layer (semantics §4.1 step 10); returns whether <c>reset</c> is valid.</summary>
    private static bool CheckGradedOutput(Layer layer, string at, bool outputOk, List<ValidationProblem> problems)
    {
        bool resetOk = layer.Reset is ResetMode.Zero or ResetMode.None or ResetMode.Gate;
        if (!resetOk)
        {
            problems.Add(new(at + ".reset", "ZERO, NONE or GATE for a GRADED LIF layer (SUBTRACT needs a binary output)", EnumText(layer.Reset)));
        }

        if (layer.Comparison != ThresholdComparison.Unspecified)
        {
            problems.Add(new(at + ".comparison", "UNSPECIFIED for a GRADED LIF layer (the output table replaces the comparison)", EnumText(layer.Comparison)));
        }

        CheckThresholdCount(layer, at, outputOk, problems);
        CheckEach(layer.Threshold, at + ".threshold", Semantics.StateMin, Semantics.StateMax, problems);
        if (layer.OutputTable == null)
        {
            problems.Add(new(at + ".output_table", "a lookup table for a GRADED LIF layer", "none"));
        }
        else
        {
            CheckTable(layer.OutputTable, at + ".output_table", 0, Semantics.GradedFullScale, problems);
        }

        return resetOk;
    }

    private static void CheckThresholdCount(Layer layer, string at, bool outputOk, List<ValidationProblem> problems)
    {
        if (outputOk && layer.Threshold.Count != layer.OutputSize)
        {
            problems.Add(new(at + ".threshold", Invariant($"output_size = {layer.OutputSize} entries for a LIF layer"), Invariant($"{layer.Threshold.Count}")));
        }
    }

    /// <summary>Hard and soft refractory periods (semantics §4.1 steps 1, 3, 8).</summary>
    private static void CheckRefractory(Layer layer, string at, List<ValidationProblem> problems)
    {
        if (layer.RefractoryTicks > Semantics.MaxRefractoryTicks)
        {
            problems.Add(new(at + ".refractory_ticks", Invariant($"0..{Semantics.MaxRefractoryTicks}"), Invariant($"{layer.RefractoryTicks}")));
        }

        if (layer.RefractoryGain.Count > Semantics.MaxRefractoryTicks)
        {
            problems.Add(new(at + ".refractory_gain", Invariant($"at most {Semantics.MaxRefractoryTicks} entries"), Invariant($"{layer.RefractoryGain.Count}")));
        }

        for (int k = 0; k < layer.RefractoryGain.Count; k++)
        {
            if (layer.RefractoryGain[k] > Semantics.MaxRefractoryGain)
            {
                problems.Add(new(Invariant($"{at}.refractory_gain[{k}]"), Invariant($"0..{Semantics.MaxRefractoryGain} (Q15, {Semantics.MaxRefractoryGain} = 1.0)"), Invariant($"{layer.RefractoryGain[k]}")));
                return;
            }
        }
    }
}
