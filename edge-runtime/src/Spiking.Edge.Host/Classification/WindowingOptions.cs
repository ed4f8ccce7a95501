using System.Globalization;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Host.Classification;

/// <summary>
/// How the stream is cut into classification windows (a <see cref="StreamSegmenter"/> mode and its parameters),
/// from <c>--window-ms</c>, <c>--hop-ms</c>, <c>--window-events</c>, <c>--hop-events</c> or <c>--trigger</c>.
/// Durations of 0 mean "the model's sample duration" (T ticks × dt), hops of 0 mean "the window" (no overlap).
/// </summary>
public sealed record WindowingOptions
{
    /// <summary>Longest window or hop accepted: one hour in µs.</summary>
    public const long MaxMicroseconds = 3_600_000_000;

    /// <summary>How windows are cut (default: fixed duration).</summary>
    public SegmentationMode Mode { get; init; } = SegmentationMode.FixedDuration;

    /// <summary>Window duration D in µs (fixed-duration and activity modes); 0 = the model's sample duration.</summary>
    public long WindowMicroseconds { get; init; }

    /// <summary>Start-to-start distance H in µs (fixed-duration mode); 0 = the window duration.</summary>
    public long HopMicroseconds { get; init; }

    /// <summary>Events per window N (fixed-count mode).</summary>
    public int WindowEvents { get; init; }

    /// <summary>Start-to-start distance M in events (fixed-count mode); 0 = <see cref="WindowEvents"/>.</summary>
    public int HopEvents { get; init; }

    /// <summary>Rate interval I in µs (activity mode).</summary>
    public long TriggerIntervalMicroseconds { get; init; }

    /// <summary>Events K needed within the interval (activity mode).</summary>
    public int TriggerEvents { get; init; }

    /// <summary>
    /// Builds the options from the command line, refusing contradictory or out-of-range values with one line naming
    /// the option.
    /// </summary>
    /// <param name="windowMilliseconds"><c>--window-ms</c>: window duration.</param>
    /// <param name="hopMilliseconds"><c>--hop-ms</c>: start-to-start distance.</param>
    /// <param name="windowEvents"><c>--window-events</c>: events per window.</param>
    /// <param name="hopEvents"><c>--hop-events</c>: start-to-start distance in events.</param>
    /// <param name="trigger"><c>--trigger rate:EVENTS/MILLISECONDS</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="HostOptionException">A value is out of range, malformed, or combined with an option of another mode.</exception>
    public static WindowingOptions FromCommandLine(double? windowMilliseconds, double? hopMilliseconds, int? windowEvents, int? hopEvents, string? trigger)
    {
        long window = windowMilliseconds is { } w ? Microseconds("--window-ms", w) : 0;
        long hop = hopMilliseconds is { } h ? Microseconds("--hop-ms", h) : 0;
        if (windowEvents is not null)
        {
            if (windowMilliseconds is not null || hopMilliseconds is not null || trigger is not null)
            {
                throw new HostOptionException("--window-events", "--window-events cuts windows by event count; it cannot be combined with --window-ms, --hop-ms or --trigger");
            }

            int count = Positive("--window-events", windowEvents.Value);
            int hopCount = hopEvents is { } m ? Positive("--hop-events", m) : count;
            return new WindowingOptions { Mode = SegmentationMode.FixedCount, WindowEvents = count, HopEvents = hopCount };
        }

        if (hopEvents is not null)
        {
            throw new HostOptionException("--hop-events", "--hop-events needs --window-events");
        }

        if (trigger is not null)
        {
            if (hopMilliseconds is not null)
            {
                throw new HostOptionException("--hop-ms", "--hop-ms does not apply to --trigger (a triggered window starts at the event that triggers it)");
            }

            var (events, interval) = ParseTrigger(trigger);
            return new WindowingOptions
            {
                Mode = SegmentationMode.ActivityTriggered,
                WindowMicroseconds = window,
                TriggerEvents = events,
                TriggerIntervalMicroseconds = interval,
            };
        }

        return new WindowingOptions { Mode = SegmentationMode.FixedDuration, WindowMicroseconds = window, HopMicroseconds = hop };
    }

    /// <summary>The window duration in µs, with 0 replaced by <paramref name="sampleMicroseconds"/>.</summary>
    /// <param name="sampleMicroseconds">The model's T × dt.</param>
    public long EffectiveWindowMicroseconds(long sampleMicroseconds) => WindowMicroseconds > 0 ? WindowMicroseconds : sampleMicroseconds;

    /// <summary>The hop in µs, with 0 replaced by the window duration.</summary>
    /// <param name="sampleMicroseconds">The model's T × dt.</param>
    public long EffectiveHopMicroseconds(long sampleMicroseconds) => HopMicroseconds > 0 ? HopMicroseconds : EffectiveWindowMicroseconds(sampleMicroseconds);

    /// <summary>The hop in events, with 0 replaced by the window's event count.</summary>
    public int EffectiveHopEvents => HopEvents > 0 ? HopEvents : WindowEvents;

    /// <summary>Most windows open at once: ⌈D / H⌉ (fixed duration), ⌈N / M⌉ (fixed count), 1 (activity).</summary>
    /// <param name="sampleMicroseconds">The model's T × dt.</param>
    public long MaxOpenWindows(long sampleMicroseconds) => Mode switch
    {
        SegmentationMode.FixedDuration => CeilDiv(EffectiveWindowMicroseconds(sampleMicroseconds), EffectiveHopMicroseconds(sampleMicroseconds)),
        SegmentationMode.FixedCount => CeilDiv(WindowEvents, EffectiveHopEvents),
        _ => 1,
    };

    /// <summary>A fresh segmenter for these options.</summary>
    /// <param name="sampleMicroseconds">The model's T × dt (the default window duration).</param>
    /// <returns>The segmenter.</returns>
    public StreamSegmenter CreateSegmenter(long sampleMicroseconds) => Mode switch
    {
        SegmentationMode.FixedDuration => StreamSegmenter.FixedDuration(EffectiveWindowMicroseconds(sampleMicroseconds), EffectiveHopMicroseconds(sampleMicroseconds)),
        SegmentationMode.FixedCount => StreamSegmenter.FixedCount(WindowEvents, EffectiveHopEvents),
        _ => StreamSegmenter.ActivityTriggered(TriggerIntervalMicroseconds, TriggerEvents, EffectiveWindowMicroseconds(sampleMicroseconds)),
    };

    /// <summary>One line saying how windows are cut.</summary>
    /// <param name="sampleMicroseconds">The model's T × dt.</param>
    public string Describe(long sampleMicroseconds)
    {
        long window = EffectiveWindowMicroseconds(sampleMicroseconds);
        string own = WindowMicroseconds > 0 ? "" : " (the model's sample duration)";
        return Mode switch
        {
            SegmentationMode.FixedDuration => $"fixed duration, {Ms(window)} ms{own} every {Ms(EffectiveHopMicroseconds(sampleMicroseconds))} ms",
            SegmentationMode.FixedCount => $"fixed count, {WindowEvents} events every {EffectiveHopEvents} events",
            _ => $"activity trigger, {TriggerEvents} events within {Ms(TriggerIntervalMicroseconds)} ms open a {Ms(window)} ms window{own}",
        };
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static long Microseconds(string option, double milliseconds)
    {
        if (!double.IsFinite(milliseconds) || milliseconds <= 0)
        {
            throw new HostOptionException(option, $"{option} {milliseconds.ToString(CultureInfo.InvariantCulture)}: must be above 0");
        }

        double microseconds = Math.Round(milliseconds * 1000.0);
        if (microseconds < 1 || microseconds > MaxMicroseconds)
        {
            throw new HostOptionException(option, $"{option} {milliseconds.ToString(CultureInfo.InvariantCulture)}: must be within 0.001..3600000 ms");
        }

        return (long)microseconds;
    }

    private static int Positive(string option, int value) =>
        value >= 1 ? value : throw new HostOptionException(option, $"{option} {value}: must be 1 or more");

    private static (int Events, long IntervalMicroseconds) ParseTrigger(string trigger)
    {
        const string usage = "expected rate:EVENTS/MILLISECONDS, e.g. rate:200/5 (a window opens when 200 events arrive within 5 ms)";
        string text = trigger.Trim().ToLowerInvariant();
        if (!text.StartsWith("rate:", StringComparison.Ordinal))
        {
            throw new HostOptionException("--trigger", $"--trigger \"{trigger}\": {usage}");
        }

        string[] parts = text["rate:".Length..].Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int events)
            || !double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double milliseconds))
        {
            throw new HostOptionException("--trigger", $"--trigger \"{trigger}\": {usage}");
        }

        if (events < 1 || events > StreamSegmenter.MaxTrackedWindows)
        {
            throw new HostOptionException("--trigger", $"--trigger \"{trigger}\": the event count must be within 1..{StreamSegmenter.MaxTrackedWindows}");
        }

        return (events, Microseconds("--trigger", milliseconds));
    }
}
