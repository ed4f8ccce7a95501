using Spiking.Edge.TestSupport;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>train → export → inspect → run → eval on real N-MNIST recordings (the Train split of nmnist-small only).</summary>
[Collection("TorchSharp")]
public class NMnistPipelineTests
{
    [SkippableFact]
    public void A_network_trained_on_real_recordings_exports_inspects_runs_and_evaluates_bit_exact()
    {
        string data = TestPaths.RequireNMnistSmall();
        string run = CliRunner.TempFolder();
        var train = CliRunner.Run("train", "--data", data, "--limit", "200", "--out", run, "--epochs", "1", "--hidden", "32", "--batch", "20", "--ticks", "31");
        Assert.True(train.Exit == 0, train.Error);
        string checkpoint = Path.Combine(run, "checkpoint.seckpt");
        Assert.True(File.Exists(checkpoint));
        Assert.True(new FileInfo(Path.Combine(run, "learning-curve.png")).Length > 1000);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);

        var resumed = CliRunner.Run("train", "--data", data, "--limit", "200", "--out", run, "--epochs", "2", "--resume");
        Assert.True(resumed.Exit == 0, resumed.Error);
        Assert.Contains("resuming after epoch 1", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);

        string model = Path.Combine(run, "model.semodel");
        var export = CliRunner.Run("export", "--checkpoint", checkpoint, "--data", data, "--split", "Train", "--limit", "60", "--out", model);
        Assert.True(export.Exit == 0, export.Error + export.Output);
        Assert.Contains("agree bit for bit", export.Output, StringComparison.Ordinal);

        var inspect = CliRunner.Run("inspect", model);
        Assert.True(inspect.Exit == 0, inspect.Error);
        Assert.Contains("2,312 inputs", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("lif", inspect.Output, StringComparison.OrdinalIgnoreCase);

        string digitFolder = Path.Combine(data, "Train", "3");
        var runFiles = CliRunner.Run("run", "--model", model, digitFolder);
        Assert.True(runFiles.Exit == 0, runFiles.Error);
        int files = Directory.GetFiles(digitFolder, "*.bin").Length;
        Assert.Equal(files + 3, runFiles.Output.TrimEnd().Split('\n').Length); // header, one line per file, accuracy, summary
        Assert.Contains("accuracy", runFiles.Output, StringComparison.Ordinal);

        var eval = CliRunner.Run("eval", "--model", model, "--data", data, "--split", "Train", "--limit", "40");
        Assert.True(eval.Exit == 0, eval.Error);
        Assert.Contains("agree bit for bit", eval.Output, StringComparison.Ordinal);
    }
}
