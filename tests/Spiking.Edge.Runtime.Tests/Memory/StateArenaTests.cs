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

    [Fact]
    public void Arena_of_the_format_11_example_holds_every_region_of_section_7()
    {
        // Layer 0 GRADED LIF 2→3 with recurrent weights (CSR), current and refractory: 3 + values + drive + current +
        // counter = 7 ints per neuron → 21. Layer 1 SRC 3→2 with DENSE recurrent weights: 3 + values + drive + h + h_s
        // = 7 → 14. Layer 2 leaky integrator 2→2 with a current: 3 + drive + current = 5 → 10. 45 ints = 180 bytes;
        // membrane sums 2 × 8 = 16; the CSR recurrent matrix of layer 0: 2 × 4 × (3 + 1) = 32. Total 228.
        Network network = Network.Load(TestModels.Build(Format11.LoaderRulesTests.ValidSpec()));
        Assert.Equal(228, network.RequiredArenaBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Arena_size_of_random_format_11_models_equals_the_formula_of_section_7(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 30; trial++)
        {
            NetSpec net = RandomNets11.Anything(random);

            // 4 Σ out × (3 + graded + drive + current + counter + 2 src) + 8 out_last
            //   + Σ_{CSR or BITMAP matrices} 4 (rows + 1) + Σ_{CSR matrices} 4 (rows + 1)
            long expected = 8L * net.Layers[^1].OutputSize;
            foreach (LayerSpec l in net.Layers)
            {
                int graded = l.IsGraded ? 1 : 0;
                int drive = l.Recurrent is not null || l.CurrentShift > 0 || l.RefractoryGain.Length > 0 ? 1 : 0;
                int current = l.CurrentShift > 0 ? 1 : 0;
                int counter = l.RefractoryTicks > 0 || l.RefractoryGain.Length > 0 ? 1 : 0;
                int src = l.Neuron == P.NeuronModel.Src ? 1 : 0;
                expected += 4L * l.OutputSize * (3 + graded + drive + current + counter + (2 * src));
                expected += Tables(l.Encoding, l.InputSize);
                if (l.Recurrent is not null)
                {
                    expected += Tables(l.RecurrentEncoding, l.OutputSize);
                }
            }

            Network network = Network.Load(TestModels.Build(net));
            Assert.Equal(expected, network.RequiredArenaBytes);
        }
    }

    private static long Tables(P.WeightEncoding encoding, int rows) => encoding switch
    {
        P.WeightEncoding.Csr => 8L * (rows + 1),
        P.WeightEncoding.Bitmap => 4L * (rows + 1),
        _ => 0,
    };
}
