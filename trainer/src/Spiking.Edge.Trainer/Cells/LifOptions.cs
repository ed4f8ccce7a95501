using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// Options of a plain LIF layer (<see cref="LifLayer"/>): the fields of
/// <see cref="LifParameters"/> with the same defaults. Weights and bias start U(±1/√fan_in).
/// </summary>
public sealed record LifOptions
{
    /// <summary>0..24; β = 1 − 2^−leakShift, 0 = no leak.</summary>
    public int LeakShift { get; init; } = LifParameters.DefaultLeakShift;

    /// <summary>Firing threshold θ &gt; 0.</summary>
    public float Threshold { get; init; } = 1f;

    /// <summary>Zero, Subtract or None.</summary>
    public ResetMode Reset { get; init; } = ResetMode.Subtract;

    /// <summary>GreaterOrEqual (v ≥ θ) or Greater.</summary>
    public ThresholdComparison Comparison { get; init; } = ThresholdComparison.GreaterOrEqual;

    /// <summary>Slope k of the fast-sigmoid surrogate 1/(1 + k|v − θ|)².</summary>
    public float SurrogateSlope { get; init; } = LifParameters.DefaultSurrogateSlope;

    /// <summary>Reset with the detached spike (no gradient through the reset).</summary>
    public bool DetachReset { get; init; } = true;

    /// <summary>The validated <see cref="LifParameters"/>.</summary>
    /// <param name="path">JSON path of these options, for the error message.</param>
    /// <exception cref="ConfigException">A value is out of range.</exception>
    public LifParameters ToParameters(string path = "lif")
    {
        ConfigCheck.IntRange($"{path}.leakShift", LeakShift, 0, LifParameters.MaxLeakShift);
        ConfigCheck.Positive($"{path}.threshold", Threshold);
        ConfigCheck.OneOf($"{path}.reset", Reset, ResetMode.Zero, ResetMode.Subtract, ResetMode.None);
        ConfigCheck.OneOf($"{path}.comparison", Comparison, ThresholdComparison.GreaterOrEqual, ThresholdComparison.Greater);
        ConfigCheck.Positive($"{path}.surrogateSlope", SurrogateSlope);
        return new LifParameters(LeakShift, Threshold, Reset, Comparison, SurrogateSlope, DetachReset);
    }

    /// <summary>The options that give <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Existing LIF parameters.</param>
    public static LifOptions From(LifParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new LifOptions
        {
            LeakShift = parameters.LeakShift,
            Threshold = parameters.Threshold,
            Reset = parameters.Reset,
            Comparison = parameters.Comparison,
            SurrogateSlope = parameters.SurrogateSlope,
            DetachReset = parameters.DetachReset,
        };
    }
}
