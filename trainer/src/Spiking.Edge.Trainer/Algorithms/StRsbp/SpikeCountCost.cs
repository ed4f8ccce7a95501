using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>The count error of one batch: the output error δ = ∂(½E)/∂o and the cost E per sample.</summary>
/// <param name="Delta">δ_k = (o_k − y_k) where |o_k − y_k| &gt; margin, else 0 [B, classes].</param>
/// <param name="Cost">E = Σ_k δ_k² per sample [B].</param>
public sealed record CountError(Tensor Delta, Tensor Cost);

/// <summary>
/// ST-RSBP's count loss and decision (seed-methods §2.3): targets y = DesiredLevel for the label neuron and UndesiredLevel
/// for the others, cost E = Σ_k [|o_k − y_k| &gt; Margin]·(o_k − y_k)², output error δ_k = [|o_k − y_k| &gt; Margin]·(o_k − y_k)
/// (the gradient of ½E); the prediction is the output neuron with the most spikes, ties to the lowest index.
/// </summary>
public static class SpikeCountCost
{
    /// <summary>The error and cost of output counts against labels.</summary>
    /// <param name="counts">Output spike counts o [B, classes].</param>
    /// <param name="labels">Labels [B] (int64).</param>
    /// <param name="options">Levels and margin.</param>
    public static CountError Compute(Tensor counts, Tensor labels, StRsbpOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = NewDisposeScope();
        var targets = Targets(counts, labels, options);
        var difference = counts.sub(targets);
        var delta = difference.mul(difference.abs().gt(S(options.Margin)));
        var cost = delta.square().sum(1);
        return new CountError(delta.MoveToOuterDisposeScope(), cost.MoveToOuterDisposeScope());
    }

    /// <summary>The desired counts y [B, classes].</summary>
    /// <param name="counts">Output counts (for shape and device).</param>
    /// <param name="labels">Labels [B].</param>
    /// <param name="options">Levels.</param>
    public static Tensor Targets(Tensor counts, Tensor labels, StRsbpOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = NewDisposeScope();
        var targets = full(counts.shape, S(options.UndesiredLevel), dtype: counts.dtype, device: counts.device);
        var desired = full([counts.shape[0], 1], S(options.DesiredLevel), dtype: counts.dtype, device: counts.device);
        return targets.scatter_(1, labels.reshape(-1, 1), desired).MoveToOuterDisposeScope();
    }

    /// <summary>The predicted classes: argmax of the counts, ties (and all-zero counts) to the lowest index [B].</summary>
    /// <param name="counts">Output counts [B, classes].</param>
    public static Tensor Predict(Tensor counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.argmax(1);
    }
}
