namespace Spiking.Edge.Trainer.Training;

/// <summary>A progress report during training, for a progress bar.</summary>
/// <param name="Epoch">Current epoch (1-based).</param>
/// <param name="Epochs">Total epochs of the run.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Loss">Mean training loss so far in this epoch.</param>
/// <param name="SamplesPerSecond">Training throughput so far in this epoch.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double Loss, double SamplesPerSecond);
