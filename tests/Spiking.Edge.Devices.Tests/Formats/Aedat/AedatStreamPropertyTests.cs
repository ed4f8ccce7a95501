using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>
/// Random AEDAT 2.0 and 3.1 streams, written by the test builders with non-event records mixed in, decode to the
/// events written whatever the cuts and output capacity.
/// </summary>
public class AedatStreamPropertyTests
{
    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Random_davis_aedat2_streams_decode_to_the_events_written(int seed, PositiveInt count)
    {
        var random = new Random(seed);
        // Starting within 2 s of 2^32 µs, about half of the streams cross the 32-bit wrap.
        var events = AedatEvents.Random(random, count.Get % 200, 346, 260, 20_000, start: (1L << 32) - random.NextInt64(2_000_000));
        var records = new List<(uint, uint)>();
        foreach (var e in events)
        {
            uint raw = (uint)e.TimestampMicroseconds;
            if (random.Next(4) == 0)
            {
                // An APS or IMU sample at the same time.
                records.Add((0x8000_0000u | (uint)random.Next(1 << 30), raw));
            }

            records.Add((Aedat2Bytes.Davis(345 - e.X, 259 - e.Y, e.Polarity), raw));
        }

        byte[] data = Aedat2Bytes.Build([.. records]);

        var outcome = AedatDecodeHarness.Run(() => new Aedat2Decoder(Aedat2Options.Davis346), _ => string.Empty, data, Cuts(random, data.Length), random.Next(1, 20));

        return (outcome.Error == null && events.SequenceEqual(outcome.Events)).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Random_aedat31_streams_decode_to_the_events_written(int seed, PositiveInt count)
    {
        var random = new Random(seed);
        var events = AedatEvents.Random(random, count.Get % 200, 346, 260, 1L << 29, start: 0);
        var parts = new List<byte[]> { Aedat31Bytes.Header(Aedat31Bytes.Davis346Header) };
        int i = 0;
        while (i < events.Length)
        {
            // A packet holds events of one overflow period; other packet types come in between.
            int overflow = (int)(events[i].TimestampMicroseconds >> 31);
            var packet = new List<(int, int, int, int, bool)>();
            while (i < events.Length && packet.Count < 17 && (int)(events[i].TimestampMicroseconds >> 31) == overflow)
            {
                packet.Add((events[i].X, events[i].Y, events[i].Polarity, (int)(events[i].TimestampMicroseconds & int.MaxValue), true));
                i++;
            }

            parts.Add(Aedat31Bytes.Polarity(overflow, random.Next(3), [.. packet]));
            if (random.Next(3) == 0)
            {
                parts.Add(Aedat31Bytes.Other((short)random.Next(2, 8), 4 * random.Next(1, 10), random.Next(0, 4)));
            }
        }

        byte[] data = Aedat31Bytes.Concat([.. parts]);

        var outcome = AedatDecodeHarness.Run(() => new Aedat31Decoder(), _ => string.Empty, data, Cuts(random, data.Length), random.Next(1, 20));

        return (outcome.Error == null && events.SequenceEqual(outcome.Events)).ToProperty();
    }

    private static int[] Cuts(Random random, int length) => [.. Enumerable.Range(0, 3).Select(_ => random.Next(length + 1))];
}
