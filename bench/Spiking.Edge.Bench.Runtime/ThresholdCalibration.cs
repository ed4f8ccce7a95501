using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>Finds the hidden threshold whose firing rate (spikes per neuron per tick) is closest to a target, by bisection.</summary>
internal static class ThresholdCalibration
{
    public static (int Threshold, double Rate) Calibrate(BenchModel model, Event[][] samples, double targetRate, IRowAccumulator accumulator)
    {
        var calibration = samples.Take(20).ToArray();
        int low = 1;
        int high = 127 * 65_535; // no membrane reaches it in one tick (semantics §1)
        while (low < high)
        {
            int mid = low + ((high - low) / 2);
            if (HiddenRate(Network.Load(model.ToBytes(mid), accumulator), calibration) > targetRate)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return (low, HiddenRate(Network.Load(model.ToBytes(low), accumulator), calibration));
    }

    /// <summary>Hidden spikes per neuron per tick over <paramref name="samples"/>.</summary>
    public static double HiddenRate(Network network, Event[][] samples)
    {
        long spikes = 0;
        foreach (var events in samples)
        {
            network.BeginSample(0);
            network.PushEvents(events, 0, events.Length);
            network.FinishSample();
            for (int o = 0; o < BenchModel.Hidden; o++)
            {
                spikes += network.GetSpikeCount(0, o);
            }
        }

        return (double)spikes / ((long)samples.Length * BenchModel.Hidden * network.TicksPerSample);
    }
}
