using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>One network (an accumulator, an encoding) and its measurements.</summary>
internal sealed class NetworkRun(string name, IRowAccumulator accumulator, byte[] model)
{
    private readonly Network _network = Network.Load(model, accumulator);

    public Network Network => _network;

    public IRowAccumulator Accumulator { get; } = accumulator;

    /// <summary>The model file's size in bytes.</summary>
    public int ModelBytes { get; } = model.Length;

    public string Name { get; } = name;

    public int[] Predictions { get; private set; } = [];

    public long SynOps { get; private set; }

    public long Events { get; private set; }

    public long HiddenSpikes { get; private set; }

    public long MaxAllocatedBytes { get; private set; }

    public Measurement Measurement { get; } = new();

    public void Once(Event[][] samples)
    {
        var predictions = new int[samples.Length];
        long synOps = 0;
        long events = 0;
        long spikes = 0;
        for (int s = 0; s < samples.Length; s++)
        {
            Event[] ev = samples[s];
            _network.BeginSample(0);
            _network.PushEvents(ev, 0, ev.Length);
            _network.FinishSample();
            predictions[s] = _network.PredictedClass;
            synOps += _network.SynOps;
            events += _network.EventsAccepted;
            for (int o = 0; o < BenchModel.Hidden; o++)
            {
                spikes += _network.GetSpikeCount(0, o);
            }
        }

        Predictions = predictions;
        SynOps = synOps;
        Events = events;
        HiddenSpikes = spikes;
    }

    /// <summary>One timed repeat: only what a host does per sample; records the bytes this thread allocated.</summary>
    public void Timed(Event[][] samples)
    {
        long allocated = 0;
        Measurement.Time(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Samples(samples, Predictions);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        MaxAllocatedBytes = Math.Max(MaxAllocatedBytes, allocated);
    }

    private void Samples(Event[][] samples, int[] predictions)
    {
        for (int s = 0; s < samples.Length; s++)
        {
            Event[] ev = samples[s];
            _network.BeginSample(0);
            _network.PushEvents(ev, 0, ev.Length);
            _network.FinishSample();
            predictions[s] = _network.PredictedClass;
        }
    }
}
