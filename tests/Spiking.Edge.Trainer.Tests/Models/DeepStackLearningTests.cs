using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Xunit.Abstractions;

namespace Spiking.Edge.Trainer.Tests.Models;

/// <summary>A stack of four spiking layers of each cell learns a small separable task far above chance (25 %).</summary>
[Collection("TorchSharp")]
public class DeepStackLearningTests(ITestOutputHelper output)
{
    // ST-RSBP's τ_m = 64, τ_s = 8 need hundreds of ticks to charge; the 12-tick task uses τ_m = 4, τ_s = 2, R = 1, θ = 4.
    private static readonly CubaLifOptions ShortCuba = new() { MembraneShift = 2, CurrentShift = 1, RefractoryTicks = 1, Threshold = 4f };

    public static TheoryData<CellKind> Cells => [CellKind.Lif, CellKind.LeeLif, CellKind.CubaLif, CellKind.Snu, CellKind.Ssnu, CellKind.Src];

    [Theory]
    [MemberData(nameof(Cells))]
    public void Four_layer_stack_learns_the_tiny_task(CellKind cell)
    {
        var config = new NetworkConfig
        {
            InputSize = TinyTask.Inputs,
            Layers = [.. Enumerable.Range(0, 4).Select(_ => new LayerConfig { Cell = cell, Size = 32, CubaLif = cell == CellKind.CubaLif ? ShortCuba : null })],
            OutputSize = TinyTask.Classes,
            Seed = 3,
        };
        using var network = new SpikingNetwork(config);
        var accuracy = TinyTask.TrainAndTest(network, steps: 40, learningRate: 0.01);
        output.WriteLine($"{cell}: {accuracy:P1}");
        Assert.True(accuracy >= 0.8, $"{cell}: held-out accuracy {accuracy:P1}");
    }

    [Fact]
    public void Six_layer_src_stack_starting_at_rest_learns_the_tiny_task()
    {
        var config = new NetworkConfig
        {
            InputSize = TinyTask.Inputs,
            Layers = [.. Enumerable.Range(0, 6).Select(_ => new LayerConfig { Cell = CellKind.Src, Size = 32 })],
            OutputSize = TinyTask.Classes,
            Seed = 3,
        };
        using var network = new SpikingNetwork(config);
        var accuracy = TinyTask.TrainAndTest(network, steps: 40, learningRate: 0.01);
        output.WriteLine($"SRC × 6: {accuracy:P1}");
        Assert.True(accuracy >= 0.8, $"held-out accuracy {accuracy:P1}");
    }
}
