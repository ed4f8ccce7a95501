using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// Options of Lee, Delbruck and Pfeiffer's LIF (<see cref="LeeLifLayer"/>, seed-methods §3). Their τ_mp, T_ref and κ
/// were not retrieved; the defaults here are ours.
/// </summary>
public sealed record LeeLifOptions
{
    /// <summary>Leak shift 0..24 (β = 1 − 2^−shift).</summary>
    public int LeakShift { get; init; } = LifParameters.DefaultLeakShift;

    /// <summary>T_ref, 1..1024: the drive is scaled by (n/T_ref)², rounded to Q15, n = 1 … T_ref − 1 ticks after an output (1 = no soft refractory period).</summary>
    public int RefractoryTicks { get; init; } = 3;

    /// <summary>Winner-take-all strength κ ≥ 0: each output of another neuron of the layer in the same tick lowers v by κ·θ_o (0 = none).</summary>
    public float Inhibition { get; init; } = 0.05f;

    /// <summary>α &gt; 0 of the initial threshold θ(0) = α·√(3/M), M = fan-in (Lee et al. use α between about 3 and 10).</summary>
    public float ThresholdAlpha { get; init; } = 3f;

    /// <summary>Slope k of the fast-sigmoid surrogate, applied to (v − θ)/θ(0) so that it does not depend on the threshold scale.</summary>
    public float SurrogateSlope { get; init; } = LifParameters.DefaultSurrogateSlope;

    /// <summary>Reset and inhibition use the detached spikes (no gradient through them).</summary>
    public bool DetachReset { get; init; } = true;

    /// <summary>Throws <see cref="ConfigException"/> for the first bad value.</summary>
    /// <param name="path">JSON path of these options.</param>
    public void Validate(string path = "leeLif")
    {
        ConfigCheck.IntRange($"{path}.leakShift", LeakShift, 0, LifParameters.MaxLeakShift);
        ConfigCheck.IntRange($"{path}.refractoryTicks", RefractoryTicks, 1, RefractoryGain.MaxRefractoryTicks);
        ConfigCheck.NonNegative($"{path}.inhibition", Inhibition);
        ConfigCheck.Positive($"{path}.thresholdAlpha", ThresholdAlpha);
        ConfigCheck.Positive($"{path}.surrogateSlope", SurrogateSlope);
    }
}
