namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>Everything the effect-ratio generator's result depends on (the cache key of <see cref="EffectRatioCache"/>).</summary>
/// <param name="Alpha">Synaptic current decay α of the postsynaptic layer.</param>
/// <param name="Beta">Membrane decay β of the postsynaptic layer.</param>
/// <param name="RefractoryTicks">R: trains keep at least R ticks between spikes (interval ≥ R + 1).</param>
/// <param name="Ticks">T of the run.</param>
/// <param name="Samples">Random trains drawn per spike count.</param>
/// <param name="Seed">Generator seed.</param>
/// <param name="MaxPresynapticCount">Largest presynaptic count with its own polynomial.</param>
public readonly record struct EffectRatioKey(double Alpha, double Beta, int RefractoryTicks, int Ticks, int Samples, long Seed, int MaxPresynapticCount)
{
    /// <summary>The largest number of spikes a train of <see cref="Ticks"/> ticks with refractory period R can hold: ⌈T / (R + 1)⌉.</summary>
    public int MaxCount => (Ticks + RefractoryTicks) / (RefractoryTicks + 1);

    /// <summary>The largest presynaptic count with its own polynomial: min(MaxPresynapticCount, <see cref="MaxCount"/>).</summary>
    public int PresynapticRows => Math.Min(MaxPresynapticCount, MaxCount);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (!(Alpha >= 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in [0, 1).");
        }

        if (!(Beta > 0 && Beta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "Beta must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(RefractoryTicks, nameof(RefractoryTicks));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Ticks, nameof(Ticks));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Samples, nameof(Samples));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPresynapticCount, nameof(MaxPresynapticCount));
    }
}
