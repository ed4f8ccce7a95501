using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// Lee et al.'s effective inputs on the tick grid: x_j = Σ_t β^(T−1−t) in_j[t], each input decayed by the receiving
/// layer's leak β = 1 − 2^−leakShift to the last tick (the tick form of Σ_p exp(−(T − t_p)/τ_mp), seed-methods §3.2).
/// </summary>
public static class EffectiveInputs
{
    /// <summary>The decay weights β^(T−1−t) for t = 0 … T − 1 (float64, oldest tick first).</summary>
    /// <param name="ticks">T ≥ 1.</param>
    /// <param name="beta">β in (0, 1].</param>
    public static Tensor DecayWeights(long ticks, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticks);
        if (!(beta > 0 && beta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be in (0, 1].");
        }

        var weights = new double[ticks];
        var power = 1.0;
        for (var t = ticks - 1; t >= 0; t--)
        {
            weights[t] = power;
            power *= beta;
        }

        return tensor(weights);
    }

    /// <summary>x [B, in] of inputs [T, B, in] with the weights of <see cref="DecayWeights"/> (converted to the inputs' type).</summary>
    /// <param name="inputs">Spike trains or event counts per tick.</param>
    /// <param name="weights">β^(T−1−t), length T.</param>
    public static Tensor Compute(Tensor inputs, Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        if (inputs.dim() != 3 || weights.dim() != 1 || weights.shape[0] != inputs.shape[0])
        {
            throw new ArgumentException($"Effective inputs need inputs [T, B, in] and T weights; got [{string.Join(", ", inputs.shape)}] and [{string.Join(", ", weights.shape)}].", nameof(inputs));
        }

        using var scope = NewDisposeScope();
        var ticks = inputs.shape[0];
        var typed = weights.to_type(inputs.dtype);
        return typed.unsqueeze(0).matmul(inputs.reshape(ticks, -1)).reshape(inputs.shape[1], inputs.shape[2]).MoveToOuterDisposeScope();
    }
}
