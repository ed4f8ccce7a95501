using System.Globalization;
using System.Text;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat;

/// <summary>Human-readable summaries of a model (the text of <c>spiking inspect</c>) and its weight statistics.</summary>
public static class ModelInspector
{
    private static readonly CultureInfo s_text = CultureInfo.InvariantCulture;

    /// <summary>
    /// A multi-line description: format version, input geometry, tick and T, every layer (neuron model, sizes,
    /// weight encoding and statistics, leak, reset, comparison, threshold and scale ranges, and the format-1.1 options
    /// it uses, with Q-format constants decoded), readout, labels, provenance, checksum and totals (recurrent
    /// weights included). <paramref name="fileBytes"/> is the file's size (or -1 when unknown).
    /// </summary>
    public static string Describe(Model model, long fileBytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        string size = fileBytes >= 0 ? Format($", {fileBytes:N0} bytes") : string.Empty;
        Line(text, $"Spiking.Edge model, format {model.FormatMajor}.{model.FormatMinor}{size}, checksum 0x{model.Checksum:X8}");
        if (model.Input is { } input)
        {
            long inputs = (long)input.Width * input.Height * input.Polarities;
            Line(text, $"Input: {input.Width} x {input.Height} x {input.Polarities} polarit{(input.Polarities == 1 ? "y" : "ies")} = {inputs:N0} inputs");
        }
        else
        {
            Line(text, $"Input: none");
        }

        double windowMs = (double)model.TickMicroseconds * model.TicksPerSample / 1000.0;
        Line(text, $"Time: tick {model.TickMicroseconds:N0} us, T = {model.TicksPerSample:N0} ticks ({windowMs:0.###} ms per sample)");
        Line(text, $"Layers: {model.Layers.Count}");
        for (int l = 0; l < model.Layers.Count; l++)
        {
            DescribeLayer(text, model.Layers[l], l);
        }

        string readout = model.Readout == null ? "none" : EnumNames.Of(model.Readout.Mode);
        Line(text, $"Readout: {readout}");
        Line(text, $"Labels: {(model.Labels.Count == 0 ? "none" : string.Join(", ", model.Labels))}");
        DescribeProvenance(text, model.Provenance);
        long totalBytes = model.Layers.Sum(WeightBytes);
        Line(text, $"Totals: {StoredSynapses(model):N0} stored synapses, weight sparsity {WeightSparsity(model) * 100:0.0} %, {totalBytes:N0} weight bytes");
        return text.ToString();
    }

    /// <summary>
    /// The fraction of zero weights over every weight matrix of every layer: the input_size × output_size
    /// feed-forward weights and, for layers that have them, the output_size × output_size recurrent weights
    /// (0 when there are none).
    /// </summary>
    public static double WeightSparsity(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long cells = 0;
        long nonzero = 0;
        foreach (Layer layer in model.Layers)
        {
            cells += (long)layer.InputSize * layer.OutputSize;
            nonzero += NonzeroValues(layer.Weights);
            if (layer.RecurrentWeights != null)
            {
                cells += (long)layer.OutputSize * layer.OutputSize;
                nonzero += NonzeroValues(layer.RecurrentWeights);
            }
        }

        return cells == 0 ? 0.0 : Math.Clamp(1.0 - ((double)nonzero / cells), 0.0, 1.0);
    }

    /// <summary>
    /// The number of stored weights of all layers, feed-forward and recurrent (DENSE: rows × columns; CSR and
    /// BITMAP: the stored values): what the model keeps in memory and what SynOps counts rows of (semantics §6).
    /// </summary>
    public static long StoredSynapses(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Layers.Sum(layer => StoredValues(layer.Weights) + StoredValues(layer.RecurrentWeights));
    }

    private static long StoredValues(Weights? w) => w?.Values.Length ?? 0;

    private static long WeightBytes(Layer layer)
        => (layer.Weights == null ? 0 : WeightCodec.EncodedBytes(layer.Weights)) + (layer.RecurrentWeights == null ? 0 : WeightCodec.EncodedBytes(layer.RecurrentWeights));

    private static void DescribeLayer(StringBuilder text, Layer layer, int l)
    {
        string name = layer.Name.Length == 0 ? "(unnamed)" : layer.Name;
        Line(text, $"  [{l}] {name}: {EnumNames.Of(layer.Neuron)}, {layer.InputSize:N0} -> {layer.OutputSize:N0}");
        DescribeMatrix(text, "weights", layer.Weights, layer.InputSize, layer.OutputSize);
        if (layer.RecurrentWeights != null)
        {
            DescribeMatrix(text, "recurrent weights", layer.RecurrentWeights, layer.OutputSize, layer.OutputSize);
        }

        Line(text, $"      leak shift {layer.LeakShift}, reset {EnumNames.Of(layer.Reset)}, comparison {EnumNames.Of(layer.Comparison)}");
        Line(text, $"      threshold {Range(layer.Threshold)}, bias {(layer.Bias.Count == 0 ? "none (0)" : Range(layer.Bias))}, scale {ScaleRange(layer.WeightScale)}");
        LayerOptionsText.Describe(text, layer);
    }

    private static void DescribeMatrix(StringBuilder text, string what, Weights? w, uint rows, uint columns)
    {
        if (w == null)
        {
            Line(text, $"      {what}: none");
            return;
        }

        long cells = (long)rows * columns;
        long nonzero = NonzeroValues(w);
        double sparsity = cells == 0 ? 0 : 100.0 * (1.0 - ((double)nonzero / cells));
        Line(text, $"      {what}: {EnumNames.Of(w.Encoding)}, {w.Bits}-bit, stored {w.Values.Length:N0}, nonzero {nonzero:N0} of {cells:N0} (sparsity {sparsity:0.0} %), {WeightCodec.EncodedBytes(w):N0} bytes");
    }

    private static void DescribeProvenance(StringBuilder text, Provenance? p)
    {
        if (p == null)
        {
            Line(text, $"Provenance: none");
            return;
        }

        Line(text, $"Provenance: cell {Or(p.Cell)}, algorithm {Or(p.Algorithm)}, dataset {Or(p.Dataset)}");
        Line(text, $"  accuracy: float {p.FloatAccuracy * 100:0.00} %, integer {p.IntegerAccuracy * 100:0.00} %");
        Line(text, $"  seed {p.Seed}, epochs {p.Epochs}, created {Or(p.CreatedUtc)}, tool version {Or(p.ToolVersion)}, recorded weight sparsity {p.WeightSparsity * 100:0.0} %");
        if (p.Notes.Length > 0)
        {
            Line(text, $"  notes: {p.Notes.Replace('\n', ' ')}");
        }
    }

    private static long NonzeroValues(Weights? w)
    {
        if (w == null)
        {
            return 0;
        }

        long count = 0;
        foreach (byte b in w.Values.Span)
        {
            if (b != 0)
            {
                count++;
            }
        }

        return count;
    }

    internal static string Range(IList<int> values)
        => values.Count == 0 ? "none" : Format($"{values.Min()}..{values.Max()}");

    private static string ScaleRange(IList<float> values)
        => values.Count == 0 ? "none" : Format($"{values.Min():G4}..{values.Max():G4}");

    private static string Or(string value) => value.Length == 0 ? "(not recorded)" : value;

    private static string Format(FormattableString value) => value.ToString(s_text);

    internal static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(s_text)).Append('\n');
}
