using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// Running statistics of an event stream for `spiking events inspect`: count, ON share, first / last / earliest /
/// latest timestamps, and counts per 10 ms bin (aligned to the first event) for the peak rate. Memory grows with the
/// number of non-empty bins only.
/// </summary>
internal sealed class EventStatistics
{
    /// <summary>Width of the bins the peak rate is measured over.</summary>
    public const long BinMicroseconds = 10_000;

    private readonly Dictionary<long, long> _bins = [];

    public long Count { get; private set; }

    public long OnCount { get; private set; }

    public long FirstTimestamp { get; private set; }

    public long LastTimestamp { get; private set; }

    public long EarliestTimestamp { get; private set; } = long.MaxValue;

    public long LatestTimestamp { get; private set; } = long.MinValue;

    /// <summary>Latest minus earliest timestamp, 0 without events.</summary>
    public long DurationMicroseconds => Count == 0 ? 0 : LatestTimestamp - EarliestTimestamp;

    /// <summary>Events per second over the duration; null when the duration is 0.</summary>
    public double? MeanRate => DurationMicroseconds > 0 ? Count * 1e6 / DurationMicroseconds : null;

    /// <summary>Events per second in the fullest 10 ms bin; 0 without events.</summary>
    public double PeakRate => _bins.Count == 0 ? 0 : _bins.Values.Max() * 1e6 / BinMicroseconds;

    /// <summary>Percentage of ON events; null without events.</summary>
    public double? OnPercent => Count == 0 ? null : 100.0 * OnCount / Count;

    public void Add(Event[] events, int offset, int count)
    {
        for (int i = offset; i < offset + count; i++)
        {
            long t = events[i].TimestampMicroseconds;
            if (Count == 0)
            {
                FirstTimestamp = t;
            }

            LastTimestamp = t;
            EarliestTimestamp = Math.Min(EarliestTimestamp, t);
            LatestTimestamp = Math.Max(LatestTimestamp, t);
            OnCount += events[i].Polarity == 1 ? 1 : 0;
            Count++;
            long bin = Math.DivRem(t - FirstTimestamp, BinMicroseconds, out long rest) - (rest < 0 ? 1 : 0);
            _bins[bin] = _bins.GetValueOrDefault(bin) + 1;
        }
    }
}
