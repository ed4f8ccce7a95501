using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>Seeded random event streams and in-memory AEDAT 4.0 files for the writer tests.</summary>
internal static class AedatEvents
{
    /// <summary>DV timestamps are microseconds since the Unix epoch; streams start there (2024-01-01).</summary>
    public const long EpochStart = 1_704_067_200_000_000;

    /// <summary>Events with random coordinates and polarity and non-decreasing times (a third of the gaps zero).</summary>
    public static Event[] Random(Random random, int count, int width, int height, long maxGapMicroseconds, long start = EpochStart)
    {
        var events = new Event[count];
        long t = start;
        for (int i = 0; i < count; i++)
        {
            t += random.Next(3) == 0 ? 0 : random.NextInt64(maxGapMicroseconds + 1);
            events[i] = new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), t);
        }

        return events;
    }

    /// <summary>The bytes of an AEDAT 4.0 file holding <paramref name="events"/>.</summary>
    public static byte[] Write(Event[] events, int width, int height, Aedat4Compression compression, int eventsPerPacket, bool fileDataTable = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Aedat4Writer(stream, width, height, compression, eventsPerPacket, fileDataTable))
        {
            writer.Write(events, 0, events.Length);
        }

        return stream.ToArray();
    }
}
