using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.TestSupport;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Models;

/// <summary>The configurations in trainer/configs build networks with the papers' architectures.</summary>
[Collection("TorchSharp")]
public class ShippedConfigTests
{
    private static NetworkConfig Load(string file) => NetworkConfigJson.Load(Path.Combine(TestPaths.RepoRoot, "trainer", "configs", file));

    public static TheoryData<string> ConfigFiles => NetworkConfigJsonTests.ConfigFiles;

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Every_shipped_configuration_builds_runs_and_exports_a_spec(string file)
    {
        using var scope = NewDisposeScope();
        var config = Load(file);
        using var network = new SpikingNetwork(config);
        var logits = network.forward(zeros(3, 1, config.InputSize));
        Assert.Equal([1L, config.OutputSize], logits.shape);
        var (width, height, polarities) = config.InputSize == 2312 ? (34, 34, 2) : (28, 28, 1);
        var spec = network.ToSpec(width, height, polarities, 1000, 3, [.. Enumerable.Range(0, config.OutputSize).Select(i => $"{i}")]);
        Assert.Equal(config.Layers.Count + (config.Readout == NetworkReadout.MembraneSum ? 1 : 0), spec.Layers.Count);
    }

    [Fact]
    public void St_rsbp_fashion_network_is_784_400_r400_10_with_a_5x5x16_reservoir_and_output_inhibition()
    {
        var config = Load("strsbp-fashion-784-400-r400-10.json");
        using var network = new SpikingNetwork(config);
        var layers = network.Layers;
        Assert.Equal([400, 400, 10], layers.Select(l => l.OutputSize));
        Assert.All(layers, l => Assert.IsType<CubaLifLayer>(l));
        Assert.Equal([5, 5, 16], layers[1].Connectivity!.Grid);
        Assert.Equal(Recurrence.LateralInhibition, layers[2].Recurrence);
        Assert.Equal([160f, 160f, 120f], layers.Select(l => ((CubaLifLayer)l).Options.Threshold));
        Assert.Null(network.Readout);
    }

    [Fact]
    public void Snu_mnist_network_is_784_250_250_10_with_decay_0_9_and_leaky_relu()
    {
        using var network = new SpikingNetwork(Load("snu-mnist-784-250-250-10.json"));
        Assert.Equal([250, 250, 10], network.Layers.Select(l => l.OutputSize));
        var first = Assert.IsType<SnuLayer>(network.Layers[0]);
        Assert.Equal((58982, StateActivation.LeakyRelu, false), (first.Options.DecayQ16, first.Options.Activation, first.IsGraded));
    }

    [Fact]
    public void Src_fashion_network_has_four_src_layers_of_100()
    {
        using var network = new SpikingNetwork(Load("src-fashion-784-100-100-100-100-10.json"));
        Assert.Equal([100, 100, 100, 100], network.Layers.Select(l => l.OutputSize));
        Assert.All(network.Layers, l => Assert.IsType<SrcLayer>(l));
        Assert.Equal((10, 0), (network.Readout!.OutputSize, network.Readout.LeakShift));
    }

    [Fact]
    public void Wide_surrogate_lif_fashion_network_differs_from_the_default_lif_only_in_slope_and_readout_leak()
    {
        using var tuned = new SpikingNetwork(Load("fashion-784-400-10-lif-wide-surrogate.json"));
        using var plain = new SpikingNetwork(Load("fashion-784-400-10-lif.json"));
        var tunedLif = Assert.IsType<LifLayer>(Assert.Single(tuned.Layers));
        var plainLif = Assert.IsType<LifLayer>(Assert.Single(plain.Layers));
        Assert.Equal((400, 2f, 2), (tunedLif.OutputSize, tunedLif.Options.SurrogateSlope, tuned.Readout!.LeakShift));
        Assert.Equal(plainLif.Options with { SurrogateSlope = 2f }, tunedLif.Options);
        Assert.NotEqual(plain.Readout!.LeakShift, tuned.Readout.LeakShift);
    }

    [Fact]
    public void Lif_nmnist_configuration_equals_the_lif_mlp_helper()
    {
        Assert.Equal(NetworkConfigJson.Serialize(NetworkConfig.LifMlp(2312, [800], 10)), NetworkConfigJson.Serialize(Load("lif-nmnist-2312-800-10.json")));
    }
}
