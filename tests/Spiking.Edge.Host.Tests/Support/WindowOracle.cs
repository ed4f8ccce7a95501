using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>What running the runtime directly on one window gives.</summary>
internal sealed record OracleWindow(long Start, long End, int Predicted, int[] Counts, long SynOps, long NeuronUpdates, long EventsAccepted, long Events);

/// <summary>
/// An independent reading of the window definitions (StreamSegmenter's remarks) over a whole, time-ordered stream,
/// each window run on a fresh network with BeginSample(window start) and the events' own timestamps.
/// </summary>
internal static class WindowOracle
{
    /// <summary>Windows [o + kH, o + kH + D) from the first event's time o; windows without events are skipped.</summary>
    public static List<OracleWindow> FixedDuration(byte[] model, Event[] events, long duration, long hop)
    {
        var windows = new List<OracleWindow>();
        long origin = events[0].TimestampMicroseconds;
        long last = events[^1].TimestampMicroseconds;
        for (long k = 0; origin + (k * hop) <= last; k++)
        {
            long start = origin + (k * hop);
            long end = start + duration;
            var inside = events.Where(e => e.TimestampMicroseconds >= start && e.TimestampMicroseconds < end).ToArray();
            if (inside.Length > 0)
            {
                windows.Add(Run(model, inside, start, end));
            }
        }

        return windows;
    }

    /// <summary>Windows of events [kM, kM + N) (the last ones shorter), from the first event's time to the last's + 1.</summary>
    public static List<OracleWindow> FixedCount(byte[] model, Event[] events, int count, int hop)
    {
        var windows = new List<OracleWindow>();
        for (int first = 0; first < events.Length; first += hop)
        {
            var inside = events.Skip(first).Take(count).ToArray();
            windows.Add(Run(model, inside, inside[0].TimestampMicroseconds, inside[^1].TimestampMicroseconds + 1));
        }

        return windows;
    }

    public static OracleWindow Run(byte[] model, Event[] inside, long start, long end)
    {
        var network = Network.Load(model);
        network.BeginSample(start);
        network.PushEvents(inside, 0, inside.Length);
        network.FinishSample();
        var counts = new int[network.OutputSize];
        network.CopyOutputSpikeCounts(counts);
        return new OracleWindow(start, end, network.PredictedClass, counts, network.SynOps, network.NeuronUpdates, network.EventsAccepted, inside.Length);
    }

    /// <summary>Asserts that the classifier's windows are the oracle's, field by field.</summary>
    public static void AssertSame(IReadOnlyList<OracleWindow> expected, IReadOnlyList<Spiking.Edge.Host.Classification.WindowResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            string where = $"window {i + 1} [{e.Start}, {e.End})";
            Assert.True(e.Start == a.StartMicroseconds, $"{where}: start {a.StartMicroseconds}");
            Assert.True(e.End == a.EndMicroseconds, $"{where}: end {a.EndMicroseconds}");
            Assert.True(e.Events == a.Events, $"{where}: events {a.Events}, expected {e.Events}");
            Assert.True(e.Counts.SequenceEqual(a.OutputSpikeCounts), $"{where}: counts {string.Join(",", a.OutputSpikeCounts)}, expected {string.Join(",", e.Counts)}");
            Assert.True(e.Predicted == a.PredictedClass, $"{where}: prediction {a.PredictedClass}, expected {e.Predicted}");
            Assert.True(e.SynOps == a.SynOps, $"{where}: SynOps {a.SynOps}, expected {e.SynOps}");
            Assert.True(e.NeuronUpdates == a.NeuronUpdates, $"{where}: neuron updates {a.NeuronUpdates}, expected {e.NeuronUpdates}");
            Assert.True(e.EventsAccepted == a.EventsAccepted, $"{where}: accepted {a.EventsAccepted}, expected {e.EventsAccepted}");
        }
    }

    /// <summary>True when some window's output counts are not all zero (the comparison is not between silent networks).</summary>
    public static bool AnyOutput(IEnumerable<OracleWindow> windows) => windows.Any(w => w.Counts.Any(c => c != 0));
}
