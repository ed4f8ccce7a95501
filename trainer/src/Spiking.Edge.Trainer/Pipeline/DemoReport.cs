namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>The figures `spiking demo` prints (and, with --json, emits as one snake_case JSON object).</summary>
/// <param name="FloatAccuracy">Held-out accuracy of the float network, 0..1.</param>
/// <param name="IntegerAccuracy">Held-out accuracy of the trainer's integer simulation of the exported file.</param>
/// <param name="EdgeAccuracy">Held-out accuracy of the edge runtime fed event by event.</param>
/// <param name="EdgeMatchesInteger">Every spike count, membrane sum, prediction and SynOps count agreed.</param>
/// <param name="ModelBytes">Size of the model file.</param>
/// <param name="WeightSparsity">Fraction of zero weights in the file.</param>
/// <param name="SynOpsPerSample">Mean synaptic operations per held-out sample on the edge runtime.</param>
/// <param name="EventsPerSample">Mean input events per held-out sample.</param>
/// <param name="EdgeMillisecondsPerSample">Mean edge-runtime time per sample.</param>
/// <param name="TrainSamples">Training samples.</param>
/// <param name="TestSamples">Held-out samples.</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="ConvertSeconds">Time to turn images into events.</param>
/// <param name="TrainSeconds">Training time.</param>
/// <param name="WallTimeSeconds">Whole demo.</param>
/// <param name="ModelPath">The exported model file.</param>
public sealed record DemoReport(
    double FloatAccuracy,
    double IntegerAccuracy,
    double EdgeAccuracy,
    bool EdgeMatchesInteger,
    long ModelBytes,
    double WeightSparsity,
    [property: System.Text.Json.Serialization.JsonPropertyName("synops_per_sample")] double SynOpsPerSample,
    double EventsPerSample,
    double EdgeMillisecondsPerSample,
    int TrainSamples,
    int TestSamples,
    int Epochs,
    double ConvertSeconds,
    double TrainSeconds,
    double WallTimeSeconds,
    string ModelPath);
