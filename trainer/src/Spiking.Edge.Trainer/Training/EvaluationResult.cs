namespace Spiking.Edge.Trainer.Training;

/// <summary>Result of evaluating a model on a data set.</summary>
/// <param name="Accuracy">Fraction classified correctly (0 for an empty set).</param>
/// <param name="Loss">Mean cross-entropy per sample.</param>
/// <param name="SampleCount">Number of samples evaluated.</param>
/// <param name="Confusion">Counts [true class, predicted class].</param>
public sealed record EvaluationResult(double Accuracy, double Loss, int SampleCount, int[,] Confusion);
