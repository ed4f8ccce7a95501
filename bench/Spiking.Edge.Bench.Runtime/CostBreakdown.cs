using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// Where the whole-runtime time goes, by subtraction: (1) the layer-0 row adds alone, replayed with the same
/// accumulator on the same accepted rows of the same samples; (2) the per-tick work alone (a sample with no
/// events: 31 ticks of leak, bias, clamp, fire, reset, readout over 810 neurons). The rest is per-event
/// bookkeeping (tick and index mapping, counters, calls) and the layer-1 rows of hidden spikes.
/// </summary>
internal static class CostBreakdown
{
    public static void Run(BenchOptions options, Event[][] samples, Network network, IRowAccumulator accumulator, string name, double wholeSeconds)
    {
        int[][] rows = samples.Select(s => AcceptedRows(s, network)).ToArray();
        byte[] matrix = new BenchModel(options.Seed).HiddenWeights;
        var target = new int[BenchModel.Hidden];
        var replay = new Measurement();
        var empty = new Measurement();
        void Replay()
        {
            foreach (int[] sample in rows)
            {
                Array.Clear(target);
                foreach (int row in sample)
                {
                    accumulator.AddRow(matrix, row * BenchModel.Hidden, target, 0, BenchModel.Hidden);
                }
            }
        }

        void NoEvents()
        {
            for (int s = 0; s < samples.Length; s++)
            {
                network.BeginSample(0);
                network.FinishSample();
            }
        }

        Replay();
        NoEvents();
        for (int r = 0; r < options.Repeats; r++)
        {
            replay.Time(Replay);
            empty.Time(NoEvents);
        }

        double perSample = 1e3 / samples.Length;
        double rowAdds = replay.MedianCpu * perSample;
        double ticks = empty.MedianCpu * perSample;
        double whole = wholeSeconds * perSample;
        Console.WriteLine($"breakdown, {name}: whole {whole:F3} ms/sample = layer-0 row adds replayed alone {rowAdds:F3} ms "
            + $"({rowAdds / whole:P0}) + 31 ticks with no events {ticks:F3} ms ({ticks / whole:P0}) "
            + $"+ rest (per-event mapping and counters, layer-1 rows) {whole - rowAdds - ticks:F3} ms ({(whole - rowAdds - ticks) / whole:P0})");
    }

    /// <summary>The layer-0 rows the network accepts for <paramref name="events"/> (semantics §2), in arrival order.</summary>
    private static int[] AcceptedRows(Event[] events, Network network)
    {
        var rows = new List<int>(events.Length);
        int current = 0;
        foreach (Event e in events)
        {
            int tick = InputMapper.Tick(e.TimestampMicroseconds, 0, network.TickMicroseconds, network.TicksPerSample);
            int index = InputMapper.InputIndex(e.X, e.Y, e.Polarity, network.InputWidth, network.InputHeight, network.InputPolarities);
            if (tick == InputMapper.OutsideWindow || index == InputMapper.OutOfGeometry || tick < current)
            {
                continue;
            }

            current = tick;
            rows.Add(index);
        }

        return rows.ToArray();
    }
}
