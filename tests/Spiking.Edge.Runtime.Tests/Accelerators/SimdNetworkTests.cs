using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Accelerators;

/// <summary>A whole DENSE network driven through each SIMD path computes exactly what the scalar network computes.</summary>
public sealed class SimdNetworkTests
{
    public static TheoryData<string> Paths => new(Enum.GetNames<SimdPath>());

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Network_with_simd_rows_equals_the_scalar_network_on_random_dense_streams(string pathName)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        Skip.IfNot(SimdRowAccumulator.IsSupported(path), $"{path} is not supported on this processor");
        var random = new Random(41);
        for (int trial = 0; trial < 12; trial++)
        {
            // Layer widths around and between the 8-, 16- and 64-lane steps, so tails are exercised inside the network.
            int[] sizes = [random.Next(1, 150), random.Next(1, 40)];
            var readout = trial % 2 == 0 ? P.ReadoutMode.SpikeCount : P.ReadoutMode.MembraneSum;
            NetSpec net = RandomNets.Network(random, sizes, random.Next(1, 9), random.Next(1, 9), random.Next(1, 3), readout, 0.7);
            byte[] model = TestModels.Build(net);
            var events = RandomNets.Events(random, net, 0, 400);

            var expected = Run(Network.Load(model, new ScalarRowAccumulator()), events);
            var actual = Run(Network.Load(model, new SimdRowAccumulator(path)), events);

            Assert.Equal(expected, actual);
        }
    }

    private static string Run(Network network, List<(int X, int Y, int P, long T)> events)
    {
        network.BeginSample(0);
        foreach (var e in events)
        {
            network.PushEvent(e.X, e.Y, e.P, e.T);
        }

        network.FinishSample();
        var counts = Enumerable.Range(0, network.LayerCount)
            .SelectMany(l => Enumerable.Range(0, network.GetLayerOutputSize(l)).Select(o => network.GetSpikeCount(l, o)));
        var sums = new long[network.OutputSize];
        network.CopyMembraneSums(sums);
        return $"counts {string.Join(',', counts)}; sums {string.Join(',', sums)}; synops {network.SynOps}; class {network.PredictedClass}";
    }
}
