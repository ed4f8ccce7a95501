using Spiking.Edge.TestSupport;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>The papers' own training algorithms from the command line: train → export bit-exact; bad settings refused.</summary>
[Collection("TorchSharp")]
public class AlgorithmCliTests
{
    private const string LeeNetwork = """
        { "inputSize": 2312, "outputSize": 10, "readout": "spikeCount", "seed": 1,
          "layers": [ { "cell": "leeLif", "size": 24 }, { "cell": "leeLif", "size": 10, "name": "output" } ] }
        """;

    private const string StRsbpNetwork = """
        { "inputSize": 2312, "outputSize": 10, "readout": "spikeCount", "seed": 1,
          "layers": [
            { "cell": "cubaLif", "size": 24, "recurrence": "reservoir", "reservoir": { "grid": [2, 3, 4] }, "cubaLif": { "threshold": 40 } },
            { "cell": "cubaLif", "size": 10, "name": "output", "recurrence": "lateralInhibition", "cubaLif": { "threshold": 40 } } ] }
        """;

    [SkippableTheory]
    [InlineData("lee2016", LeeNetwork, null)]
    [InlineData("st-rsbp", StRsbpNetwork, """{ "desiredLevel": 6, "undesiredLevel": 1, "margin": 1, "scaleToTicks": false }""")]
    public void A_network_trained_by_its_papers_algorithm_exports_and_runs_bit_exact(string algorithm, string network, string? settings)
    {
        string data = TestPaths.RequireNMnistSmall();
        string run = CliRunner.TempFolder();
        string config = Path.Combine(run, "network.json");
        File.WriteAllText(config, network);
        var arguments = new List<string> { "train", "--data", data, "--limit", "60", "--out", run, "--epochs", "1", "--batch", "20", "--config", config, "--algo", algorithm, "--schedule", "inverse-sqrt" };
        if (settings is not null)
        {
            string path = Path.Combine(run, "algorithm.json");
            File.WriteAllText(path, settings);
            arguments.AddRange(["--algo-options", path]);
        }

        var train = CliRunner.Run([.. arguments]);
        Assert.True(train.Exit == 0, train.Error + train.Output);

        string model = Path.Combine(run, "model.semodel");
        var export = CliRunner.Run("export", "--checkpoint", Path.Combine(run, "checkpoint.seckpt"), "--data", data, "--split", "Train", "--limit", "20", "--prune", "0", "--out", model);
        Assert.True(export.Exit == 0, export.Error + export.Output);
        Assert.Contains("agree bit for bit", export.Output, StringComparison.Ordinal);

        var inspect = CliRunner.Run("inspect", model);
        Assert.True(inspect.Exit == 0, inspect.Error);
        Assert.Contains($"algorithm {algorithm},", inspect.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unknown_algorithm_setting_is_refused_in_one_line_naming_the_file_and_the_setting()
    {
        string data = TestPaths.RequireNMnistSmall();
        string run = CliRunner.TempFolder();
        string config = Path.Combine(run, "network.json");
        File.WriteAllText(config, LeeNetwork);
        string settings = Path.Combine(run, "lee.json");
        File.WriteAllText(settings, """{ "lossFunction": "mse" }""");
        var train = CliRunner.Run("train", "--data", data, "--limit", "20", "--out", run, "--config", config, "--algo", "lee2016", "--algo-options", settings);
        Assert.Equal(1, train.Exit);
        Assert.Single(train.Error.TrimEnd().Split('\n'));
        Assert.Contains("--algo-options lee.json", train.Error, StringComparison.Ordinal);
        Assert.Contains("lossFunction", train.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, "checkpoint.seckpt")));
    }
}
