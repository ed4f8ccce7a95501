using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The presynaptic effect ratio r_ij = ∂e_{i|j}/∂o_j ≈ e_{i|j} / o_j of ST-RSBP (seed-methods §2.4(b)), and a fixed
/// ratio ρ when either count is 0. With a_i = [o_i &gt; 0] and c_j = [o_j &gt; 0]:
/// <c>r_ij = e_ij · a_i c_j / o_j + ρ (1 − a_i c_j)</c>, so products with r need no [B, N_out, N_in] mask.
/// </summary>
public static class EffectRatios
{
    /// <summary>r [B, N_out, N_in].</summary>
    /// <param name="psp">e [B, N_out, N_in].</param>
    /// <param name="postCounts">o_i [B, N_out].</param>
    /// <param name="preCounts">o_j [B, N_in].</param>
    /// <param name="silentRatio">ρ: r when o_i = 0 or o_j = 0, in our units (reference 0.5 · τ_s).</param>
    public static Tensor Compute(Tensor psp, Tensor postCounts, Tensor preCounts, double silentRatio)
    {
        ArgumentNullException.ThrowIfNull(psp);
        using var scope = NewDisposeScope();
        var (active, scale) = Factors(postCounts, preCounts);
        var both = active.mul(scale.ne(S(0)).to_type(scale.dtype));
        return psp.mul(active.mul(scale)).add_(both.neg().add_(S(1)).mul_(S(silentRatio))).MoveToOuterDisposeScope();
    }

    /// <summary>w ⊙ r [B, N_out, N_in] for a weight matrix w [N_out, N_in].</summary>
    /// <param name="psp">e [B, N_out, N_in].</param>
    /// <param name="postCounts">o_i [B, N_out].</param>
    /// <param name="preCounts">o_j [B, N_in].</param>
    /// <param name="weight">w [N_out, N_in].</param>
    /// <param name="silentRatio">ρ.</param>
    public static Tensor Weighted(Tensor psp, Tensor postCounts, Tensor preCounts, Tensor weight, double silentRatio)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var scope = NewDisposeScope();
        return Compute(psp, postCounts, preCounts, silentRatio).mul_(weight).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Σ_i g_i w_ij r_ij per sample [B, N_in] without forming r: (c_j/o_j)·Σ_i (g a)_i w_ij e_ij + ρ[(g w)_j − c_j (g a w)_j].
    /// </summary>
    /// <param name="g">Per-neuron factors [B, N_out].</param>
    /// <param name="weight">w [N_out, N_in].</param>
    /// <param name="psp">e [B, N_out, N_in].</param>
    /// <param name="postCounts">o_i [B, N_out].</param>
    /// <param name="preCounts">o_j [B, N_in].</param>
    /// <param name="silentRatio">ρ.</param>
    public static Tensor WeightedSum(Tensor g, Tensor weight, Tensor psp, Tensor postCounts, Tensor preCounts, double silentRatio)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(psp);
        using var scope = NewDisposeScope();
        var (active, scale) = Factors(postCounts, preCounts);
        var ga = g.mul(active.squeeze(2));
        var firing = scale.squeeze(1);
        var measured = ga.unsqueeze(1).bmm(psp.mul(weight)).squeeze(1).mul_(firing);
        var silent = g.matmul(weight).sub_(ga.matmul(weight).mul_(firing.ne(S(0)).to_type(firing.dtype))).mul_(S(silentRatio));
        return measured.add_(silent).MoveToOuterDisposeScope();
    }

    /// <summary>a_i as [B, N_out, 1] and c_j / o_j as [B, 1, N_in] (0 where o_j = 0).</summary>
    private static (Tensor Active, Tensor Scale) Factors(Tensor postCounts, Tensor preCounts)
    {
        ArgumentNullException.ThrowIfNull(postCounts);
        ArgumentNullException.ThrowIfNull(preCounts);
        var active = postCounts.gt(S(0)).to_type(postCounts.dtype).unsqueeze(2);
        var firing = preCounts.gt(S(0)).to_type(preCounts.dtype);
        var scale = firing.div(preCounts.clamp_min(S(1e-6))).unsqueeze(1);
        return (active, scale);
    }
}
