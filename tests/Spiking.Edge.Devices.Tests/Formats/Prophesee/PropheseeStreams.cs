using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

/// <summary>Seeded random event streams shaped like a camera's (runs along a row, bursts at one time) and encoders run to the end.</summary>
internal static class PropheseeStreams
{
    /// <summary>
    /// Time-ordered events inside width × height: runs of rising x on one row (vector material), bursts sharing a
    /// time, and gaps up to <paramref name="maxGapMicroseconds"/> (beyond 2^24 or 2^34 µs to cross the wraps).
    /// </summary>
    public static Event[] Events(Random random, int count, int width, int height, long maxGapMicroseconds, long startMicroseconds = 0)
    {
        var events = new Event[count];
        long t = startMicroseconds;
        for (int i = 0; i < count; i++)
        {
            var previous = i > 0 ? events[i - 1] : default;
            int mode = random.Next(10);
            if (i > 0 && mode < 4 && previous.X + 3 < width)
            {
                events[i] = new Event((ushort)(previous.X + 1 + random.Next(3)), previous.Y, previous.Polarity, t);
                continue;
            }

            if (i == 0 || mode >= 6)
            {
                t += random.Next(4) switch
                {
                    0 => random.NextInt64(64),
                    1 => random.NextInt64(5_000),
                    2 => random.NextInt64(100_000),
                    _ => random.NextInt64(maxGapMicroseconds + 1),
                };
            }

            events[i] = new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), t);
        }

        return events;
    }

    /// <summary>EVT 2.1 bytes of the events, encoded into output chunks of <paramref name="chunkBytes"/>.</summary>
    public static byte[] Evt21(Event[] events, Evt21ByteOrder order, int width, int height, int chunkBytes = 4096)
    {
        var encoder = new Evt21Encoder(order, width, height);
        return Pump(events, chunkBytes, encoder.Encode, encoder.Flush, Evt21Format.WordBytes);
    }

    /// <summary>EVT 3.0 bytes of the events, encoded into output chunks of <paramref name="chunkBytes"/>.</summary>
    public static byte[] Evt3(Event[] events, int width, int height, int chunkBytes = 4096)
    {
        var encoder = new Evt3Encoder(width, height);
        return Pump(events, chunkBytes, encoder.Encode, encoder.Flush, Evt3Encoder.MaxFlushBytes);
    }

    private delegate int EncodeFn(Event[] events, int offset, int count, byte[] output, int outputOffset, int outputCapacity, out int consumed);

    private static byte[] Pump(Event[] events, int chunkBytes, EncodeFn encode, Func<byte[], int, int, int> flush, int flushBytes)
    {
        using var stream = new MemoryStream();
        var chunk = new byte[Math.Max(chunkBytes, flushBytes) + 5];
        int offset = 0;
        int idle = 0;
        while (offset < events.Length)
        {
            int bytes = encode(events, offset, events.Length - offset, chunk, 5, chunkBytes, out int taken);
            stream.Write(chunk, 5, bytes);
            offset += taken;
            idle = bytes == 0 && taken == 0 ? idle + 1 : 0;
            Assert.True(idle < 2, "encoder made no progress");
        }

        stream.Write(chunk, 5, flush(chunk, 5, chunk.Length - 5));
        return stream.ToArray();
    }
}
