using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// The winner-take-all coupling of the linearised layer θ_i (a_i + c Σ_{h≠i} a_h) = s_i, c = σκ: in matrix form
/// M a = s/θ with M = (1 − c) I + c·11ᵀ (symmetric). The backward pass needs λ = M⁻ᵀ g = M⁻¹ g for an error g = ∂L/∂a.
/// </summary>
public static class WinnerTakeAll
{
    /// <summary>Refuses a coupling for which <see cref="WtaBackward.Solve"/> has no solution (c ≥ 1 makes M singular or indefinite).</summary>
    /// <param name="coupling">c = σκ.</param>
    /// <param name="layer">Layer name for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">c is not in [0, 1).</exception>
    public static void CheckSolvable(double coupling, string layer)
    {
        if (!(coupling >= 0 && coupling < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(coupling), coupling, $"lee2016: {layer}'s winner-take-all coupling σκ = {coupling} must be in [0, 1) to solve the linearised system (lower κ or InhibitionScale, or use Wta = FirstOrder).");
        }
    }

    /// <summary>λ [B, N] for the error g [B, N] of each sample (each row a layer of N neurons).</summary>
    /// <param name="error">g = ∂L/∂a.</param>
    /// <param name="coupling">c = σκ ≥ 0 (below 1 for <see cref="WtaBackward.Solve"/>).</param>
    /// <param name="mode">Exact solve (Sherman–Morrison: λ = (g − c Σg/(1 + (N − 1)c))/(1 − c)) or the first-order form λ = g − c(Σg − g).</param>
    public static Tensor Backward(Tensor error, double coupling, WtaBackward mode)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (coupling == 0)
        {
            return error.alias();
        }

        using var scope = NewDisposeScope();
        var total = error.sum(1, keepdim: true);
        if (mode == WtaBackward.FirstOrder)
        {
            return error.mul(S(1 + coupling)).sub_(total.mul(S(coupling))).MoveToOuterDisposeScope();
        }

        var neurons = error.shape[1];
        var shared = coupling / (1 + ((neurons - 1) * coupling));
        return error.sub(total.mul(S(shared))).div_(S(1 - coupling)).MoveToOuterDisposeScope();
    }

    /// <summary>The count each neuron's drive paid for in the linearised relation: (M a)_i = a_i + c Σ_{h≠i} a_h.</summary>
    /// <param name="counts">a [B, N].</param>
    /// <param name="coupling">c = σκ.</param>
    public static Tensor DriveCounts(Tensor counts, double coupling)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (coupling == 0)
        {
            return counts.alias();
        }

        using var scope = NewDisposeScope();
        var others = counts.sum(1, keepdim: true).sub(counts);
        return counts.add(others, S(coupling)).MoveToOuterDisposeScope();
    }
}
