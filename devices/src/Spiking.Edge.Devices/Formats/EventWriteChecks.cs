using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// Everything <see cref="EventFiles.Write"/> checks before it creates any file: the geometry fits the format, every
/// event lies on the sensor with polarity 0 or 1 and a non-negative, non-decreasing timestamp the format can carry.
/// </summary>
internal static class EventWriteChecks
{
    /// <summary>
    /// Most bytes of TIME_HIGH words a RAW writer may spend only to walk its wrapping time counter up to the events'
    /// times (it starts at 0 and steps by less than half the range): 16 MiB, i.e. about 800 days of EVT 3.0 time.
    /// Recordings stamped from the Unix epoch (AEDAT 4.0 from DV) would need hundreds of MB of them.
    /// </summary>
    public const long MaxTimeFillerBytes = 1L << 24;

    private const long Evt3HalfRangeMicroseconds = 1L << 23;
    private const long Evt21HalfRangeMicroseconds = 1L << 33;

    public static void Check(Event[] events, int width, int height, EventWriteFormat format, Aedat4Compression compression)
    {
        ArgumentNullException.ThrowIfNull(events);
        string name = Name(format);
        int max = format switch
        {
            EventWriteFormat.NMnist => NMnistFormat.SensorSize,
            EventWriteFormat.Evt21 or EventWriteFormat.Evt21Legacy => Evt21Format.MaxSensorSize,
            EventWriteFormat.Evt3 => Evt3Format.MaxSensorSize,
            EventWriteFormat.Aedat4 => Aedat4Format.MaxSensorSize,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a writable format"),
        };
        if (!Enum.IsDefined(compression))
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown AEDAT 4.0 compression");
        }

        if (width < 1 || width > max || height < 1 || height > max)
        {
            string reason = format == EventWriteFormat.NMnist
                ? $"{name} files are 34 x 34: a {width} x {height} recording does not fit"
                : $"{name} sensor sides must be within 1..{max}, found {width} x {height}";
            throw new ArgumentOutOfRangeException(width < 1 || width > max ? nameof(width) : nameof(height), reason);
        }

        long last = 0;
        for (int i = 0; i < events.Length; i++)
        {
            ref readonly Event e = ref events[i];
            if (EventChecks.Problem(e, width, height, last) is { } problem)
            {
                throw Invalid(name, i, problem);
            }

            if (format == EventWriteFormat.NMnist && e.TimestampMicroseconds > NMnistFormat.MaxRawTimestamp)
            {
                throw Invalid(name, i, $"timestamp {e.TimestampMicroseconds} us is beyond the 23-bit time field ({NMnistFormat.MaxRawTimestamp} us); "
                    + "overflow markers would be needed, which only Tonic-style readers understand (shift or cut the recording)");
            }

            last = e.TimestampMicroseconds;
        }

        long filler = FillerBytes(format, last);
        if (filler > MaxTimeFillerBytes)
        {
            throw new ArgumentException(
                $"{name}: the last timestamp, {last} us, would need about {filler / (1 << 20)} MiB of TIME_HIGH words to reach from 0 "
                + "(the time counter wraps); shift the timestamps to start near 0 first",
                nameof(events));
        }
    }

    /// <summary>The format's name in messages.</summary>
    public static string Name(EventWriteFormat format) => format switch
    {
        EventWriteFormat.NMnist => "N-MNIST",
        EventWriteFormat.Evt21 => "RAW EVT 2.1",
        EventWriteFormat.Evt21Legacy => "RAW EVT 2.1 (legacy byte order)",
        EventWriteFormat.Evt3 => "RAW EVT 3.0",
        EventWriteFormat.Aedat4 => "AEDAT 4.0",
        _ => format.ToString(),
    };

    // TIME_HIGH words written only to advance the counter: one per (just under) half its range.
    private static long FillerBytes(EventWriteFormat format, long lastTimestamp) => format switch
    {
        EventWriteFormat.Evt3 => Evt3Format.WordBytes * (lastTimestamp / (Evt3HalfRangeMicroseconds - 4096) + 1),
        EventWriteFormat.Evt21 or EventWriteFormat.Evt21Legacy => Evt21Format.WordBytes * (lastTimestamp / (Evt21HalfRangeMicroseconds - 64) + 1),
        _ => 0,
    };

    private static ArgumentException Invalid(string format, int index, string reason) => new($"{format}: event {index}: {reason}", "events");
}
