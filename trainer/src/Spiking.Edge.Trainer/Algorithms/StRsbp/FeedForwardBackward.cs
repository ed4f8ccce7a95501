using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The backward step of a feed-forward ST-RSBP layer (seed-methods §2.4). From o_i = (1/θ) Σ_j w_ij e_{i|j}(o_j, o_i):
/// <c>S_i = 1 − (1/θ) Σ_j w_ij ∂e_{i|j}/∂o_i</c> (the self-consistency of i's own resets),
/// <c>∂E/∂w_ij = δ̂_i e_{i|j} L_i / S_i</c> and <c>δ_j = Σ_i δ̂_i w_ij r_ij / S_i</c>, with δ̂ = δ/θ, r the presynaptic effect
/// ratio (<see cref="EffectRatios"/>) and L_i the lateral factor (1 without lateral inhibition; not applied on δ_j).
/// Every quantity is per sample; the weight gradient is the batch mean.
/// </summary>
public static class FeedForwardBackward
{
    /// <summary>Runs the step.</summary>
    /// <param name="psp">e [B, N_out, N_in].</param>
    /// <param name="postCounts">o_i [B, N_out].</param>
    /// <param name="preCounts">o_j [B, N_in].</param>
    /// <param name="weight">w [N_out, N_in].</param>
    /// <param name="deltaHat">δ̂ = δ/θ [B, N_out].</param>
    /// <param name="selfTerm">(1/θ) Σ_j w_ij ∂e_{i|j}/∂o_i [B, N_out] (0 where o_i = 0).</param>
    /// <param name="lateral">L [B, N_out], or null for 1.</param>
    /// <param name="silentRatio">r when a count is 0 (our units).</param>
    /// <param name="minimumDenominator">Guard of S (<see cref="Denominators.Guard"/>).</param>
    /// <param name="passDown">Whether to compute δ of the layer below.</param>
    public static LayerGradient Compute(
        Tensor psp,
        Tensor postCounts,
        Tensor preCounts,
        Tensor weight,
        Tensor deltaHat,
        Tensor selfTerm,
        Tensor? lateral,
        double silentRatio,
        double minimumDenominator,
        bool passDown)
    {
        ArgumentNullException.ThrowIfNull(psp);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(deltaHat);
        ArgumentNullException.ThrowIfNull(selfTerm);
        using var scope = NewDisposeScope();
        var batch = psp.shape[0];
        var s = Denominators.Guard(selfTerm.neg().add_(S(1)), minimumDenominator);
        var g = deltaHat.div(s);
        var gl = lateral is null ? g : g.mul(lateral);
        var weightGradient = einsum("bi,bij->ij", gl, psp).div_(S(batch));
        Tensor? below = null;
        if (passDown)
        {
            below = EffectRatios.WeightedSum(g, weight, psp, postCounts, preCounts, silentRatio);
        }

        return new LayerGradient(weightGradient.MoveToOuterDisposeScope(), null, below?.MoveToOuterDisposeScope());
    }
}
