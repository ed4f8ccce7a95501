namespace Spiking.Edge.Trainer.Training;

/// <summary>What one epoch achieved.</summary>
/// <param name="Epoch">Epoch number (1-based).</param>
/// <param name="TrainLoss">Mean cross-entropy over the epoch's training batches.</param>
/// <param name="TrainAccuracy">Fraction of training samples classified correctly while training.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation set, or null without one.</param>
/// <param name="ValidationAccuracy">Validation accuracy, or null without a validation set.</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy, double Seconds);
