using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// The fixed (not trained) parameters of a leaky integrate-and-fire population, validated when built.
/// Float dynamics of semantics.md §4: h = β v + I; s = H(h − θ) (≥ or &gt;); then the reset acts on h.
/// </summary>
public sealed class LifParameters
{
    /// <summary>Default leak shift: 4, so β = 1 − 2^−4 = 0.9375 (time constant ≈ 16 ticks).</summary>
    public const int DefaultLeakShift = 4;

    /// <summary>Default slope k of the fast-sigmoid surrogate 1/(1 + k|h − θ|)².</summary>
    public const float DefaultSurrogateSlope = 10f;

    /// <summary>Largest leak shift the model format accepts.</summary>
    public const int MaxLeakShift = 24;

    /// <summary>Creates validated parameters; invalid values are refused with the valid choices listed.</summary>
    /// <param name="leakShift">0..24; β = 1 − 2^−leakShift, and 0 means no leak (β = 1), as in semantics.md §4 step 1.</param>
    /// <param name="threshold">Firing threshold θ, finite and &gt; 0.</param>
    /// <param name="reset">Zero, Subtract or None.</param>
    /// <param name="comparison">GreaterOrEqual (h ≥ θ) or Greater (h &gt; θ).</param>
    /// <param name="surrogateSlope">Slope k of the surrogate, finite and &gt; 0.</param>
    /// <param name="detachReset">When true the reset uses the spike without its surrogate gradient (no gradient flows
    /// through the reset path, as in snnTorch); when false the gradient also flows through the reset.</param>
    public LifParameters(
        int leakShift = DefaultLeakShift,
        float threshold = 1f,
        ResetMode reset = ResetMode.Subtract,
        ThresholdComparison comparison = ThresholdComparison.GreaterOrEqual,
        float surrogateSlope = DefaultSurrogateSlope,
        bool detachReset = true)
    {
        LeakShift = ValidateLeakShift(leakShift);
        if (!float.IsFinite(threshold) || threshold <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "LIF threshold must be a finite number > 0.");
        }

        if (reset is not (ResetMode.Zero or ResetMode.Subtract or ResetMode.None))
        {
            throw new ArgumentException(
                $"LIF reset mode '{reset}' is not valid; valid choices: {ResetMode.Zero}, {ResetMode.Subtract}, {ResetMode.None}.",
                nameof(reset));
        }

        if (comparison is not (ThresholdComparison.GreaterOrEqual or ThresholdComparison.Greater))
        {
            throw new ArgumentException(
                $"LIF threshold comparison '{comparison}' is not valid; valid choices: {ThresholdComparison.GreaterOrEqual}, {ThresholdComparison.Greater}.",
                nameof(comparison));
        }

        if (!float.IsFinite(surrogateSlope) || surrogateSlope <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(surrogateSlope), surrogateSlope, "Surrogate slope must be a finite number > 0.");
        }

        Threshold = threshold;
        Reset = reset;
        Comparison = comparison;
        SurrogateSlope = surrogateSlope;
        DetachReset = detachReset;
    }

    /// <summary>Leak shift (0..24).</summary>
    public int LeakShift { get; }

    /// <summary>Decay factor β = 1 − 2^−<see cref="LeakShift"/>, or 1 when the shift is 0.</summary>
    public float Beta => BetaOf(LeakShift);

    /// <summary>Firing threshold θ.</summary>
    public float Threshold { get; }

    /// <summary>Reset rule applied after a spike.</summary>
    public ResetMode Reset { get; }

    /// <summary>Threshold comparison.</summary>
    public ThresholdComparison Comparison { get; }

    /// <summary>Slope k of the fast-sigmoid surrogate.</summary>
    public float SurrogateSlope { get; }

    /// <summary>Whether the reset uses the detached spike.</summary>
    public bool DetachReset { get; }

    /// <summary>β for a leak shift: 1 − 2^−shift, or 1 (no leak) for shift 0 (semantics.md §4 step 1).</summary>
    /// <param name="leakShift">0..24.</param>
    public static float BetaOf(int leakShift)
    {
        ValidateLeakShift(leakShift);
        return leakShift == 0 ? 1f : 1f - MathF.Pow(2f, -leakShift);
    }

    private static int ValidateLeakShift(int leakShift)
    {
        if (leakShift is < 0 or > MaxLeakShift)
        {
            throw new ArgumentOutOfRangeException(nameof(leakShift), leakShift, $"Leak shift must be in 0..{MaxLeakShift} (0 = no leak).");
        }

        return leakShift;
    }
}
