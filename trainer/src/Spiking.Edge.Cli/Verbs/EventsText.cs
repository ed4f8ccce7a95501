using System.Globalization;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>How the event verbs print times (culture-independent, so output is the same everywhere).</summary>
internal static class EventsText
{
    /// <summary>"1.234567 s": the span from the earliest to the latest event (0 s without events).</summary>
    public static string Duration(Event[] events)
    {
        if (events.Length == 0)
        {
            return Seconds(0);
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var e in events)
        {
            min = Math.Min(min, e.TimestampMicroseconds);
            max = Math.Max(max, e.TimestampMicroseconds);
        }

        return Seconds(max - min);
    }

    /// <summary>Microseconds as seconds with six decimals, e.g. "0.300125 s".</summary>
    public static string Seconds(long microseconds) => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1e6:F6} s");
}
