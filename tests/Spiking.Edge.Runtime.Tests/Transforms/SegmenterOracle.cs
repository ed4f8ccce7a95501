namespace Spiking.Edge.Runtime.Tests.Transforms;

/// <summary>
/// Whole-stream readings of the three segmentation modes, written from the documented definitions: effective time
/// = running maximum over events and promises; windows listed in index order.
/// </summary>
internal static class SegmenterOracle
{
    private static (long[] Effective, int[] EventItems) Prepare(IReadOnlyList<StreamItem> items)
    {
        var effective = new long[items.Count];
        var eventItems = new List<int>();
        long max = long.MinValue;
        for (int i = 0; i < items.Count; i++)
        {
            max = Math.Max(max, items[i].Time);
            effective[i] = max;
            if (!items[i].IsPromise)
            {
                eventItems.Add(i);
            }
        }

        return (effective, [.. eventItems]);
    }

    public static List<WindowRecord> FixedDuration(IReadOnlyList<StreamItem> items, long duration, long hop, long? origin)
    {
        var (effective, eventItems) = Prepare(items);
        var windows = new List<WindowRecord>();
        if (eventItems.Length == 0)
        {
            return windows;
        }

        long o = origin ?? effective[eventItems[0]];
        long lastEvent = effective[eventItems[^1]];
        for (long k = 0; o + (k * hop) <= lastEvent; k++)
        {
            long start = o + (k * hop), end = start + duration;
            int[] inside = [.. Enumerable.Range(0, eventItems.Length).Where(g => effective[eventItems[g]] >= start && effective[eventItems[g]] < end)];
            if (inside.Length == 0)
            {
                continue;
            }

            Assert.Equal(inside.Length, inside[^1] - inside[0] + 1);
            int close = Enumerable.Range(0, items.Count).FirstOrDefault(i => effective[i] >= end, -1);
            windows.Add(new WindowRecord(k, start, end, inside[0], inside.Length, close < 0, close, close < 0 ? -1 : close + 1));
        }

        return windows;
    }

    public static List<WindowRecord> FixedCount(IReadOnlyList<StreamItem> items, int count, int hop)
    {
        var (effective, eventItems) = Prepare(items);
        var windows = new List<WindowRecord>();
        int n = eventItems.Length;
        for (long k = 0; k * hop < n; k++)
        {
            int first = (int)(k * hop);
            int last = (int)Math.Min(first + count, n) - 1;
            bool complete = first + count <= n;
            int close = complete ? eventItems[last] : -1;
            windows.Add(new WindowRecord(k, effective[eventItems[first]], effective[eventItems[last]] + 1, first, last - first + 1, !complete, close, complete ? close + 1 : -1));
        }

        return windows;
    }

    public static List<WindowRecord> Activity(IReadOnlyList<StreamItem> items, long interval, int threshold, long duration)
    {
        var (effective, _) = Prepare(items);
        var windows = new List<WindowRecord>();
        var history = new List<long>();
        bool open = false;
        long start = 0;
        int first = 0, eventIndex = 0;
        for (int i = 0; i < items.Count; i++)
        {
            long te = effective[i];
            if (open && te >= start + duration)
            {
                windows.Add(new WindowRecord(windows.Count, start, start + duration, first, eventIndex - first, false, i, i + 1));
                open = false;
            }

            if (items[i].IsPromise)
            {
                continue;
            }

            history.Add(te);
            if (!open && history.Count >= threshold && te - history[^threshold] < interval)
            {
                open = true;
                start = te;
                first = eventIndex;
            }

            eventIndex++;
        }

        if (open)
        {
            windows.Add(new WindowRecord(windows.Count, start, start + duration, first, eventIndex - first, true, -1, -1));
        }

        return windows;
    }
}
