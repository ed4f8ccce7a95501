using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>The rules of an SRC layer, its parameters (semantics §4.3) and lookup tables (semantics §4.4).</summary>
public static partial class ModelValidator
{
    private static void CheckSrcLayer(Layer layer, string at, List<ValidationProblem> problems)
    {
        if (layer.Reset != ResetMode.Unspecified)
        {
            problems.Add(new(at + ".reset", "UNSPECIFIED for a SRC layer (it never resets)", EnumText(layer.Reset)));
        }

        if (layer.Comparison != ThresholdComparison.Unspecified)
        {
            problems.Add(new(at + ".comparison", "UNSPECIFIED for a SRC layer (it has no threshold)", EnumText(layer.Comparison)));
        }

        if (layer.Threshold.Count != 0)
        {
            problems.Add(new(at + ".threshold", "no entries for a SRC layer (it has no threshold)", Invariant($"{layer.Threshold.Count}")));
        }

        CheckNotLif(layer, at, "SRC", "its output is always GRADED, from its fast state", problems);
        if (layer.Src == null)
        {
            problems.Add(new(at + ".src", "SRC parameters for a SRC layer", "none"));
        }
        else
        {
            CheckSrcParameters(layer.Src, at + ".src", problems);
        }
    }

    private static void CheckSrcParameters(SrcParameters src, string at, List<ValidationProblem> problems)
    {
        bool fractionOk = src.FractionBits >= Semantics.MinFractionBits && src.FractionBits <= Semantics.MaxFractionBits;
        if (!fractionOk)
        {
            problems.Add(new(at + ".fraction_bits", Invariant($"{Semantics.MinFractionBits}..{Semantics.MaxFractionBits}"), Invariant($"{src.FractionBits}")));
        }

        // Q(F) values lie in [−2^F, 2^F]; with an invalid F only the state range can be checked.
        int one = fractionOk ? 1 << (int)src.FractionBits : Semantics.StateMax;
        int qMin = fractionOk ? -one : Semantics.StateMin;
        string qText = fractionOk ? Invariant($" (Q{src.FractionBits}: ±1.0)") : string.Empty;
        CheckQ16(src.InputDecay, at + ".input_decay", problems);
        CheckTableField(src.InputTable, at + ".input_table", Semantics.StateMin, Semantics.StateMax, problems);
        CheckTableField(src.FastTable, at + ".fast_table", qMin, one, problems);
        CheckValue(src.FastFeedback, at + ".fast_feedback", Semantics.StateMin, Semantics.StateMax, string.Empty, problems);
        CheckValue(src.SlowFeedback, at + ".slow_feedback", Semantics.StateMin, Semantics.StateMax, string.Empty, problems);
        CheckValue(src.GateThreshold, at + ".gate_threshold", Semantics.StateMin, Semantics.StateMax, string.Empty, problems);
        CheckQ16(src.SlowGateRest, at + ".slow_gate_rest", problems);
        CheckQ16(src.SlowGateActive, at + ".slow_gate_active", problems);
        CheckValue(src.RestFast, at + ".rest_fast", qMin, one, qText, problems);
        CheckValue(src.RestSlow, at + ".rest_slow", qMin, one, qText, problems);
    }

    private static void CheckQ16(uint value, string field, List<ValidationProblem> problems)
    {
        if (value > Semantics.OneQ16)
        {
            problems.Add(new(field, Invariant($"0..{Semantics.OneQ16} (Q16, {Semantics.OneQ16} = 1.0)"), Invariant($"{value}")));
        }
    }

    private static void CheckValue(int value, string field, int min, int max, string unit, List<ValidationProblem> problems)
    {
        if (value < min || value > max)
        {
            problems.Add(new(field, Invariant($"{min}..{max}{unit}"), Invariant($"{value}")));
        }
    }

    private static void CheckTableField(LookupTable? table, string at, int min, int max, List<ValidationProblem> problems)
    {
        if (table == null)
        {
            problems.Add(new(at, "a lookup table", "none"));
        }
        else
        {
            CheckTable(table, at, min, max, problems);
        }
    }

    /// <summary>
    /// A lookup table (semantics §4.4): <c>input_shift</c> ≤ 30, 1..65,536 values, each within [<paramref name="min"/>,
    /// <paramref name="max"/>] (a sub-range of the state range); <c>input_offset</c> may be any sint32.
    /// </summary>
    private static void CheckTable(LookupTable table, string at, int min, int max, List<ValidationProblem> problems)
    {
        if (table.InputShift > Semantics.MaxTableInputShift)
        {
            problems.Add(new(at + ".input_shift", Invariant($"0..{Semantics.MaxTableInputShift}"), Invariant($"{table.InputShift}")));
        }

        if (table.Values.Count < 1 || table.Values.Count > Semantics.MaxTableLength)
        {
            problems.Add(new(at + ".values", Invariant($"1..{Semantics.MaxTableLength} entries"), Invariant($"{table.Values.Count}")));
        }

        CheckEach(table.Values, at + ".values", Math.Max(min, Semantics.StateMin), Math.Min(max, Semantics.StateMax), problems);
    }

    private static string TableText(LookupTable table) => Invariant($"a table of {table.Values.Count} values");
}
