using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The presynaptic effect ratio r_ij = ∂e_{i|j}/∂o_j ≈ e_{i|j} / o_j of ST-RSBP (seed-methods §2.4(b)), and a fixed
/// ratio when either count is 0.
/// </summary>
public static class EffectRatios
{
    /// <summary>r [B, N_out, N_in].</summary>
    /// <param name="psp">e [B, N_out, N_in].</param>
    /// <param name="postCounts">o_i [B, N_out].</param>
    /// <param name="preCounts">o_j [B, N_in].</param>
    /// <param name="silentRatio">r when o_i = 0 or o_j = 0, in our units (reference 0.5 · τ_s).</param>
    public static Tensor Compute(Tensor psp, Tensor postCounts, Tensor preCounts, double silentRatio)
    {
        ArgumentNullException.ThrowIfNull(psp);
        ArgumentNullException.ThrowIfNull(postCounts);
        ArgumentNullException.ThrowIfNull(preCounts);
        using var scope = NewDisposeScope();
        var both = postCounts.gt(S(0)).unsqueeze(2).logical_and(preCounts.gt(S(0)).unsqueeze(1));
        var ratio = psp.div(preCounts.clamp_min(S(1e-6)).unsqueeze(1));
        return ratio.masked_fill_(both.logical_not(), S(silentRatio)).MoveToOuterDisposeScope();
    }
}
