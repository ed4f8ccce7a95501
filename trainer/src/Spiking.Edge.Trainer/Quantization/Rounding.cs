using Spiking.Edge.Runtime;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>The one rounding rule of semantics.md §4.2: to nearest, halves away from zero (2.5 → 3, −2.5 → −3).</summary>
internal static class Rounding
{
    /// <summary>Rounds half away from zero.</summary>
    public static double HalfAwayFromZero(double x) => Math.Round(x, MidpointRounding.AwayFromZero);

    /// <summary>Rounds half away from zero, then clamps to [STATE_MIN, STATE_MAX] (semantics §1).</summary>
    public static int ToState(double x)
    {
        double r = HalfAwayFromZero(x);
        return r <= Semantics.StateMin ? Semantics.StateMin : r >= Semantics.StateMax ? Semantics.StateMax : (int)r;
    }
}
