using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The output layer's lateral factor of ST-RSBP (seed-methods §2.6), the second-order correction for the loop
/// j → l → j through the fixed lateral inhibition w0:
/// <c>L_j = 1 / (1 − w0² Σ_{l≠j} r_{l|j} d_l r_{j|l} d_j)</c> with r_{l|j} = e_{l|j}/o_j (the lateral S-PSP of j's
/// delayed train in l; the silent ratio when a count is 0) and d_x = 1/θ when o_x &gt; 0 or x is the label neuron, else 0.
/// </summary>
public static class LateralFactor
{
    /// <summary>L [B, N].</summary>
    /// <param name="lateralPsp">e_{l|j} [B, N, N] (post l, pre j: <see cref="SpikeTrainPsp.Delayed"/> own train).</param>
    /// <param name="counts">o [B, N].</param>
    /// <param name="labels">Labels [B] (int64) for the output layer, or null (no label neuron).</param>
    /// <param name="weight">w0, the lateral weight (its sign does not matter).</param>
    /// <param name="threshold">θ of the layer.</param>
    /// <param name="silentRatio">r when a count is 0 (our units).</param>
    /// <param name="minimumDenominator">Guard of the denominator (<see cref="Denominators.Guard"/>).</param>
    public static Tensor Compute(Tensor lateralPsp, Tensor counts, Tensor? labels, double weight, double threshold, double silentRatio, double minimumDenominator)
    {
        ArgumentNullException.ThrowIfNull(lateralPsp);
        ArgumentNullException.ThrowIfNull(counts);
        using var scope = NewDisposeScope();
        var active = counts.gt(S(0));
        if (labels is not null)
        {
            active = active.logical_or(nn.functional.one_hot(labels, counts.shape[1]).gt(S(0)));
        }

        var d = active.to_type(counts.dtype).div_(S(threshold));
        var m = EffectRatios.Compute(lateralPsp, counts, counts, silentRatio).mul_(d.unsqueeze(2));
        var loops = m.mul(m.transpose(1, 2)).sum(1).sub_(m.diagonal(0, 1, 2).square());
        var denominator = loops.mul_(S(-weight * weight)).add_(S(1));
        return Denominators.Guard(denominator, minimumDenominator).reciprocal_().MoveToOuterDisposeScope();
    }
}
