namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014), ours so that a connectivity drawn
/// from a seed is the same on every platform and .NET version.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Starts the sequence of <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value.</param>
    public SplitMix64(long seed)
    {
        _state = unchecked((ulong)seed);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>).</summary>
    /// <param name="exclusiveMax">&gt; 0.</param>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)(NextDouble() * exclusiveMax);
    }
}
