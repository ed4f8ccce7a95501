using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms;

/// <summary>The loss and the number of correct predictions of one training batch.</summary>
/// <param name="Loss">The algorithm's loss, averaged over the batch.</param>
/// <param name="Correct">Samples of the batch whose prediction equals the label.</param>
public readonly record struct GradientStep(double Loss, long Correct);

/// <summary>
/// One training algorithm bound to one model: fills the gradient (<c>.grad</c>) of every trainable parameter for a
/// batch; the <see cref="Training.TrainingLoop"/> then clips, applies Adam with its schedule and calls
/// <see cref="AfterStep"/>. Called inside the loop's dispose scope and native-call guard.
/// </summary>
public interface IGradientMethod : IDisposable
{
    /// <summary>Computes the batch's loss and writes every trainable parameter's gradient (the loop zeroed them before).</summary>
    /// <param name="frames">Input frames [T, B, inputs].</param>
    /// <param name="labels">Labels [B] (int64).</param>
    /// <param name="samples">The batch's positions in the training set (for per-sample state such as boosting weights).</param>
    GradientStep ComputeGradients(Tensor frames, Tensor labels, ReadOnlySpan<int> samples);

    /// <summary>Applies rules that follow the optimizer step (parameter constraints, threshold regularisation).</summary>
    void AfterStep();

    /// <summary>Ends an epoch (for per-epoch rules such as boosting).</summary>
    /// <param name="epoch">The epoch just finished, 1-based.</param>
    void EndEpoch(int epoch);

    /// <summary>The state a resumed run needs (such as boosting weights), saved in checkpoints after an epoch; empty when none.</summary>
    float[] SaveState();

    /// <summary>Restores what <see cref="SaveState"/> returned.</summary>
    /// <param name="state">A saved state (empty restores nothing).</param>
    /// <exception cref="InvalidDataException">The state does not fit this method.</exception>
    void RestoreState(float[] state);
}
