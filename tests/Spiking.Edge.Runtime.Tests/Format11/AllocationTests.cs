using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Format11;

/// <summary>After <see cref="Network.Load(byte[])"/>, a format-1.1 network allocates nothing per event or per tick (semantics §7).</summary>
public class AllocationTests
{
    /// <summary>GRADED LIF → SRC → BINARY LIF → leaky integrator, every option each layer can take, recurrent weights in <paramref name="encoding"/>.</summary>
    private static NetSpec Everything(Random random, P.WeightEncoding encoding, int ticks)
    {
        NetSpec net = RandomNets11.Network(random, [LayerKind.GradedLif, LayerKind.Src, LayerKind.BinaryLif, LayerKind.Integrator], Features.All, encoding);
        return net with { Width = 8, Height = 8, Polarities = 2, TicksPerSample = ticks, Layers = Reinput(net.Layers, random) };
    }

    /// <summary>The first layer resized to the 8 × 8 × 2 geometry.</summary>
    private static LayerSpec[] Reinput(LayerSpec[] layers, Random random)
    {
        var copy = layers.ToArray();
        var weights = new sbyte[128 * copy[0].OutputSize];
        for (int j = 0; j < weights.Length; j++)
        {
            weights[j] = random.Next(3) == 0 ? (sbyte)random.Next(-127, 128) : (sbyte)0;
        }

        copy[0] = copy[0] with { InputSize = 128, Weights = weights };
        return copy;
    }

    private static Event[] Events(Random random, int count, int samples, long span)
    {
        var events = new Event[count];
        int perSample = count / samples;
        for (int i = 0; i < count; i++)
        {
            long withinSample = (i % perSample) * span / perSample;
            events[i] = new Event((ushort)random.Next(9), (ushort)random.Next(8), (byte)random.Next(2), withinSample);
        }

        return events;
    }

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

    private static long AllocatedWhileRunning(Network network, Event[] events, int samples) =>
        SteadyAllocation.Fewest(() => RunSamples(network, events, samples));

    private static bool AnyOutputs(Network network) =>
        Enumerable.Range(0, network.LayerCount - 1).Any(l => Enumerable.Range(0, network.GetLayerOutputSize(l)).Any(o => network.GetSpikeCount(l, o) > 0));

    [Theory]
    [InlineData(P.WeightEncoding.Dense)]
    [InlineData(P.WeightEncoding.Csr)]
    [InlineData(P.WeightEncoding.Bitmap)]
    public void A_hundred_thousand_events_allocate_nothing(P.WeightEncoding encoding)
    {
        var random = new Random(31);
        NetSpec net = Everything(random, encoding, ticks: 20);
        byte[] model = TestModels.Build(net);
        Event[] events = Events(random, 100_000, 5, 21_000);
        foreach (Network network in new[] { Network.Load(model), Network.Load(model, RowAccumulators.Best()) })
        {
            Assert.Equal(0, AllocatedWhileRunning(network, events, 5));
            Assert.True(network.EventsAccepted > 0 && network.SynOps > network.EventsAccepted && AnyOutputs(network));
        }
    }

    [Fact]
    public void Thousands_of_ticks_without_events_allocate_nothing()
    {
        var random = new Random(32);
        NetSpec net = Everything(random, P.WeightEncoding.Csr, ticks: 5000);
        Network network = Network.Load(TestModels.Build(net));
        Event[] events = Events(random, 200, 2, 5_000_000);
        Assert.Equal(0, AllocatedWhileRunning(network, events, 2));
        Assert.Equal(5000L * net.Layers.Sum(l => l.OutputSize), network.NeuronUpdates);
    }
}
