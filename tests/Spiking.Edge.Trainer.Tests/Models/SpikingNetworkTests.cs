using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Models;

[Collection("TorchSharp")]
public class SpikingNetworkTests
{
    private static Tensor Frames(long ticks, long batch, long inputs, int seed, float density = 0.3f) =>
        TensorAssert.Random([ticks, batch, inputs], seed, 1f).ge(1f - density).to_type(ScalarType.Float32);

    public static TheoryData<CellKind, Recurrence> CellsAndRecurrences => new()
    {
        { CellKind.Lif, Recurrence.Dense },
        { CellKind.LeeLif, Recurrence.Reservoir },
        { CellKind.CubaLif, Recurrence.Reservoir },
        { CellKind.CubaLif, Recurrence.LateralInhibition },
        { CellKind.Snu, Recurrence.Dense },
        { CellKind.Ssnu, Recurrence.None },
        { CellKind.Src, Recurrence.None },
        { CellKind.Src, Recurrence.Dense },
    };

    [Theory]
    [MemberData(nameof(CellsAndRecurrences))]
    public void Step_by_step_forward_gives_the_same_logits_and_gradients_as_multi_step(CellKind cell, Recurrence recurrence)
    {
        using var scope = NewDisposeScope();
        using var network = new SpikingNetwork(Stack(cell, recurrence, NetworkReadout.MembraneSum));
        var frames = Frames(14, 3, 10, seed: 12);
        var labels = tensor(new long[] { 0, 2, 1 });

        nn.functional.cross_entropy(network.forward(frames), labels).backward();
        var multiGradients = network.parameters().Select(p => p.grad!.clone()).ToArray();
        var multi = network.forward(frames);
        network.zero_grad();
        var single = network.ForwardStepByStep(frames);
        nn.functional.cross_entropy(single, labels).backward();

        TensorAssert.Close(multi, single, 1e-5);
        var singleGradients = network.parameters().Select(p => p.grad!).ToArray();
        for (var i = 0; i < multiGradients.Length; i++)
        {
            TensorAssert.Close(multiGradients[i], singleGradients[i], 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(CellsAndRecurrences))]
    public void Gradients_reach_every_trainable_parameter(CellKind cell, Recurrence recurrence)
    {
        using var scope = NewDisposeScope();
        using var network = new SpikingNetwork(Stack(cell, recurrence, NetworkReadout.MembraneSum));
        nn.functional.cross_entropy(network.forward(Frames(14, 4, 10, seed: 13, density: 0.6f)), tensor(new long[] { 0, 1, 2, 0 })).backward();
        foreach (var (name, parameter) in network.named_parameters())
        {
            Assert.True(parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0f, $"{name} got no gradient");
        }
    }

    [Fact]
    public void Spike_count_logits_are_the_output_layer_counts_and_the_spec_has_no_readout_layer()
    {
        using var scope = NewDisposeScope();
        using var network = new SpikingNetwork(Stack(CellKind.CubaLif, Recurrence.LateralInhibition, NetworkReadout.SpikeCount));
        var frames = Frames(20, 2, 10, seed: 14);
        var output = network.ForwardWithActivity(frames);
        Assert.Equal(TensorAssert.Values(output.LayerOutputs[^1].sum([0])), TensorAssert.Values(output.Logits));
        Assert.Null(network.Readout);
        TensorAssert.Close(output.Logits, network.ForwardStepByStep(frames), 1e-6);

        var spec = network.ToSpec(5, 2, 1, 1000, 20, ["a", "b", "c"]);
        Assert.Equal(ReadoutMode.SpikeCount, spec.Readout);
        Assert.Equal(["hidden1", "output"], spec.Layers.Select(l => l.Name));
        Assert.Equal([0f, -1f, -1f, -1f, 0f, -1f, -1f, -1f, 0f], spec.Layers[1].RecurrentWeight);
    }

    [Fact]
    public void Spec_of_a_mixed_network_chains_the_sizes_and_keeps_each_cells_fields()
    {
        var config = new NetworkConfig
        {
            InputSize = 8,
            OutputSize = 3,
            ReadoutLeakShift = 2,
            Layers =
            [
                new LayerConfig { Cell = CellKind.LeeLif, Size = 7 },
                new LayerConfig { Cell = CellKind.CubaLif, Size = 6, Recurrence = Recurrence.Reservoir, Name = "reservoir" },
                new LayerConfig { Cell = CellKind.Snu, Size = 5, Recurrence = Recurrence.Dense },
                new LayerConfig { Cell = CellKind.Ssnu, Size = 5 },
                new LayerConfig { Cell = CellKind.Src, Size = 4 },
            ],
        };
        using var network = new SpikingNetwork(config);
        var spec = network.ToSpec(2, 2, 2, 500, 30, ["x", "y", "z"]);
        Assert.Equal(["hidden1", "reservoir", "hidden3", "hidden4", "hidden5", "readout"], spec.Layers.Select(l => l.Name));
        Assert.Equal([8, 7, 6, 5, 5, 4], spec.Layers.Select(l => l.InputSize));
        Assert.Equal([7, 6, 5, 5, 4, 3], spec.Layers.Select(l => l.OutputSize));
        Assert.Equal(
            [NeuronModel.Lif, NeuronModel.Lif, NeuronModel.Lif, NeuronModel.Lif, NeuronModel.Src, NeuronModel.LeakyIntegrator],
            spec.Layers.Select(l => l.Neuron));
        Assert.Equal([false, false, false, true, true, false], spec.Layers.Select(l => l.HasGradedOutput));
        Assert.Equal(7, spec.Layers[0].Thresholds.Length);
        Assert.Equal(2, spec.Layers[0].RefractoryGain.Length);
        Assert.Equal((3, 2, 160f), (spec.Layers[1].CurrentShift, spec.Layers[1].RefractoryTicks, spec.Layers[1].Threshold));
        Assert.Equal(36, spec.Layers[1].RecurrentWeight.Length);
        Assert.Equal((52429, ResetMode.Gate), (spec.Layers[2].DecayQ16, spec.Layers[2].Reset));
        Assert.Equal(OutputKind.Graded, spec.Layers[3].Output);
        Assert.NotNull(spec.Layers[4].Src);
        Assert.Equal((2, ReadoutMode.MembraneSum), (spec.Layers[5].LeakShift, spec.Readout));
    }

    [Fact]
    public void Parameters_come_in_layer_order_weight_bias_recurrent_then_cell_parameters()
    {
        var config = new NetworkConfig
        {
            InputSize = 4,
            OutputSize = 2,
            Layers =
            [
                new LayerConfig { Cell = CellKind.LeeLif, Size = 3, Bias = true, Recurrence = Recurrence.Dense },
                new LayerConfig { Cell = CellKind.Src, Size = 3 },
            ],
        };
        using var network = new SpikingNetwork(config);
        Assert.Equal(
            ["layers.0.weight", "layers.0.bias", "layers.0.recurrent_weight", "layers.0.threshold", "layers.1.weight", "layers.1.src_bias", "readout.weight", "readout.bias"],
            network.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Network_built_inside_a_dispose_scope_keeps_its_parameters_and_buffers()
    {
        SpikingNetwork network;
        using (NewDisposeScope())
        {
            network = new SpikingNetwork(Stack(CellKind.CubaLif, Recurrence.Reservoir, NetworkReadout.MembraneSum));
        }

        using (network)
        using (var scope = NewDisposeScope())
        {
            Assert.Equal(3, network.forward(Frames(5, 2, 10, seed: 15)).shape[1]);
        }
    }

    [Fact]
    public void Saved_parameters_load_into_a_network_of_the_same_config_and_give_the_same_logits()
    {
        using var scope = NewDisposeScope();
        var config = new NetworkConfig
        {
            InputSize = 10,
            OutputSize = 3,
            Readout = NetworkReadout.SpikeCount,
            Layers =
            [
                new LayerConfig { Cell = CellKind.LeeLif, Size = 9, Recurrence = Recurrence.Reservoir },
                new LayerConfig { Cell = CellKind.Src, Size = 6 },
                new LayerConfig { Cell = CellKind.CubaLif, Size = 3, Recurrence = Recurrence.LateralInhibition, CubaLif = new CubaLifOptions { Threshold = 2f, MembraneShift = 2, CurrentShift = 1 } },
            ],
        };
        using var trained = new SpikingNetwork(config);
        using (no_grad())
        {
            foreach (var parameter in trained.parameters())
            {
                parameter.add_(0.01f);
            }
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            trained.save(writer);
        }

        stream.Position = 0;
        using var restored = new SpikingNetwork(config with { Seed = 123 });
        using (var reader = new BinaryReader(stream))
        {
            restored.load(reader);
        }

        var frames = Frames(16, 2, 10, seed: 16, density: 0.5f);
        Assert.Equal(TensorAssert.Values(trained.forward(frames)), TensorAssert.Values(restored.forward(frames)));
    }

    [Fact]
    public void Same_seed_gives_the_same_network_and_another_seed_a_different_one()
    {
        var config = Stack(CellKind.Snu, Recurrence.Dense, NetworkReadout.MembraneSum);
        using var a = new SpikingNetwork(config);
        using var b = new SpikingNetwork(config);
        using var c = new SpikingNetwork(config with { Seed = 99 });
        var wa = a.ToSpec(10, 1, 1, 1000, 5, ["a", "b", "c"]).Layers[0].Weight;
        Assert.Equal(wa, b.ToSpec(10, 1, 1, 1000, 5, ["a", "b", "c"]).Layers[0].Weight);
        Assert.NotEqual(wa, c.ToSpec(10, 1, 1, 1000, 5, ["a", "b", "c"]).Layers[0].Weight);
    }

    [Fact]
    public void Frames_and_spec_arguments_that_do_not_fit_are_refused()
    {
        using var network = new SpikingNetwork(Stack(CellKind.Lif, Recurrence.None, NetworkReadout.MembraneSum));
        using var frames = zeros(5, 2, 7);
        Assert.Contains("[5, 2, 7]", Assert.Throws<ArgumentException>(() => network.forward(frames)).Message, StringComparison.Ordinal);
        Assert.Contains("input size 10", Assert.Throws<ArgumentException>(() => network.ToSpec(3, 3, 1, 1000, 5, ["a", "b", "c"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => network.ToSpec(10, 1, 1, 1000, 5, ["a"]));
    }

    [Fact]
    public void Bad_configuration_is_refused_by_the_constructor_with_the_json_path()
    {
        var config = Stack(CellKind.Lif, Recurrence.None, NetworkReadout.MembraneSum) with { ReadoutLeakShift = 30 };
        Assert.Equal("$.readoutLeakShift: 30 is outside 0..24", Assert.Throws<ConfigException>(() => new SpikingNetwork(config)).Message);
    }

    private static NetworkConfig Stack(CellKind cell, Recurrence recurrence, NetworkReadout readout)
    {
        // Short CUBA time constants so that 14–20 ticks produce activity.
        CubaLifOptions? cuba = cell == CellKind.CubaLif ? new CubaLifOptions { MembraneShift = 2, CurrentShift = 1, RefractoryTicks = 1, Threshold = 2f } : null;
        return new NetworkConfig
        {
            InputSize = 10,
            OutputSize = 3,
            Readout = readout,
            Seed = 7,
            Layers =
            [
                new LayerConfig { Cell = cell, Size = 12, CubaLif = cuba },
                new LayerConfig { Cell = cell, Size = readout == NetworkReadout.SpikeCount ? 3 : 9, Recurrence = recurrence, CubaLif = cuba },
            ],
        };
    }
}
