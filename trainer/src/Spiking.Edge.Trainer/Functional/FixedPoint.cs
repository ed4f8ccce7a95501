namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// The fixed-point constants of model format 1.1 (semantics.md §4.1, §4.3) as the float cells use them: a constant
/// the integer model holds in Q16 (decay, leaky-ReLU slope, SRC α and slow gates) or Q15 (refractory gains) is rounded
/// to that grid once, and the float cell computes with exactly q / 2^16 (or q / 2^15), so float and integer agree.
/// Rounding is half away from zero, as everywhere in the exporter.
/// </summary>
public static class FixedPoint
{
    /// <summary>2^16, the unit of a Q16 constant.</summary>
    public const int Q16One = 65536;

    /// <summary>2^15, the unit of a Q15 gain.</summary>
    public const int Q15One = 32768;

    /// <summary>The Q16 integer nearest to <paramref name="value"/> (half away from zero).</summary>
    /// <param name="value">A real constant, e.g. a decay of 0.8.</param>
    public static int ToQ16(double value) => (int)Math.Round(value * Q16One, MidpointRounding.AwayFromZero);

    /// <summary>The Q15 integer nearest to <paramref name="value"/> (half away from zero).</summary>
    /// <param name="value">A real gain in [0, 1].</param>
    public static int ToQ15(double value) => (int)Math.Round(value * Q15One, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="value"/> rounded to the Q16 grid, as the float the cells compute with (exact in float32).</summary>
    /// <param name="value">A real constant.</param>
    public static float RoundToQ16(double value) => ToQ16(value) / (float)Q16One;

    /// <summary><paramref name="value"/> rounded to the Q15 grid (exact in float32).</summary>
    /// <param name="value">A real gain.</param>
    public static float RoundToQ15(double value) => ToQ15(value) / (float)Q15One;
}
