namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>What <see cref="DeploymentCheck"/> measured on one data set.</summary>
/// <param name="SampleCount">Samples evaluated.</param>
/// <param name="IntegerAccuracy">Accuracy of the trainer's integer simulation, 0..1.</param>
/// <param name="EdgeAccuracy">Accuracy of the edge runtime fed event by event, 0..1.</param>
/// <param name="EdgeMatchesInteger">True when every spike count of every layer, every readout membrane sum, every prediction and every SynOps count agree.</param>
/// <param name="MismatchedSamples">Samples where anything differed.</param>
/// <param name="FirstMismatch">Where the first difference was, or empty.</param>
/// <param name="SynOpsPerSample">Mean synaptic operations per sample (semantics §6), from the runtime.</param>
/// <param name="EdgeMillisecondsPerSample">Mean wall time of the runtime per sample (load excluded).</param>
/// <param name="EdgePredictions">The runtime's predicted class per sample.</param>
public sealed record DeploymentCheckResult(
    int SampleCount,
    double IntegerAccuracy,
    double EdgeAccuracy,
    bool EdgeMatchesInteger,
    int MismatchedSamples,
    string FirstMismatch,
    double SynOpsPerSample,
    double EdgeMillisecondsPerSample,
    int[] EdgePredictions);
