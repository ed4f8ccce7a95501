using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The backward step of an ST-RSBP reservoir layer (seed-methods §2.5). Linearising
/// o_i = (1/θ)[Σ_j w_ij e_{i|j} + Σ_p w_ip e_{i|p}] in the counts gives L·do = (1/θ)(R·do_below + Σ e dw) with
/// <c>L_ii = 1 − S^in_i − S^rec_i</c> (the self terms, n_i clamped to ≥ 1; guarded away from 0),
/// <c>L_ip = −w_ip r_ip / θ</c> (p ≠ i) and <c>R_ij = w_ij r_ij</c>. With z = L⁻ᵀ δ̂ (δ̂ = δ/θ; a batched solve):
/// the chain rule gives <c>δ_below = Rᵀ z</c> (δ̂ᵀL⁻¹R) and <c>∂E/∂w_ij = z_i e_{i|j}</c>, <c>∂E/∂w_ip = z_i e_{i|p}</c>
/// (a change dw_ij adds e_{i|j} dw_ij / θ to row i of the system's right-hand side). The reference variants replace the
/// weight gradients' z by δ̂_i / L_ii (<see cref="RecurrentWeightGradient.Diagonal"/>) and δ_below by L⁻ᵀ Rᵀ δ̂, i.e.
/// δ̂ᵀ R L⁻¹ (<see cref="RecurrentSolve.ReferenceTransposed"/>, square layers only).
/// </summary>
public static class ReservoirBackward
{
    /// <summary>Runs the step.</summary>
    /// <param name="inputPsp">e_{i|j} [B, N, N_in].</param>
    /// <param name="recurrentPsp">e_{i|p} [B, N, N] (presynaptic trains delayed by one tick).</param>
    /// <param name="postCounts">o_i [B, N] (also the recurrent presynaptic counts o_p).</param>
    /// <param name="preCounts">o_j [B, N_in].</param>
    /// <param name="weight">w [N, N_in].</param>
    /// <param name="recurrent">Recurrent weights as used (masked) [N, N].</param>
    /// <param name="mask">Existing recurrent connections [N, N] (0/1).</param>
    /// <param name="deltaHat">δ̂ = δ/θ [B, N].</param>
    /// <param name="selfTerm">S^in + S^rec [B, N] (with n_i clamped to ≥ 1).</param>
    /// <param name="threshold">θ.</param>
    /// <param name="options">The solve and weight-gradient variants and the denominator guard.</param>
    /// <param name="silentRatio">r when a count is 0 (our units).</param>
    /// <param name="passDown">Whether to compute δ of the layer below.</param>
    public static LayerGradient Compute(
        Tensor inputPsp,
        Tensor recurrentPsp,
        Tensor postCounts,
        Tensor preCounts,
        Tensor weight,
        Tensor recurrent,
        Tensor mask,
        Tensor deltaHat,
        Tensor selfTerm,
        double threshold,
        StRsbpOptions options,
        double silentRatio,
        bool passDown)
    {
        ArgumentNullException.ThrowIfNull(inputPsp);
        ArgumentNullException.ThrowIfNull(recurrentPsp);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(recurrent);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(deltaHat);
        ArgumentNullException.ThrowIfNull(options);
        var size = weight.shape[0];
        if (options.RecurrentSolve == RecurrentSolve.ReferenceTransposed && passDown && weight.shape[1] != size)
        {
            throw new ArgumentException($"RecurrentSolve.ReferenceTransposed needs a reservoir layer with as many inputs as neurons; this one has {weight.shape[1]} inputs and {size} neurons.", nameof(options));
        }

        using var scope = NewDisposeScope();
        var batch = inputPsp.shape[0];
        var diagonal = Denominators.Guard(selfTerm.neg().add_(S(1)), options.MinimumDenominator);
        using var identity = eye(size, dtype: weight.dtype, device: weight.device);
        var offDiagonal = identity.neg().add_(S(1));
        var lateral = EffectRatios.Weighted(recurrentPsp, postCounts, postCounts, recurrent.mul(mask).mul_(offDiagonal), silentRatio).mul_(S(-1 / threshold));

        // The system is used transposed only (z = L⁻ᵀ δ̂), so it is built as Lᵀ, contiguous.
        var transposed = lateral.transpose(1, 2).add(diag_embed(diagonal));
        Tensor? z = null;
        Tensor SolveZ() => z ??= Solve(transposed, deltaHat);

        var weighting = options.RecurrentWeightGradient == RecurrentWeightGradient.Full ? SolveZ() : deltaHat.div(diagonal);
        var weightGradient = einsum("bi,bij->ij", weighting, inputPsp).div_(S(batch));
        var recurrentGradient = einsum("bi,bij->ij", weighting, recurrentPsp).div_(S(batch)).mul_(mask);
        Tensor? below = null;
        if (passDown)
        {
            below = options.RecurrentSolve == RecurrentSolve.ChainRule
                ? EffectRatios.WeightedSum(SolveZ(), weight, inputPsp, postCounts, preCounts, silentRatio)
                : Solve(transposed, EffectRatios.WeightedSum(deltaHat, weight, inputPsp, postCounts, preCounts, silentRatio));
        }

        return new LayerGradient(weightGradient.MoveToOuterDisposeScope(), recurrentGradient.MoveToOuterDisposeScope(), below?.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// x with A x = b for each sample, one <c>linalg.solve</c> per sample: the batched call on [B, N, N] failed inside the
    /// training loop with two threads ("Intel oneMKL ERROR: Parameter 6 was incorrect on entry to SLASWP", then "Pivots
    /// given to lu_solve must all be greater or equal to 1", even for identity matrices) while per-sample solves succeed.
    /// </summary>
    /// <param name="matrices">A [B, N, N].</param>
    /// <param name="rhs">b [B, N].</param>
    /// <returns>x [B, N].</returns>
    private static Tensor Solve(Tensor matrices, Tensor rhs)
    {
        var count = matrices.shape[0];
        var solutions = new Tensor[count];
        for (var b = 0; b < count; b++)
        {
            solutions[b] = linalg.solve(matrices[b], rhs[b]);
        }

        return stack(solutions, 0);
    }
}
