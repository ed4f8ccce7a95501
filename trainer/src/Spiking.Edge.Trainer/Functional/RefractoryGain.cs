namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// Lee, Delbruck and Pfeiffer's soft refractory period ("dynamic weight", seed-methods §3.2) on the tick grid: the drive
/// of a neuron is multiplied by (n / T_ref)² on the n-th tick after its last output, n = 1 … T_ref − 1, and by 1
/// afterwards. Each gain is rounded to Q15, the grid of the integer model's <c>refractory_gain</c> (semantics §4.1 step 3).
/// </summary>
public static class RefractoryGain
{
    /// <summary>Largest refractory duration accepted (the gain table stays small).</summary>
    public const int MaxRefractoryTicks = 1024;

    /// <summary>The gains for n = 1 … T_ref − 1 (empty when T_ref is 1: no soft refractory period).</summary>
    /// <param name="refractoryTicks">T_ref, 1..1024.</param>
    public static float[] Lee(int refractoryTicks)
    {
        if (refractoryTicks is < 1 or > MaxRefractoryTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(refractoryTicks), refractoryTicks, $"Refractory ticks must be in 1..{MaxRefractoryTicks}.");
        }

        var gains = new float[refractoryTicks - 1];
        for (var n = 1; n < refractoryTicks; n++)
        {
            var ratio = n / (double)refractoryTicks;
            gains[n - 1] = FixedPoint.RoundToQ15(ratio * ratio);
        }

        return gains;
    }
}
