using Spiking.Edge.TestSupport;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>Every cell from the command line: train → export → eval, bit-exact on the edge runtime; baselines and bad choices refused.</summary>
[Collection("TorchSharp")]
public class EveryCellCliTests
{
    [SkippableTheory]
    [InlineData("lee-lif", "none")]
    [InlineData("cuba-lif", "reservoir")]
    [InlineData("snu", "dense")]
    [InlineData("ssnu", "none")]
    [InlineData("src", "none")]
    public void A_cell_chosen_with_cell_trains_exports_and_runs_bit_exact(string cell, string recurrence)
    {
        string data = TestPaths.RequireNMnistSmall();
        string run = CliRunner.TempFolder();
        var train = CliRunner.Run("train", "--data", data, "--limit", "100", "--out", run, "--epochs", "1", "--cell", cell, "--recurrent", recurrence, "--hidden", "24", "--batch", "20");
        Assert.True(train.Exit == 0, train.Error + train.Output);
        Assert.Contains($"2312-24-10 ", train.Output, StringComparison.Ordinal);

        string model = Path.Combine(run, "model.semodel");
        var export = CliRunner.Run("export", "--checkpoint", Path.Combine(run, "checkpoint.seckpt"), "--data", data, "--split", "Train", "--limit", "30", "--prune", "0", "--out", model);
        Assert.True(export.Exit == 0, export.Error + export.Output);
        Assert.Contains("agree bit for bit", export.Output, StringComparison.Ordinal);

        var inspect = CliRunner.Run("inspect", model);
        Assert.True(inspect.Exit == 0, inspect.Error);
        Assert.Contains("format 1.1", inspect.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_network_from_a_shipped_configuration_trains_on_rate_coded_images_and_eval_reencodes_them_alike()
    {
        string data = Path.Combine(TestPaths.RepoRoot, "trainer", "data", "fashion-mnist-subset");
        string config = Path.Combine(TestPaths.RepoRoot, "trainer", "configs", "fashion-784-400-10-src.json");
        string run = CliRunner.TempFolder();
        var train = CliRunner.Run("train", "--data", data, "--limit", "120", "--encoding", "rate", "--ticks", "10", "--tick-us", "1000", "--config", config, "--epochs", "1", "--batch", "20", "--schedule", "cosine", "--weight-decay", "1e-5", "--out", run);
        Assert.True(train.Exit == 0, train.Error + train.Output);
        Assert.Contains("28×28×1 input (rate(T=10, gain=1))", train.Output, StringComparison.Ordinal);

        var eval = CliRunner.Run("eval", "--checkpoint", Path.Combine(run, "checkpoint.seckpt"), "--data", data, "--split", "Test", "--limit", "50");
        Assert.True(eval.Exit == 0, eval.Error + eval.Output);
        Assert.Contains("on 50 Test samples", eval.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_lstm_baseline_trains_but_export_refuses_it_in_one_line()
    {
        string data = TestPaths.RequireNMnistSmall();
        string run = CliRunner.TempFolder();
        var train = CliRunner.Run("train", "--data", data, "--limit", "60", "--out", run, "--epochs", "1", "--cell", "lstm", "--hidden", "16", "--batch", "20");
        Assert.True(train.Exit == 0, train.Error + train.Output);

        var export = CliRunner.Run("export", "--checkpoint", Path.Combine(run, "checkpoint.seckpt"), "--data", data, "--split", "Train", "--limit", "10", "--out", Path.Combine(run, "m.semodel"));
        Assert.Equal(1, export.Exit);
        Assert.Contains("float baseline", export.Error, StringComparison.Ordinal);
        Assert.Single(export.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(run, "m.semodel")));
    }

    [SkippableTheory]
    [InlineData("--cell", "hopfield", "valid choices: lif, lee-lif")]
    [InlineData("--recurrent", "sideways", "valid choices: none, dense, reservoir")]
    [InlineData("--encoding", "morse", "valid choices: saccade, rate")]
    [InlineData("--algo", "hebb", "--algo: unknown training algorithm 'hebb'; valid: bptt, lee2016, st-rsbp")]
    [InlineData("--algo", "st-rsbp", "--algo: st-rsbp cannot train a network with lif layers; valid pairings: bptt with every cell")]
    [InlineData("--schedule", "step", "--schedule: unknown learning-rate schedule 'step'; valid: constant, cosine, inverse-sqrt")]
    [InlineData("--weight-decay", "-1", "--weight-decay: WeightDecay must be a finite number ≥ 0.")]
    public void A_bad_model_or_encoding_choice_is_refused_in_one_line_listing_the_valid_ones(string flag, string value, string expected)
    {
        string data = TestPaths.RequireNMnistSmall();
        string run = CliRunner.TempFolder();
        var train = CliRunner.Run("train", "--data", data, "--limit", "20", "--out", run, "--epochs", "1", flag, value);
        Assert.NotEqual(0, train.Exit);
        Assert.Contains(expected, train.Error, StringComparison.Ordinal);
        Assert.Single(train.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(run, "checkpoint.seckpt")));
    }

    [SkippableFact]
    public void A_configuration_of_other_sizes_than_the_data_is_refused_naming_both()
    {
        string data = TestPaths.RequireNMnistSmall();
        string config = Path.Combine(TestPaths.RepoRoot, "trainer", "configs", "fashion-784-400-10-lif.json");
        var train = CliRunner.Run("train", "--data", data, "--limit", "20", "--out", CliRunner.TempFolder(), "--config", config);
        Assert.NotEqual(0, train.Exit);
        Assert.Contains("784 inputs", train.Error, StringComparison.Ordinal);
        Assert.Contains("2312 inputs", train.Error, StringComparison.Ordinal);
    }
}
