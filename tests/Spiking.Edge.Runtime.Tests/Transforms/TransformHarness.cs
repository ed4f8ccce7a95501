using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Runtime.Tests.Transforms;

/// <summary>Runs a transform over a stream whole or in chunks, and makes random streams.</summary>
internal static class TransformHarness
{
    public static Event E(int x, int y, int p, long t) => new((ushort)x, (ushort)y, (byte)p, t);

    /// <summary>Output of one Apply over a copy of the whole stream.</summary>
    public static Event[] Whole(IEventTransform transform, Event[] events)
    {
        transform.Reset();
        var copy = (Event[])events.Clone();
        int kept = transform.Apply(copy, 0, copy.Length);
        return copy[..kept];
    }

    /// <summary>Output of Apply over the stream cut at <paramref name="cuts"/> (sorted chunk boundaries), each chunk at a shifted offset.</summary>
    public static Event[] Chunked(IEventTransform transform, Event[] events, IEnumerable<int> cuts)
    {
        transform.Reset();
        var output = new List<Event>();
        int from = 0;
        foreach (int cut in cuts.Append(events.Length))
        {
            // Each chunk sits at offset 3 of a larger array with sentinels around, which must stay untouched.
            var buffer = new Event[cut - from + 6];
            Array.Fill(buffer, E(999, 999, 7, -1));
            Array.Copy(events, from, buffer, 3, cut - from);
            int kept = transform.Apply(buffer, 3, cut - from);
            Assert.All(buffer[(3 + (cut - from))..], e => Assert.Equal(E(999, 999, 7, -1), e));
            Assert.All(buffer[..3], e => Assert.Equal(E(999, 999, 7, -1), e));
            output.AddRange(buffer[3..(3 + kept)]);
            from = cut;
        }

        return [.. output];
    }

    /// <summary>Asserts that cutting the stream once at every index gives the whole-stream output.</summary>
    public static void AssertChunkInvariant(IEventTransform transform, Event[] events)
    {
        Event[] whole = Whole(transform, events);
        for (int cut = 0; cut <= events.Length; cut++)
        {
            Assert.Equal(whole, Chunked(transform, events, [cut]));
        }
    }

    /// <summary>
    /// A time-ordered random stream on a width × height sensor: bursts of nearby events (so that filters keep some)
    /// mixed with isolated ones, gaps of 0..maxGap µs, a few events at the same time.
    /// </summary>
    public static Event[] RandomStream(Random random, int count, int width, int height, int maxGap)
    {
        var events = new Event[count];
        long t = random.Next(1000);
        int cx = random.Next(width), cy = random.Next(height);
        for (int i = 0; i < count; i++)
        {
            t += random.Next(4) == 0 ? 0 : random.Next(maxGap + 1);
            if (random.Next(8) == 0)
            {
                cx = random.Next(width);
                cy = random.Next(height);
            }

            int x = random.Next(3) == 0 ? random.Next(width) : Math.Clamp(cx + random.Next(-1, 2), 0, width - 1);
            int y = random.Next(3) == 0 ? random.Next(height) : Math.Clamp(cy + random.Next(-1, 2), 0, height - 1);
            events[i] = E(x, y, random.Next(2), t);
        }

        return events;
    }

    /// <summary>Sorted random cut positions within 0..length.</summary>
    public static int[] RandomCuts(Random random, int length, int cuts) =>
        [.. Enumerable.Range(0, cuts).Select(_ => random.Next(length + 1)).Order()];
}
