using System.Globalization;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Encoders;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Random changes to a recorded sample's events for training (<c>--augment "shift:2,flip-x,drop:0.1,jitter-us:1000"</c>),
/// drawn afresh on every pass over a sample and reproducible: the random numbers come from SplitMix64 seeded by
/// (seed, sample index, draw), as the rate encoder's. Applied by <see cref="EventBatchSource"/> to training batches
/// only, never to validation, test or export data.
/// </summary>
/// <remarks>
/// Per sample, in this order: <c>drop:F</c> removes each event with probability F; <c>flip-x</c> mirrors the sample
/// horizontally (x → width − 1 − x) with probability ½; <c>shift:N</c> moves the whole sample by (dx, dy), each uniform
/// in −N..N; <c>jitter-us:J</c> adds to each timestamp a uniform integer in −J..J µs. Events that leave the geometry or
/// fall before time 0 are dropped, and jittered events are put back in time order (stable), so the result is always a
/// time-ordered stream inside the geometry.
/// </remarks>
public sealed record EventAugmentation
{
    private const string Usage = "shift:PIXELS, flip-x, drop:FRACTION, jitter-us:MICROSECONDS";

    private static readonly string[] Names = ["shift", "flip-x", "drop", "jitter-us"];

    /// <summary>Largest shift along each axis, in pixels (0 = no shift).</summary>
    public int ShiftPixels { get; init; }

    /// <summary>Mirror a sample horizontally with probability ½.</summary>
    public bool FlipX { get; init; }

    /// <summary>Probability that an event is dropped, in [0, 1) (0 = none).</summary>
    public double DropFraction { get; init; }

    /// <summary>Largest time jitter of an event, in microseconds (0 = none).</summary>
    public long JitterMicroseconds { get; init; }

    /// <summary>
    /// Parses a comma-separated specification (elements <c>shift:N</c>, <c>flip-x</c>, <c>drop:F</c>,
    /// <c>jitter-us:J</c>, each at most once, names case-insensitive, blanks around elements ignored).
    /// </summary>
    /// <param name="spec">E.g. <c>shift:2,flip-x,drop:0.1,jitter-us:1000</c>.</param>
    /// <returns>The augmentation.</returns>
    /// <exception cref="ArgumentException">The spec is empty, or an element is unknown, repeated or out of range: one
    /// line naming the element by position and text (parameter "spec").</exception>
    public static EventAugmentation Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new ArgumentException($"augmentation spec is empty; expected elements such as {Usage}", nameof(spec));
        }

        var result = new EventAugmentation();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] elements = spec.Split(',');
        for (int i = 0; i < elements.Length; i++)
        {
            string element = elements[i].Trim();
            string[] parts = element.Split(':');
            string name = parts[0].Trim().ToLowerInvariant();
            string? argument = parts.Length == 2 ? parts[1].Trim() : null;
            ArgumentException Error(string reason) => new($"augment element {i + 1} \"{element}\": {reason}", nameof(spec));
            if (name.Length == 0)
            {
                throw Error("is empty (two commas in a row, or a trailing comma?)");
            }

            if (!Names.Contains(name))
            {
                throw Error($"unknown augmentation \"{name}\"; expected one of {Usage}");
            }

            if (!seen.Add(name))
            {
                throw Error($"{name} is given more than once");
            }

            if (name == "flip-x" ? parts.Length != 1 : argument is not { Length: > 0 })
            {
                throw Error(name == "flip-x" ? "flip-x takes no argument" : $"{name} needs one argument: {Usage}");
            }

            result = name switch
            {
                "shift" => result with { ShiftPixels = (int)Whole(argument!, 1, ushort.MaxValue, Error) },
                "flip-x" => result with { FlipX = true },
                "drop" => result with { DropFraction = Fraction(argument!, Error) },
                _ => result with { JitterMicroseconds = Whole(argument!, 1, int.MaxValue, Error) },
            };
        }

        return result;
    }

    /// <summary>The normalised specification, elements in the order they are applied, e.g. <c>drop:0.1,flip-x,shift:2</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (DropFraction > 0)
        {
            parts.Add(FormattableString.Invariant($"drop:{DropFraction}"));
        }

        if (FlipX)
        {
            parts.Add("flip-x");
        }

        if (ShiftPixels > 0)
        {
            parts.Add(FormattableString.Invariant($"shift:{ShiftPixels}"));
        }

        if (JitterMicroseconds > 0)
        {
            parts.Add(FormattableString.Invariant($"jitter-us:{JitterMicroseconds}"));
        }

        return string.Join(',', parts);
    }

    /// <summary>
    /// The augmented copy of one sample's events (the input is left unchanged), for pass <paramref name="draw"/> over
    /// sample <paramref name="sampleIndex"/>: the same arguments always give the same events.
    /// </summary>
    /// <param name="events">The sample, in time order.</param>
    /// <param name="width">Input width: kept events have x below it.</param>
    /// <param name="height">Input height: kept events have y below it.</param>
    /// <param name="seed">Run seed.</param>
    /// <param name="sampleIndex">The sample's index in its set.</param>
    /// <param name="draw">How many times the sample was augmented before.</param>
    /// <returns>A new array of the kept events, time-ordered, inside the geometry.</returns>
    public Event[] Apply(Event[] events, int width, int height, ulong seed, int sampleIndex, int draw)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var rng = new SplitMix64(SplitMix64.Mix(seed, unchecked((ulong)sampleIndex), unchecked((ulong)draw)));
        bool flip = FlipX && (rng.Next() >> 63) == 1;
        int dx = ShiftPixels > 0 ? (int)Below(ref rng, (2UL * (ulong)ShiftPixels) + 1) - ShiftPixels : 0;
        int dy = ShiftPixels > 0 ? (int)Below(ref rng, (2UL * (ulong)ShiftPixels) + 1) - ShiftPixels : 0;
        ulong dropBelow = (ulong)(DropFraction * 4294967296.0);
        ulong jitterRange = (2UL * (ulong)JitterMicroseconds) + 1;
        var output = new Event[events.Length];
        int kept = 0;
        foreach (Event e in events)
        {
            if (dropBelow > 0 && (rng.Next() >> 32) < dropBelow)
            {
                continue;
            }

            long x = (flip ? width - 1L - e.X : e.X) + dx;
            long y = (long)e.Y + dy;
            long t = JitterMicroseconds > 0 ? e.TimestampMicroseconds + (long)Below(ref rng, jitterRange) - JitterMicroseconds : e.TimestampMicroseconds;
            if (x < 0 || x >= width || y < 0 || y >= height || t < 0)
            {
                continue;
            }

            output[kept++] = new Event((ushort)x, (ushort)y, e.Polarity, t);
        }

        Array.Resize(ref output, kept);
        return JitterMicroseconds > 0 ? [.. output.OrderBy(e => e.TimestampMicroseconds)] : output;
    }

    /// <summary>A uniform integer in [0, n) (multiply-shift; bias below 2⁻⁴⁰ for the ranges used).</summary>
    private static ulong Below(ref SplitMix64 rng, ulong n) => (ulong)(((UInt128)rng.Next() * n) >> 64);

    private static long Whole(string text, long min, long max, Func<string, ArgumentException> error) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max
            ? value
            : throw error($"\"{text}\" is not a whole number in {min}..{max}");

    private static double Fraction(string text, Func<string, ArgumentException> error) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value > 0 && value < 1
            ? value
            : throw error($"\"{text}\" is not a fraction in (0, 1)");
}
