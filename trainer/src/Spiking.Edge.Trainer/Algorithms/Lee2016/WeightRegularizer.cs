using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// Lee et al.'s exponential weight regulariser (seed-methods §3.2, recalled): L_w = ½λ Σ_i exp(β(Σ_j w_ij² − 1)) over a
/// layer's neurons i, a soft max-norm on each neuron's fan-in (Lee's initialisation U(±√(3/M)) starts at Σ_j w_ij² ≈ 1).
/// </summary>
public static class WeightRegularizer
{
    /// <summary>L_w of one layer.</summary>
    /// <param name="weight">W [N, in].</param>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="sharpness">β ≥ 0.</param>
    public static double Value(Tensor weight, double strength, double sharpness)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var scope = NewDisposeScope();
        return RowFactors(weight, sharpness).sum().mul(S(0.5 * strength)).to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>∂L_w/∂w_ij = λβ w_ij exp(β(Σ_j w_ij² − 1)) [N, in].</summary>
    /// <param name="weight">W [N, in].</param>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="sharpness">β ≥ 0.</param>
    public static Tensor Gradient(Tensor weight, double strength, double sharpness)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var scope = NewDisposeScope();
        return weight.mul(RowFactors(weight, sharpness).unsqueeze(1)).mul_(S(strength * sharpness)).MoveToOuterDisposeScope();
    }

    private static Tensor RowFactors(Tensor weight, double sharpness) =>
        weight.square().sum(1).sub_(S(1)).mul_(S(sharpness)).exp_();
}
