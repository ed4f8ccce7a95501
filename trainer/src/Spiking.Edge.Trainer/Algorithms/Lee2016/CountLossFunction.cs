using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>The batch-mean loss of output spike counts, its derivative with respect to every count, and the correct predictions.</summary>
/// <param name="Error">∂L/∂a [B, classes] of the batch-mean loss L (each sample's derivative divided by B).</param>
/// <param name="Loss">L, the mean of the per-sample losses.</param>
/// <param name="Correct">Samples whose largest count (ties to the lowest index) is at the label.</param>
public readonly record struct CountLossResult(Tensor Error, double Loss, long Correct);

/// <summary>The losses of <see cref="CountLoss"/> on output-layer spike counts.</summary>
public static class CountLossFunction
{
    /// <summary>Evaluates <paramref name="loss"/> for a batch.</summary>
    /// <param name="counts">Output counts a [B, classes].</param>
    /// <param name="labels">Labels [B] (int64).</param>
    /// <param name="loss">Which loss.</param>
    /// <param name="normaliser">The scale m of <see cref="CountLoss.NormalisedMse"/>.</param>
    /// <param name="ticks">T (the <see cref="CountNormaliser.Ticks"/> scale).</param>
    /// <returns>The error (owned by the caller's dispose scope), the mean loss and the correct predictions.</returns>
    public static CountLossResult Evaluate(Tensor counts, Tensor labels, CountLoss loss, CountNormaliser normaliser, long ticks)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        if (counts.dim() != 2 || labels.dim() != 1 || labels.shape[0] != counts.shape[0])
        {
            throw new ArgumentException($"Counts must be [B, classes] and labels [B]; got [{string.Join(", ", counts.shape)}] and [{string.Join(", ", labels.shape)}].", nameof(counts));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticks);
        using var scope = NewDisposeScope();
        var batch = counts.shape[0];
        var target = nn.functional.one_hot(labels, counts.shape[1]).to_type(counts.dtype);
        Tensor error;
        Tensor perSample;
        if (loss == CountLoss.CrossEntropy)
        {
            var logProbabilities = counts.log_softmax(1);
            perSample = logProbabilities.mul(target).sum(1).neg();
            error = logProbabilities.exp().sub(target);
        }
        else
        {
            var scale = normaliser == CountNormaliser.Ticks
                ? full_like(counts, S(ticks)).narrow(1, 0, 1)
                : counts.amax([1], keepdim: true).clamp_min(S(1));
            var difference = counts.div(scale).sub(target);
            perSample = difference.square().sum(1).mul(S(0.5));
            error = difference.div(scale);
        }

        var correct = counts.argmax(1).eq(labels).sum().item<long>();
        var mean = perSample.mean().to_type(ScalarType.Float64).item<double>();
        return new CountLossResult(error.div(S(batch)).MoveToOuterDisposeScope(), mean, correct);
    }
}
