using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Support;

/// <summary>Seeded random valid N-MNIST event streams.</summary>
internal static class RandomStreams
{
    /// <summary>Events from the start time, with x, y in 0..33, random polarity and non-decreasing timestamps with gaps up to the given size.</summary>
    public static Event[] Events(Random random, int count, long maxGapMicroseconds, long startMicroseconds = 0)
    {
        var events = new Event[count];
        long t = startMicroseconds;
        for (int i = 0; i < count; i++)
        {
            // A third of the gaps are zero (equal timestamps are legal).
            t += random.Next(3) == 0 ? 0 : random.NextInt64(maxGapMicroseconds + 1);
            events[i] = new Event((ushort)random.Next(34), (ushort)random.Next(34), (byte)random.Next(2), t);
        }

        return events;
    }

    public static byte[] Encode(Event[] events)
    {
        using var stream = new MemoryStream();
        var encoder = new NMnistEncoder(stream);
        encoder.Write(events, 0, events.Length);
        encoder.Flush();
        return stream.ToArray();
    }
}
