namespace Spiking.Edge.Trainer.Encoders;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, portable 64-bit generator for reproducible encodings.</summary>
internal struct SplitMix64
{
    private ulong state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>Combines several values into one well-mixed seed.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c)
    {
        var g = new SplitMix64(a);
        ulong x = g.Next() ^ b;
        g = new SplitMix64(x);
        x = g.Next() ^ c;
        g = new SplitMix64(x);
        return g.Next();
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
