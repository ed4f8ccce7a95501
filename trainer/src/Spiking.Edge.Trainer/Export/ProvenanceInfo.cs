namespace Spiking.Edge.Trainer.Export;

/// <summary>Where a model came from, written into its Provenance message (weight sparsity is measured, not given).</summary>
/// <param name="Cell">The trainer cell (for example "LifCell").</param>
/// <param name="Algorithm">The training algorithm (for example "BPTT surrogate gradient").</param>
/// <param name="Dataset">The data set it was trained on.</param>
/// <param name="FloatAccuracy">Test accuracy of the float network, 0..1.</param>
/// <param name="IntegerAccuracy">Test accuracy of the quantized integer model, 0..1.</param>
/// <param name="Seed">Random seed of the run.</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="CreatedUtc">When the model was made, UTC (a Local time is converted; written as ISO 8601).</param>
/// <param name="ToolVersion">Version of the tool that made it.</param>
/// <param name="Notes">Free text (may be empty).</param>
public sealed record ProvenanceInfo(
    string Cell,
    string Algorithm,
    string Dataset,
    double FloatAccuracy,
    double IntegerAccuracy,
    ulong Seed,
    int Epochs,
    DateTime CreatedUtc,
    string ToolVersion,
    string Notes = "");
