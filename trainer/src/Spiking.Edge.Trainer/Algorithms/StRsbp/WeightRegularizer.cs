using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// ST-RSBP's exponential weight regulariser (seed-methods §2.6), per postsynaptic neuron i:
/// <c>R_ij = λ β (w_ij/Λ) exp(β (m_i − 1))</c> with <c>m_i = Σ_j (w_ij/Λ)² / (N_in + 1)</c>, the gradient of
/// (λ Λ (N_in + 1) / 2) exp(β (m_i − 1)). For a reservoir neuron the sum also runs over its existing recurrent weights and
/// the normaliser is N_in + (all connections of the layer) + 1 as in the reference code, or N_in + (its own recurrent
/// fan-in) + 1 (<see cref="ReservoirRegularizerNormalizer"/>).
/// </summary>
public static class WeightRegularizer
{
    /// <summary>The regulariser's gradients: feed-forward [N_out, N_in] and recurrent [N_out, N_out] (zero off the mask), or null.</summary>
    /// <param name="weight">w [N_out, N_in].</param>
    /// <param name="recurrent">Recurrent weights as used (masked) [N_out, N_out], or null.</param>
    /// <param name="mask">The recurrent mask [N_out, N_out] (with <paramref name="recurrent"/>).</param>
    /// <param name="options">λ, β, Λ and the reservoir normaliser.</param>
    public static (Tensor Weight, Tensor? Recurrent) Gradient(Tensor weight, Tensor? recurrent, Tensor? mask, StRsbpOptions options)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(options);
        if (recurrent is not null && mask is null)
        {
            throw new ArgumentException("A recurrent weight matrix needs its mask.", nameof(mask));
        }

        using var scope = NewDisposeScope();
        var limit = options.WeightLimit;
        var squares = weight.div(S(limit)).square().sum(1);
        Tensor denominator;
        if (recurrent is null)
        {
            denominator = full([weight.shape[0]], S(weight.shape[1] + 1), dtype: weight.dtype, device: weight.device);
        }
        else
        {
            squares = squares.add(recurrent.mul(mask!).div(S(limit)).square().sum(1));
            denominator = options.ReservoirNormalizer == ReservoirRegularizerNormalizer.TotalConnections
                ? mask!.sum().add(S(weight.shape[1] + 1)).expand(weight.shape[0])
                : mask!.sum(1).add(S(weight.shape[1] + 1));
        }

        var mean = squares.div(denominator);
        var factor = mean.sub(S(1)).mul_(S(options.RegularizerBeta)).exp_().mul_(S(options.RegularizerLambda * options.RegularizerBeta / limit)).unsqueeze(1);
        var weightGradient = weight.mul(factor).MoveToOuterDisposeScope();
        var recurrentGradient = recurrent?.mul(mask!).mul(factor).MoveToOuterDisposeScope();
        return (weightGradient, recurrentGradient);
    }
}
