using Spiking.Edge.ModelFormat.Proto;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// One tick of a LIF population as a pure function (semantics.md §4, float form), in this order:
/// leak and integrate h = β v + I; fire s = H(h − θ) with the fast-sigmoid surrogate gradient; reset
/// (Zero: v' = h (1 − s); Subtract: v' = h − θ s; None: v' = h). With <see cref="LifParameters.DetachReset"/>
/// the reset uses s without its gradient.
/// </summary>
public static class LifStep
{
    /// <summary>Advances one tick.</summary>
    /// <param name="input">Input current I, [B, N].</param>
    /// <param name="membrane">Membrane v after the previous tick's reset, [B, N].</param>
    /// <param name="parameters">β, θ, reset, comparison, surrogate.</param>
    /// <returns>The spikes s and the membrane after reset; both are new tensors.</returns>
    public static LifStepResult Step(Tensor input, Tensor membrane, LifParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(membrane);
        ArgumentNullException.ThrowIfNull(parameters);
        using var preReset = input.add(membrane, S(parameters.Beta));
        var spikes = SurrogateSpike.Spike(preReset, parameters.Threshold, parameters.SurrogateSlope, parameters.Comparison);
        return new LifStepResult(spikes, ApplyReset(preReset, spikes, parameters));
    }

    /// <summary>The reset rule applied to the pre-reset membrane h given this tick's spikes s.</summary>
    /// <param name="preReset">h.</param>
    /// <param name="spikes">s (0/1).</param>
    /// <param name="parameters">Reset mode, threshold and whether the reset is detached.</param>
    public static Tensor ApplyReset(Tensor preReset, Tensor spikes, LifParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(preReset);
        ArgumentNullException.ThrowIfNull(spikes);
        ArgumentNullException.ThrowIfNull(parameters);
        switch (parameters.Reset)
        {
            case ResetMode.None:
                return preReset.alias();
            case ResetMode.Subtract:
                {
                    using var resetSpikes = parameters.DetachReset ? spikes.detach() : spikes.alias();
                    return preReset.add(resetSpikes, S(-parameters.Threshold));
                }

            default:
                {
                    using var resetSpikes = parameters.DetachReset ? spikes.detach() : spikes.alias();
                    using var keep = resetSpikes.neg().add_(S(1));
                    return preReset.mul(keep);
                }
        }
    }
}
