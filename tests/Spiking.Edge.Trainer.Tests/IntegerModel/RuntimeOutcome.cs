using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>Everything the event-driven runtime reports for one sample.</summary>
internal sealed record RuntimeOutcome(
    int[][] SpikeCounts,
    long[] MembraneSums,
    int PredictedClass,
    long SynOps,
    long NeuronUpdates,
    long EventsAccepted,
    long EventsOutsideWindow,
    long EventsOutOfGeometry,
    long EventsOutOfOrder,
    long EventsOverTickBudget)
{
    /// <summary>Loads the model with the scalar accumulator and runs each sample from a fresh BeginSample.</summary>
    public static RuntimeOutcome[] RunAll(byte[] modelBytes, IReadOnlyList<Event[]> samples, long t0 = 0) =>
        RunAll(modelBytes, samples, t0, new ScalarRowAccumulator());

    /// <summary>Loads the model with <paramref name="accumulator"/> and runs each sample from a fresh BeginSample.</summary>
    public static RuntimeOutcome[] RunAll(byte[] modelBytes, IReadOnlyList<Event[]> samples, long t0, IRowAccumulator accumulator)
    {
        Network network = Network.Load(modelBytes, accumulator);
        var outcomes = new RuntimeOutcome[samples.Count];
        for (int s = 0; s < samples.Count; s++)
        {
            outcomes[s] = Run(network, samples[s], t0);
        }

        return outcomes;
    }

    public static RuntimeOutcome Run(Network network, Event[] events, long t0)
    {
        network.BeginSample(t0);
        network.PushEvents(events, 0, events.Length);
        network.FinishSample();
        var counts = new int[network.LayerCount][];
        for (int l = 0; l < counts.Length; l++)
        {
            counts[l] = new int[network.GetLayerOutputSize(l)];
            for (int o = 0; o < counts[l].Length; o++)
            {
                counts[l][o] = network.GetSpikeCount(l, o);
            }
        }

        var sums = new long[network.OutputSize];
        for (int o = 0; o < sums.Length; o++)
        {
            sums[o] = network.GetMembraneSum(o);
        }

        return new RuntimeOutcome(
            counts,
            sums,
            network.PredictedClass,
            network.SynOps,
            network.NeuronUpdates,
            network.EventsAccepted,
            network.EventsOutsideWindow,
            network.EventsOutOfGeometry,
            network.EventsOutOfOrder,
            network.EventsOverTickBudget);
    }
}
