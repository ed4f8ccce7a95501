using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Baselines;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Algorithms;

[Collection("TorchSharp")]
public class GradientMethodsTests
{
    private static SpikingNetwork Network(CellKind cell, NetworkReadout readout, Recurrence recurrence = Recurrence.None) => new(new NetworkConfig
    {
        InputSize = 6,
        OutputSize = 3,
        Readout = readout,
        Layers = [new LayerConfig { Cell = cell, Size = 5, Recurrence = recurrence }, new LayerConfig { Cell = cell, Size = 3 }],
    });

    [Theory]
    [InlineData("bptt", TrainingAlgorithm.Bptt)]
    [InlineData("LEE2016", TrainingAlgorithm.Lee2016)]
    [InlineData("st-rsbp", TrainingAlgorithm.StRsbp)]
    public void Algorithm_names_parse_and_print_back(string name, TrainingAlgorithm expected)
    {
        Assert.Equal(expected, TrainingAlgorithms.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), TrainingAlgorithms.NameOf(expected));
    }

    [Fact]
    public void Bptt_trains_every_model_including_the_float_baselines()
    {
        using var lif = Network(CellKind.Lif, NetworkReadout.MembraneSum);
        using var gru = new RecurrentBaseline(RecurrentBaselineKind.Gru, 6, 4, 1, 3, seed: 1);
        using var method = GradientMethods.Create(lif, new TrainingOptions());
        Assert.IsType<BpttGradients>(method);
        GradientMethods.Check(TrainingAlgorithm.Bptt, gru);
    }

    [Fact]
    public void Lee2016_refuses_a_network_of_other_cells_listing_the_valid_pairings()
    {
        using var network = Network(CellKind.Lif, NetworkReadout.SpikeCount);
        var error = Assert.Throws<ArgumentException>(() => GradientMethods.Check(TrainingAlgorithm.Lee2016, network));
        Assert.Equal($"lee2016 cannot train a network with lif layers; valid pairings: {GradientMethods.ValidPairings}", error.Message);
    }

    [Fact]
    public void St_rsbp_refuses_a_membrane_sum_readout_and_dense_recurrence()
    {
        using var membrane = Network(CellKind.CubaLif, NetworkReadout.MembraneSum);
        Assert.StartsWith("st-rsbp needs a spike-count readout", Assert.Throws<ArgumentException>(() => GradientMethods.Check(TrainingAlgorithm.StRsbp, membrane)).Message, StringComparison.Ordinal);
        using var dense = Network(CellKind.CubaLif, NetworkReadout.SpikeCount, Recurrence.Dense);
        Assert.StartsWith("st-rsbp trains reservoir recurrence", Assert.Throws<ArgumentException>(() => GradientMethods.Check(TrainingAlgorithm.StRsbp, dense)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spiking_algorithms_refuse_a_float_baseline()
    {
        using var lstm = new RecurrentBaseline(RecurrentBaselineKind.Lstm, 6, 4, 1, 3, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => GradientMethods.Check(TrainingAlgorithm.StRsbp, lstm));
        Assert.StartsWith("st-rsbp cannot train a float baseline", error.Message, StringComparison.Ordinal);
    }
}
