using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>A model file written by <see cref="ModelExport"/> and what was measured on the way.</summary>
/// <param name="Path">Where the file is.</param>
/// <param name="Model">The model as written (provenance includes the measured accuracies).</param>
/// <param name="Bytes">The file's bytes.</param>
/// <param name="FloatAccuracy">Accuracy of the float network before pruning, 0..1.</param>
/// <param name="Check">Integer simulation and edge runtime on the same data, compared bit for bit.</param>
/// <param name="Quantization">Quantization error summary.</param>
/// <param name="WeightSparsity">Fraction of all weights that are zero in the file.</param>
public sealed record ExportResult(
    string Path,
    Model Model,
    byte[] Bytes,
    double FloatAccuracy,
    DeploymentCheckResult Check,
    QuantizationReport Quantization,
    double WeightSparsity);
