namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// What the training loop, the evaluator and checkpoints need to know about a model besides its TorchSharp module:
/// frames [T, B, <see cref="InputSize"/>] in, logits [B, <see cref="OutputSize"/>] out. Implemented by the spiking
/// networks and by the LSTM/GRU baselines.
/// </summary>
public interface IClassifier
{
    /// <summary>Inputs per tick.</summary>
    int InputSize { get; }

    /// <summary>Number of classes (logits per sample).</summary>
    int OutputSize { get; }
}
