using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Memory;

public class StateArenaTests
{
    [Theory]
    [InlineData(P.WeightEncoding.Dense, P.WeightEncoding.Csr, P.WeightEncoding.Bitmap)]
    [InlineData(P.WeightEncoding.Bitmap, P.WeightEncoding.Dense, P.WeightEncoding.Csr)]
    [InlineData(P.WeightEncoding.Csr, P.WeightEncoding.Csr, P.WeightEncoding.Dense)]
    public void Arena_size_equals_the_formula_of_semantics_section_7(P.WeightEncoding first, P.WeightEncoding second, P.WeightEncoding third)
    {
        var random = new Random(5);
        NetSpec net = RandomNets.Network(random, new[] { 13, 9, 4 }, 3, 2, 2, P.ReadoutMode.MembraneSum, 0.3);
        var encodings = new[] { first, second, third };
        net = new NetSpec
        {
            Width = net.Width, Height = net.Height, Polarities = net.Polarities, TicksPerSample = net.TicksPerSample, Readout = net.Readout,
            Layers = net.Layers.Select((l, i) => l.With(encodings[i])).ToArray(),
        };

        // RequiredArenaBytes = 12 Σ out_l + 8 out_last + Σ_{CSR or BITMAP} 4 (in_l + 1) + Σ_{CSR} 4 (in_l + 1)
        long expected = 12L * net.Layers.Sum(l => l.OutputSize) + 8L * net.Layers[^1].OutputSize
            + net.Layers.Where(l => l.Encoding != P.WeightEncoding.Dense).Sum(l => 4L * (l.InputSize + 1))
            + net.Layers.Where(l => l.Encoding == P.WeightEncoding.Csr).Sum(l => 4L * (l.InputSize + 1));

        Network network = Network.Load(TestModels.Build(net));
        Assert.Equal(expected, network.RequiredArenaBytes);
    }
}
