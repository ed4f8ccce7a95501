using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests;

/// <summary>The three weight encodings compute the same network, and that network is the time-stepped reference.</summary>
public class NetworkEncodingTests
{
    private static readonly P.WeightEncoding[] Encodings = { P.WeightEncoding.Dense, P.WeightEncoding.Csr, P.WeightEncoding.Bitmap };

    private static (int[][] Counts, long[] Sums, long SynOps, int Class, long[] Counters) Run(NetSpec spec, List<(int X, int Y, int P, long T)> events, long t0)
    {
        Network network = Network.Load(TestModels.Build(spec));
        network.BeginSample(t0);
        foreach (var e in events)
        {
            network.PushEvent(e.X, e.Y, e.P, e.T);
        }

        network.FinishSample();
        var counts = Enumerable.Range(0, network.LayerCount)
            .Select(l => Enumerable.Range(0, network.GetLayerOutputSize(l)).Select(o => network.GetSpikeCount(l, o)).ToArray()).ToArray();
        var sums = new long[network.OutputSize];
        network.CopyMembraneSums(sums);
        var counters = new[] { network.EventsAccepted, network.EventsOutsideWindow, network.EventsOutOfGeometry, network.EventsOutOfOrder, network.NeuronUpdates };
        return (counts, sums, network.SynOps, network.PredictedClass, counters);
    }

    [Theory]
    [InlineData(1, P.ReadoutMode.SpikeCount, 0.3)]
    [InlineData(2, P.ReadoutMode.MembraneSum, 0.1)]
    [InlineData(3, P.ReadoutMode.SpikeCount, 0.9)]
    [InlineData(4, P.ReadoutMode.MembraneSum, 0.5)]
    public void Dense_csr_and_bitmap_give_identical_outputs_on_random_streams(int seed, P.ReadoutMode readout, double density)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 10; trial++)
        {
            int[] sizes = random.Next(2) == 0 ? new[] { random.Next(1, 20), random.Next(1, 12) } : new[] { random.Next(1, 30), random.Next(1, 17), random.Next(1, 9) };
            NetSpec net = RandomNets.Network(random, sizes, random.Next(1, 5), random.Next(1, 4), random.Next(1, 3), readout, density);
            long t0 = random.Next(0, 10_000);
            var events = RandomNets.Events(random, net, t0, random.Next(0, 400));
            var results = Encodings.Select(e => Run(net.WithEncoding(e), events, t0)).ToArray();
            for (int r = 1; r < results.Length; r++)
            {
                Assert.Equal(results[0].Counts, results[r].Counts);
                Assert.Equal(results[0].Sums, results[r].Sums);
                Assert.Equal(results[0].Class, results[r].Class);
                Assert.Equal(results[0].Counters, results[r].Counters);
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Event_driven_runtime_equals_the_time_stepped_reference(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 15; trial++)
        {
            var readout = random.Next(2) == 0 ? P.ReadoutMode.SpikeCount : P.ReadoutMode.MembraneSum;
            int[] sizes = { random.Next(1, 24), random.Next(1, 10) };
            NetSpec net = RandomNets.Network(random, sizes, random.Next(1, 5), random.Next(1, 4), random.Next(1, 3), readout, 0.4)
                .WithEncoding(Encodings[random.Next(3)]);
            long t0 = random.Next(0, 5000);
            var events = RandomNets.Events(random, net, t0, random.Next(0, 500));
            var expected = ReferenceSimulator.Run(net, events, t0);
            var actual = Run(net, events, t0);
            Assert.Equal(expected.AllSpikeCounts, actual.Counts);
            Assert.Equal(expected.MembraneSums, actual.Sums);
            Assert.Equal(expected.SynOps, actual.SynOps);
            Assert.Equal(expected.PredictedClass, actual.Class);
        }
    }

    [Fact]
    public void Dense_rows_go_through_the_plugged_row_accumulator()
    {
        var counting = new CountingAccumulator();
        Network network = Network.Load(TestModels.Build(TestModels.WorkedExample()), counting);
        network.PushEvent(0, 0, 0, 0);
        network.PushEvent(1, 0, 0, 0);
        network.FinishSample();
        Assert.Equal(2, counting.Rows);
        Assert.Throws<ArgumentNullException>(() => Network.Load(TestModels.Build(TestModels.WorkedExample()), null!));
    }

    private sealed class CountingAccumulator : Spiking.Edge.Runtime.Kernels.IRowAccumulator
    {
        public int Rows { get; private set; }

        public void AddRow(byte[] weights, int weightOffset, int[] target, int targetOffset, int length)
        {
            Rows++;
            new Spiking.Edge.Runtime.Kernels.ScalarRowAccumulator().AddRow(weights, weightOffset, target, targetOffset, length);
        }

        public void AddScaledRow(byte[] weights, int weightOffset, int scale, int[] target, int targetOffset, int length)
        {
            Rows++;
            new Spiking.Edge.Runtime.Kernels.ScalarRowAccumulator().AddScaledRow(weights, weightOffset, scale, target, targetOffset, length);
        }
    }
}
