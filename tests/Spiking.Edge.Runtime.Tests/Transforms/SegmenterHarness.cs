using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Runtime.Tests.Transforms;

/// <summary>One step of a live stream: an event, or an AdvanceTo(time) promise.</summary>
internal readonly record struct StreamItem(bool IsPromise, Event Event, long Time)
{
    public static StreamItem Of(Event e) => new(false, e, e.TimestampMicroseconds);

    public static StreamItem Promise(long time) => new(true, default, time);
}

/// <summary>
/// A whole window as seen over a stream: its events are the stream's events [GlobalFirst, GlobalFirst + Count).
/// The close was reported in the step covering items [CloseFrom, CloseTo) (the oracle gives CloseFrom = the item
/// that closes it and CloseTo = CloseFrom + 1); -1 for a window closed by Finish (Truncated).
/// </summary>
internal readonly record struct WindowRecord(long Window, long Start, long End, long GlobalFirst, int Count, bool Truncated, int CloseFrom, int CloseTo);

/// <summary>Feeds a segmenter step by step and checks the segment contract on the way.</summary>
internal static class SegmenterHarness
{
    private const int Pad = 2;

    /// <summary>
    /// Feeds the items (runs of events as chunks, also cut before every index in <paramref name="cuts"/>; promises
    /// as AdvanceTo), then Finish; returns the windows in order of closing.
    /// </summary>
    public static List<WindowRecord> Run(StreamSegmenter segmenter, IReadOnlyList<StreamItem> items, IEnumerable<int> cuts)
    {
        segmenter.Reset();
        var cutSet = new HashSet<int>(cuts);
        var open = new Dictionary<long, (WindowRecord Record, long NextGlobal)>();
        var closed = new List<WindowRecord>();
        long consumed = 0;
        int i = 0;
        while (i <= items.Count)
        {
            int from = i;
            long chunkGlobal = consumed;
            Event[] buffer;
            if (i == items.Count)
            {
                segmenter.Finish();
                buffer = [];
                i++;
            }
            else if (items[i].IsPromise)
            {
                segmenter.AdvanceTo(items[i].Time);
                buffer = [];
                i++;
            }
            else
            {
                var chunk = new List<Event>();
                do
                {
                    chunk.Add(items[i].Event);
                    i++;
                }
                while (i < items.Count && !items[i].IsPromise && !cutSet.Contains(i));

                buffer = new Event[chunk.Count + (2 * Pad)];
                chunk.CopyTo(buffer, Pad);
                segmenter.Consume(buffer, Pad, chunk.Count);
                consumed += chunk.Count;
            }

            long previousWindow = long.MinValue;
            while (segmenter.NextSegment())
            {
                long w = segmenter.WindowIndex;
                Assert.True(w > previousWindow, "segments of a step come in increasing window order");
                previousWindow = w;
                long global;
                if (buffer.Length == 0)
                {
                    Assert.Equal(0, segmenter.Count);
                    global = -1;
                }
                else
                {
                    Assert.InRange(segmenter.First, Pad, buffer.Length - Pad);
                    Assert.InRange(segmenter.First + segmenter.Count, Pad, buffer.Length - Pad);
                    global = chunkGlobal + segmenter.First - Pad;
                }

                Assert.True(segmenter.Count > 0 || segmenter.Opens || segmenter.Closes, "a segment says something");
                WindowRecord record;
                long next;
                if (segmenter.Opens)
                {
                    Assert.False(open.ContainsKey(w) || closed.Any(c => c.Window == w), "a window opens once");
                    Assert.True(segmenter.Count > 0, "a window opens with an event");
                    record = new WindowRecord(w, segmenter.WindowStartMicroseconds, segmenter.WindowEndMicroseconds, global, segmenter.Count, false, -1, -1);
                    next = global + segmenter.Count;
                }
                else
                {
                    Assert.True(open.ContainsKey(w), "a segment continues an open window");
                    (record, next) = open[w];
                    Assert.Equal(record.Start, segmenter.WindowStartMicroseconds);
                    if (global >= 0)
                    {
                        Assert.Equal(next, global);
                    }

                    record = record with { End = segmenter.WindowEndMicroseconds, Count = record.Count + segmenter.Count };
                    next += segmenter.Count;
                }

                Assert.Equal(segmenter.Truncated, segmenter.Closes && from == items.Count);
                if (segmenter.Closes)
                {
                    open.Remove(w);
                    closed.Add(record with { Truncated = segmenter.Truncated, CloseFrom = segmenter.Truncated ? -1 : from, CloseTo = segmenter.Truncated ? -1 : i });
                }
                else
                {
                    open[w] = (record, next);
                }
            }

            Assert.False(segmenter.NextSegment());
        }

        Assert.Empty(open);
        Assert.Equal(0, segmenter.OpenWindows);
        Assert.Equal(consumed, segmenter.EventsConsumed);
        Assert.Equal(closed.Count, segmenter.WindowsOpened);
        Assert.Equal(closed.Count, segmenter.WindowsClosed);
        return closed;
    }

    /// <summary>Asserts that the windows equal the oracle's, each closed in the step holding the oracle's closing item.</summary>
    public static void AssertSameWindows(List<WindowRecord> expected, List<WindowRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int n = 0; n < expected.Count; n++)
        {
            WindowRecord e = expected[n], a = actual[n];
            Assert.Equal(e with { CloseFrom = 0, CloseTo = 0 }, a with { CloseFrom = 0, CloseTo = 0 });
            if (!e.Truncated)
            {
                Assert.InRange(e.CloseFrom, a.CloseFrom, a.CloseTo - 1);
            }
        }
    }

    /// <summary>Events only, as items.</summary>
    public static StreamItem[] Items(params Event[] events) => [.. events.Select(StreamItem.Of)];

    /// <summary>
    /// A random live stream: mostly time-ordered events with bursts and quiet gaps, a few late events, and
    /// AdvanceTo promises (some behind the latest time).
    /// </summary>
    public static StreamItem[] RandomItems(Random random, int count, bool withPromises)
    {
        var items = new List<StreamItem>();
        long t = random.Next(-50, 500);
        for (int n = 0; n < count; n++)
        {
            int kind = random.Next(20);
            if (kind == 0)
            {
                t += random.Next(300, 3000);
            }
            else if (kind < 8)
            {
                t += random.Next(0, 3);
            }
            else
            {
                t += random.Next(0, 40);
            }

            if (withPromises && random.Next(15) == 0)
            {
                items.Add(StreamItem.Promise(t + random.Next(-30, 200)));
            }

            long time = random.Next(25) == 0 ? t - random.Next(1, 100) : t;
            items.Add(StreamItem.Of(new Event((ushort)random.Next(10), (ushort)random.Next(10), (byte)random.Next(2), time)));
        }

        if (withPromises && random.Next(2) == 0)
        {
            // A quiet sensor after the last event.
            items.Add(StreamItem.Promise(t + random.Next(0, 500)));
        }

        return [.. items];
    }

    /// <summary>Sorted random cut positions among the items.</summary>
    public static int[] RandomCuts(Random random, int count, int cuts) => [.. Enumerable.Range(0, cuts).Select(_ => random.Next(count + 1))];
}
