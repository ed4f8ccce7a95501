using System.Text;
using Spiking.Edge.ModelFormat.Proto;
using static Spiking.Edge.ModelFormat.ModelInspector;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// The lines of <see cref="ModelInspector.Describe"/> for a layer's format-1.1 fields (semantics §4.1, §4.3, §4.4),
/// one line per option that is set, fixed-point constants shown as the real numbers they stand for. A format-1.0
/// layer gets no line from here.
/// </summary>
internal static class LayerOptionsText
{
    public static void Describe(StringBuilder text, Layer layer)
    {
        if (layer.Decay != 0)
        {
            Line(text, $"      decay β = {Q(layer.Decay, 16)} ({layer.Decay} / 65536)");
        }

        if (layer.CurrentShift != 0)
        {
            Line(text, $"      synaptic current: shift {layer.CurrentShift} (α_c = 1 - 2^-{layer.CurrentShift} = {1.0 - Math.Pow(2, -(double)layer.CurrentShift):0.######})");
        }

        if (layer.RefractoryTicks != 0 || layer.RefractoryGain.Count != 0)
        {
            string gain = layer.RefractoryGain.Count == 0
                ? "no gain table"
                : Text($"gain table of {layer.RefractoryGain.Count} entries ({Q(layer.RefractoryGain.Min(), 15)}..{Q(layer.RefractoryGain.Max(), 15)})");
            Line(text, $"      refractory: {layer.RefractoryTicks} ticks held at 0, {gain}");
        }

        if (layer.Output != OutputKind.Unspecified || layer.OutputTable != null)
        {
            string table = layer.OutputTable == null ? string.Empty : ", output table " + Table(layer.OutputTable, 7);
            Line(text, $"      output {EnumNames.Of(layer.Output)}{table}");
        }

        if (layer.ResetScope != ResetScope.Unspecified)
        {
            Line(text, $"      reset scope {EnumNames.Of(layer.ResetScope)}");
        }

        if (layer.Activation != StateActivation.Unspecified || layer.NegativeSlope != 0)
        {
            string slope = layer.Activation == StateActivation.LeakyRelu || layer.NegativeSlope != 0
                ? Text($", negative slope {Q(layer.NegativeSlope, 16)} ({layer.NegativeSlope} / 65536)")
                : string.Empty;
            Line(text, $"      activation {EnumNames.Of(layer.Activation)}{slope}");
        }

        if (layer.Inhibition.Count != 0)
        {
            Line(text, $"      winner-take-all inhibition {ModelInspector.Range(layer.Inhibition)}");
        }

        if (layer.MembraneFloor.Count != 0)
        {
            Line(text, $"      membrane floor {ModelInspector.Range(layer.MembraneFloor)}");
        }

        if (layer.Src is { } src)
        {
            DescribeSrc(text, src);
        }
    }

    private static void DescribeSrc(StringBuilder text, SrcParameters src)
    {
        int f = (int)src.FractionBits;
        Line(text, $"      SRC: Q{f} states, input decay α = {Q(src.InputDecay, 16)}, fast feedback r = {Q(src.FastFeedback, f)}, slow feedback r_s = {Q(src.SlowFeedback, f)}");
        Line(text, $"      SRC slow gate: z_s = {Q(src.SlowGateRest, 16)} at rest, {Q(src.SlowGateActive, 16)} when h > θ_z = {Q(src.GateThreshold, f)}; start h = {Q(src.RestFast, f)}, h_s = {Q(src.RestSlow, f)}");
        Line(text, $"      SRC input table {(src.InputTable == null ? "none" : Table(src.InputTable, f))}");
        Line(text, $"      SRC fast table {(src.FastTable == null ? "none" : Table(src.FastTable, f))}");
    }

    /// <summary>Length, indexing and value range of a table; values also as reals when they are Q(<paramref name="fractionBits"/>).</summary>
    private static string Table(LookupTable table, int fractionBits)
    {
        string values = table.Values.Count == 0
            ? "no values"
            : Text($"values {table.Values.Min()}..{table.Values.Max()} = {Q(table.Values.Min(), fractionBits)}..{Q(table.Values.Max(), fractionBits)}");
        return Text($"of {table.Values.Count:N0} values (input shift {table.InputShift}, offset {table.InputOffset}, {values})");
    }

    /// <summary>A fixed-point number with <paramref name="fractionBits"/> fraction bits as a decimal.</summary>
    private static string Q(long value, int fractionBits)
        => fractionBits is >= 0 and <= 30 ? Text($"{value / (double)(1L << fractionBits):0.######}") : Text($"{value} (raw)");

    private static string Text(FormattableString value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
