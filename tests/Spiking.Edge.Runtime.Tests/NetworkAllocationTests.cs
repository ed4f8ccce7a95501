using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests;

public class NetworkAllocationTests
{
    private static void RunSamples(Network network, Event[] events, int samples)
    {
        int perSample = events.Length / samples;
        for (int s = 0; s < samples; s++)
        {
            network.BeginSample(0);
            network.PushEvents(events, s * perSample, perSample / 2);
            for (int i = (s * perSample) + (perSample / 2); i < (s + 1) * perSample; i++)
            {
                network.PushEvent(events[i].X, events[i].Y, events[i].Polarity, events[i].TimestampMicroseconds);
            }

            network.FinishSample();
            _ = network.PredictedClass;
        }
    }

    [Theory]
    [InlineData(P.WeightEncoding.Dense)]
    [InlineData(P.WeightEncoding.Csr)]
    [InlineData(P.WeightEncoding.Bitmap)]
    public void After_load_a_hundred_thousand_events_allocate_nothing(P.WeightEncoding encoding)
    {
        var random = new Random(3);
        NetSpec net = RandomNets.Network(random, new[] { 40, 10 }, 8, 8, 2, P.ReadoutMode.SpikeCount, 0.3).WithEncoding(encoding);
        net = new NetSpec { Width = 8, Height = 8, Polarities = 2, TickMicroseconds = 1000, TicksPerSample = 20, Readout = net.Readout, Layers = net.Layers };
        var events = new Event[100_000];
        const int samples = 5;
        for (int i = 0; i < events.Length; i++)
        {
            long withinSample = (i % (events.Length / samples)) * 21_000L / (events.Length / samples);
            events[i] = new Event((ushort)random.Next(9), (ushort)random.Next(8), (byte)random.Next(2), withinSample);
        }

        Network network = Network.Load(TestModels.Build(net));
        long allocated = SteadyAllocation.Fewest(() => RunSamples(network, events, samples));

        Assert.Equal(0, allocated);
        Assert.True(network.EventsAccepted > 0 && network.NeuronUpdates > 0);
    }
}
