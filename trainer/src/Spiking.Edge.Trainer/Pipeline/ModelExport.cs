using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.ModelFormat;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pruning;
using Spiking.Edge.Trainer.Quantization;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Trained float network → pruned, quantized model file, measured on the way: float accuracy, then integer-simulation
/// and edge-runtime accuracy (compared bit for bit) on the same evaluation data. The accuracies and the evaluation data's
/// input transform (<see cref="TransformProvenance"/>, in the notes) go into the file's provenance; the file is written
/// once, atomically, after they are known.
/// </summary>
public static class ModelExport
{
    /// <summary>Exports <paramref name="network"/> to <paramref name="path"/>.</summary>
    /// <param name="network">The trained network.</param>
    /// <param name="timing">Tick layout it was trained with.</param>
    /// <param name="evaluation">Data to measure accuracy on (its geometry and labels go into the file).</param>
    /// <param name="request">Pruning, bit width and provenance.</param>
    /// <param name="accumulator">Row kernel for the runtime check.</param>
    /// <param name="path">Destination file.</param>
    /// <param name="floatAccuracy">The float accuracy if already measured on <paramref name="evaluation"/>, else null.</param>
    public static ExportResult Run(
        SpikingNetwork network,
        InputTiming timing,
        EventDataset evaluation,
        ExportRequest request,
        IRowAccumulator accumulator,
        string path,
        double? floatAccuracy = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        timing.Validate();
        if (evaluation.Samples.Count == 0)
        {
            throw new ArgumentException("nothing to evaluate the export on: the evaluation data set is empty");
        }

        double floatAcc = floatAccuracy ?? Evaluator.Evaluate(network, new EventBatchSource(evaluation, timing), 64, timing.TicksPerSample).Accuracy;
        FloatNetworkSpec spec = network.ToSpec(evaluation.Width, evaluation.Height, evaluation.Polarities, timing.TickMicroseconds, timing.TicksPerSample, evaluation.Labels);
        FloatNetworkSpec pruned = request.PruneFraction > 0 ? MagnitudePruner.Prune(spec, request.PruneFraction) : spec;
        QuantizedNetwork quantized = Quantizer.Quantize(pruned, request.Bits);
        var report = QuantizationReport.Create(pruned, quantized);

        var provisional = new ProvenanceInfo(CellName(network.Config), request.Algorithm ?? DefaultAlgorithm(network.Config), request.Dataset, floatAcc, 0, (ulong)request.Seed, request.Epochs, DateTime.UtcNow, ToolVersion);
        var model = ModelExporter.ToModel(quantized, pruned, provisional);
        DeploymentCheckResult check = DeploymentCheck.Run(ModelWriter.ToBytes(model), evaluation, timing.WindowStartMicroseconds, accumulator);

        model.Provenance.IntegerAccuracy = (float)check.IntegerAccuracy;
        model.Provenance.Notes = $"evaluated on {check.SampleCount} samples; edge runtime {(check.EdgeMatchesInteger ? "bit-exact with" : "DIFFERS from")} the integer simulation; {TransformProvenance.Note(evaluation.Transform)}";
        ModelWriter.WriteFile(model, path);
        byte[] bytes = File.ReadAllBytes(path);
        return new ExportResult(Path.GetFullPath(path), model, bytes, floatAcc, check, report, ModelInspector.WeightSparsity(model));
    }

    /// <summary>The cells of a network as recorded in provenance: the distinct layer cells joined by "+", e.g. "cubaLif".</summary>
    public static string CellName(NetworkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return string.Join('+', config.Layers.Select(l => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(l.Cell.ToString())).Distinct());
    }

    /// <summary>The provenance algorithm of a network trained with <paramref name="algorithm"/>: null for BPTT (then
    /// <see cref="DefaultAlgorithm"/> names the BPTT variant from the cells), else the algorithm's command-line name.</summary>
    /// <param name="algorithm">The training algorithm of the run.</param>
    public static string? ProvenanceAlgorithm(Algorithms.TrainingAlgorithm algorithm) =>
        algorithm == Algorithms.TrainingAlgorithm.Bptt ? null : Algorithms.TrainingAlgorithms.NameOf(algorithm);

    /// <summary>"bptt" when every layer is an SRC (plain BPTT), else "bptt-surrogate".</summary>
    public static string DefaultAlgorithm(NetworkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Layers.All(l => l.Cell == CellKind.Src) ? "bptt" : "bptt-surrogate";
    }

    /// <summary>The version recorded in provenance.</summary>
    public static string ToolVersion { get; } = typeof(ModelExport).Assembly.GetName().Version?.ToString() ?? "0";
}
