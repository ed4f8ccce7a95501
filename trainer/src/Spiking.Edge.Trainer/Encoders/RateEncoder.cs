using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Encoders;

/// <summary>
/// Poisson (Bernoulli per tick) rate coding, as snnTorch's <c>spikegen.rate</c> and the SNU toolkit's
/// <c>transform_rate</c>: at every tick k = 0 … T−1 pixel (x, y) emits one event with probability
/// <c>min(1, gain × value / 255)</c>. The event's timestamp is the start of its tick, <c>k × tickMicroseconds</c>, so
/// binning with the same tick length puts it back into tick k. Geometry: the image size, one polarity.
/// </summary>
/// <remarks>Random numbers come from SplitMix64 seeded by (seed, sample index, draw): reproducible on every platform.</remarks>
public sealed class RateEncoder : IImageEncoder
{
    /// <summary>Creates an encoder.</summary>
    /// <param name="width">Image width (the event geometry).</param>
    /// <param name="height">Image height.</param>
    /// <param name="ticks">T, ticks per sample.</param>
    /// <param name="tickMicroseconds">Length of a tick.</param>
    /// <param name="gain">Spike probability of a white pixel per tick, in (0, 1].</param>
    /// <param name="seed">Seed of the draws.</param>
    public RateEncoder(int width, int height, int ticks, int tickMicroseconds, double gain = 1.0, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickMicroseconds);
        if (!(gain > 0 && gain <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "rate gain must be in (0, 1]");
        }

        Width = width;
        Height = height;
        Ticks = ticks;
        TickMicroseconds = tickMicroseconds;
        Gain = gain;
        Seed = seed;
    }

    /// <inheritdoc />
    public int Width { get; }

    /// <inheritdoc />
    public int Height { get; }

    /// <inheritdoc />
    public int Polarities => 1;

    /// <summary>T.</summary>
    public int Ticks { get; }

    /// <summary>Tick length in microseconds.</summary>
    public int TickMicroseconds { get; }

    /// <summary>Probability per tick of a white pixel.</summary>
    public double Gain { get; }

    /// <summary>Seed of the draws.</summary>
    public ulong Seed { get; }

    /// <inheritdoc />
    public bool DependsOnDraw => true;

    /// <inheritdoc />
    public string Describe() => FormattableString.Invariant($"rate(T={Ticks}, gain={Gain})");

    /// <inheritdoc />
    public Event[] Encode(byte[] pixels, int cols, int rows, int sampleIndex, int draw)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (cols != Width || rows != Height || pixels.Length != cols * rows)
        {
            throw new ArgumentException($"image of {cols}×{rows} ({pixels.Length} pixels) does not match the rate encoder's {Width}×{Height}");
        }

        // Probabilities as 32-bit thresholds: an event when the next 32 random bits are below the threshold.
        var threshold = new ulong[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            threshold[i] = (ulong)Math.Round(Math.Min(1.0, Gain * pixels[i] / 255.0) * 4294967296.0);
        }

        var rng = new SplitMix64(SplitMix64.Mix(Seed, (ulong)sampleIndex, (ulong)draw));
        var events = new List<Event>(pixels.Length * Ticks / 4);
        for (int k = 0; k < Ticks; k++)
        {
            long t = (long)k * TickMicroseconds;
            for (int i = 0; i < pixels.Length; i++)
            {
                ulong r = rng.Next() >> 32;
                if (r < threshold[i])
                {
                    events.Add(new Event((ushort)(i % cols), (ushort)(i / cols), 0, t));
                }
            }
        }

        return [.. events];
    }
}
