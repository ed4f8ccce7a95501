using System.Globalization;
using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Export;

/// <summary>
/// Turns a quantized network into a model file (model-format/proto/spiking_edge_model.proto): per layer the
/// weights in the smallest encoding (<see cref="WeightCodec.Encode"/>), thresholds, biases and scales, and every
/// format-1.1 option the layer uses (decay, current, refractory, inhibition, floor, activation, graded output and its
/// table, reset scope, recurrent weights, SRC parameters); the input geometry, timing, readout and labels from the
/// float spec; and the provenance.
/// </summary>
/// <remarks>
/// The model's <c>format_minor</c> is the one its fields need, from <see cref="ModelWriter.RequiredMinorVersion"/>
/// (1 when a layer uses a 1.1 field, else 0), so the in-memory model validates as it is.
/// </remarks>
public static class ModelExporter
{
    /// <summary>Builds the model message (the checksum is added by <see cref="ModelWriter"/>).</summary>
    /// <param name="quantized">The integer layers, from <see cref="Quantizer.Quantize"/>.</param>
    /// <param name="spec">The float spec the layers were quantized from (geometry, timing, readout, labels).</param>
    /// <param name="provenance">Where the model came from.</param>
    /// <exception cref="ArgumentException">The quantized network does not match the spec.</exception>
    public static Model ToModel(QuantizedNetwork quantized, FloatNetworkSpec spec, ProvenanceInfo provenance)
    {
        ArgumentNullException.ThrowIfNull(quantized);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(provenance);
        if (quantized.Layers.Count != spec.Layers.Count)
        {
            throw new ArgumentException($"quantized network has {quantized.Layers.Count} layers, the float spec {spec.Layers.Count}");
        }

        var model = new Model
        {
            FormatMajor = 1,
            FormatMinor = 0,
            Input = new InputGeometry { Width = (uint)spec.Width, Height = (uint)spec.Height, Polarities = (uint)spec.Polarities },
            TickMicroseconds = (uint)spec.TickMicroseconds,
            TicksPerSample = (uint)spec.TicksPerSample,
            Readout = new Readout { Mode = spec.Readout },
            Provenance = ToProto(provenance, quantized.WeightSparsity),
        };
        model.Labels.AddRange(spec.Labels);
        for (int l = 0; l < quantized.Layers.Count; l++)
        {
            model.Layers.Add(ToLayer(quantized.Layers[l], spec.Layers[l], l));
        }

        model.FormatMinor = ModelWriter.RequiredMinorVersion(model);
        return model;
    }

    /// <summary>
    /// <see cref="ToModel"/>, then writes it to <paramref name="path"/> atomically with <see cref="ModelWriter.WriteFile"/>
    /// (validated first; an invalid model leaves no file). Returns the model written.
    /// </summary>
    public static Model Export(QuantizedNetwork quantized, FloatNetworkSpec spec, ProvenanceInfo provenance, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Model model = ToModel(quantized, spec, provenance);
        ModelWriter.WriteFile(model, path);
        return model;
    }

    private static Layer ToLayer(QuantizedLayer q, FloatLayerSpec f, int index)
    {
        if (q.InputSize != f.InputSize || q.OutputSize != f.OutputSize)
        {
            throw new ArgumentException($"layer {index} ('{q.Name}'): quantized shape {q.InputSize} -> {q.OutputSize} differs from the float spec's {f.InputSize} -> {f.OutputSize}");
        }

        var layer = new Layer
        {
            Name = q.Name,
            InputSize = (uint)q.InputSize,
            OutputSize = (uint)q.OutputSize,
            Neuron = q.Neuron,
            LeakShift = (uint)q.LeakShift,
            Reset = q.Reset,
            Comparison = q.Comparison,
            Weights = WeightCodec.Encode(q.Weights, q.InputSize, q.OutputSize, q.Bits),
        };
        layer.Threshold.AddRange(q.Threshold);
        if (Array.Exists(q.Bias, b => b != 0))
        {
            layer.Bias.AddRange(q.Bias);
        }

        layer.WeightScale.AddRange(q.Scale);
        LayerOptionsExport.Apply(layer, q);
        return layer;
    }

    private static Provenance ToProto(ProvenanceInfo p, double sparsity) => new()
    {
        Cell = p.Cell ?? string.Empty,
        Algorithm = p.Algorithm ?? string.Empty,
        Dataset = p.Dataset ?? string.Empty,
        FloatAccuracy = (float)p.FloatAccuracy,
        IntegerAccuracy = (float)p.IntegerAccuracy,
        Seed = p.Seed,
        Epochs = (uint)Math.Max(0, p.Epochs),
        CreatedUtc = (p.CreatedUtc.Kind == DateTimeKind.Local ? p.CreatedUtc.ToUniversalTime() : p.CreatedUtc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ToolVersion = p.ToolVersion ?? string.Empty,
        WeightSparsity = (float)sparsity,
        Notes = p.Notes ?? string.Empty,
    };
}
