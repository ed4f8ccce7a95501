using System.Runtime.CompilerServices;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// The rule every writer and encoder applies to an event: it lies on the sensor, has polarity 0 or 1, and a
/// timestamp that is not negative and not earlier than the previous event's.
/// </summary>
internal static class EventChecks
{
    /// <summary>Why <paramref name="e"/> cannot follow an event at <paramref name="lastTimestamp"/>, or null when it can.</summary>
    /// <param name="e">The event.</param>
    /// <param name="width">Sensor width: x must be below it.</param>
    /// <param name="height">Sensor height: y must be below it.</param>
    /// <param name="lastTimestamp">The previous event's timestamp (µs).</param>
    /// <returns>The reason, for a message that names the event's index; null for a good event.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? Problem(in Event e, int width, int height, long lastTimestamp) =>
        e.X < width && e.Y < height && e.Polarity <= 1 && e.TimestampMicroseconds >= 0 && e.TimestampMicroseconds >= lastTimestamp
            ? null
            : Reason(e, width, height, lastTimestamp);

    // The first rule the event breaks (the checks of Problem, in order); the slow path, kept out of line.
    private static string? Reason(in Event e, int width, int height, long lastTimestamp)
    {
        if (e.X >= width || e.Y >= height)
        {
            return $"x = {e.X}, y = {e.Y} is outside the {width} x {height} sensor";
        }

        if (e.Polarity > 1)
        {
            return $"polarity {e.Polarity} is not 0 (OFF) or 1 (ON)";
        }

        if (e.TimestampMicroseconds < 0)
        {
            return $"timestamp {e.TimestampMicroseconds} us is negative";
        }

        if (e.TimestampMicroseconds < lastTimestamp)
        {
            return $"timestamp {e.TimestampMicroseconds} us is earlier than the previous event's {lastTimestamp} us";
        }

        return null;
    }
}
