using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.IntegerModel;
using Spiking.Edge.Trainer.Tests.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>Computes a vector's expectation twice: with the integer simulation (plus TimeBinner's counters) and with the runtime.</summary>
internal static class ConformanceOracle
{
    public static ConformanceExpectation FromSimulation(string name, string description, Model model, Event[] events, long t0)
    {
        using var simulation = new IntegerSimulation(model);
        IntegerSimulationResult result = simulation.Run([events], t0);
        var frame = new float[simulation.TicksPerSample * simulation.InputSize];
        BinningStatistics stats = TimeBinner.Bin(events, 0, events.Length, simulation.Width, simulation.Height, simulation.Polarities, simulation.TickMicroseconds, simulation.TicksPerSample, t0, frame, 0);
        var layers = new ConformanceLayerCounts[simulation.LayerCount];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = new ConformanceLayerCounts(Row(result.SpikeCounts[l], simulation.GetLayerOutputSize(l)));
        }

        return new ConformanceExpectation(
            1,
            name,
            description,
            t0,
            layers,
            Row(result.MembraneSums, simulation.GetLayerOutputSize(simulation.LayerCount - 1)),
            result.Predictions[0],
            result.SynOps[0],
            result.NeuronUpdatesPerSample,
            new ConformanceCounters(stats.Accepted, stats.OutsideWindow, stats.OutOfGeometry, stats.OutOfOrder, stats.OverTickBudget));
    }

    public static ConformanceExpectation FromRuntime(string name, string description, byte[] modelBytes, Event[] events, long t0)
    {
        RuntimeOutcome r = RuntimeOutcome.RunAll(modelBytes, [events], t0)[0];
        return new ConformanceExpectation(
            1,
            name,
            description,
            t0,
            r.SpikeCounts.Select(c => new ConformanceLayerCounts(c.Select(x => (long)x).ToArray())).ToArray(),
            r.MembraneSums,
            r.PredictedClass,
            r.SynOps,
            r.NeuronUpdates,
            new ConformanceCounters(r.EventsAccepted, r.EventsOutsideWindow, r.EventsOutOfGeometry, r.EventsOutOfOrder, r.EventsOverTickBudget));
    }

    /// <summary>Model bytes as the writer produces them, read back (what every implementation loads).</summary>
    public static (byte[] Bytes, Model Model) RoundTrip(Model model, string name)
    {
        byte[] bytes = ModelWriter.ToBytes(model);
        return (bytes, ModelReader.FromBytes(bytes, name));
    }

    private static long[] Row(long[,] matrix, int columns)
    {
        var row = new long[columns];
        for (int c = 0; c < columns; c++)
        {
            row[c] = matrix[0, c];
        }

        return row;
    }
}
