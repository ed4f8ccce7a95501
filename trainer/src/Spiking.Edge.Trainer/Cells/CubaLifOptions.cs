using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// Options of ST-RSBP's current-based LIF (<see cref="CubaLifLayer"/>, seed-methods §2.1). Units: ST-RSBP's own, i.e. the
/// drive is the weighted sum of input spikes with weights U(−1, 1) and the fixed output inhibition is −1 per spike; the
/// code's v ← v + ep/τ_s is rescaled by τ_s (v_ours = τ_s·v_theirs), so our threshold is τ_s·ν = 2^currentShift·ν
/// (ν = 20 → 160 for τ_s = 8). The spike and surrogate are unchanged by the rescaling.
/// </summary>
public sealed record CubaLifOptions
{
    /// <summary>Membrane leak shift 1..24: β = 1 − 2^−shift (6 → τ_m = 64).</summary>
    public int MembraneShift { get; init; } = 6;

    /// <summary>Synaptic current shift 1..24: α_c = 1 − 2^−shift (3 → τ_s = 8).</summary>
    public int CurrentShift { get; init; } = 3;

    /// <summary>Hard refractory ticks 0..1024 (v held at 0 after an output).</summary>
    public int RefractoryTicks { get; init; } = 2;

    /// <summary>Threshold θ &gt; 0 in the units above (τ_s·ν; ST-RSBP's hidden ν = 20 gives 160).</summary>
    public float Threshold { get; init; } = 160f;

    /// <summary>initW &gt; 0: weights start U(−initW, initW) (ST-RSBP: 1).</summary>
    public float InitWeight { get; init; } = 1f;

    /// <summary>Slope k of the fast-sigmoid surrogate, applied to (v − θ)/θ so that it does not depend on the threshold scale.</summary>
    public float SurrogateSlope { get; init; } = LifParameters.DefaultSurrogateSlope;

    /// <summary>Reset with the detached spike.</summary>
    public bool DetachReset { get; init; } = true;

    /// <summary>Throws <see cref="ConfigException"/> for the first bad value.</summary>
    /// <param name="path">JSON path of these options.</param>
    public void Validate(string path = "cubaLif")
    {
        ConfigCheck.IntRange($"{path}.membraneShift", MembraneShift, 1, LifParameters.MaxLeakShift);
        ConfigCheck.IntRange($"{path}.currentShift", CurrentShift, 1, LifParameters.MaxLeakShift);
        ConfigCheck.IntRange($"{path}.refractoryTicks", RefractoryTicks, 0, RefractoryGain.MaxRefractoryTicks);
        ConfigCheck.Positive($"{path}.threshold", Threshold);
        ConfigCheck.Positive($"{path}.initWeight", InitWeight);
        ConfigCheck.Positive($"{path}.surrogateSlope", SurrogateSlope);
    }
}
