using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;

namespace Spiking.Edge.Trainer.Tests.Pipeline;

[Collection("TorchSharp")]
public class ModelFactoryTests
{
    [Fact]
    public void A_network_with_a_readout_is_described_with_its_class_count_after_the_hidden_sizes()
    {
        using var model = ModelFactory.Create("src", [16, 8], "none", 20, 4, seed: 1);
        Assert.Equal("20-16-8-4 src", ModelFactory.Describe(model));
    }

    [Fact]
    public void A_spike_count_network_is_described_with_its_output_layer_once()
    {
        using var model = new SpikingNetwork(new NetworkConfig
        {
            InputSize = 20,
            OutputSize = 4,
            Readout = NetworkReadout.SpikeCount,
            Layers = [new LayerConfig { Cell = CellKind.LeeLif, Size = 16 }, new LayerConfig { Cell = CellKind.LeeLif, Size = 4 }],
        });
        Assert.Equal("20-16-4 leeLif", ModelFactory.Describe(model));
    }
}
