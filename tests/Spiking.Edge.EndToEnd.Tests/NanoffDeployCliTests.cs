using System.Text.Json;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>
/// `spiking export --nanoff-deploy`: the nanoff file-deployment JSON beside the model (keys of nanoFirmwareFlasher's
/// FileDeploymentConfiguration), its paths, the storage-size warning, and no JSON (nor model) when the export fails.
/// </summary>
[Collection("TorchSharp")]
public class NanoffDeployCliTests : IClassFixture<NanoffDeployCliTests.TrainedCheckpoint>
{
    private readonly TrainedCheckpoint _trained;

    public NanoffDeployCliTests(TrainedCheckpoint trained) => _trained = trained;

    [Fact]
    public void Export_with_nanoff_deploy_writes_the_file_deployment_json_with_the_port_the_device_path_and_the_absolute_model_path()
    {
        string model = Path.Combine(CliRunner.TempFolder(), "digits.sem");
        var export = Export(model, "--prune", "0.9", "--nanoff-deploy", "--serial-port", "COM7");
        Assert.True(export.Exit == 0, export.Error + export.Output);

        string json = model + ".nanoff.json";
        Assert.Contains($"wrote {json}", export.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = document.RootElement;
        Assert.Equal(["SerialPort", "Files"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("COM7", root.GetProperty("SerialPort").GetString());
        JsonElement file = Assert.Single(root.GetProperty("Files").EnumerateArray());
        Assert.Equal(["DestinationFilePath", "SourceFilePath"], file.EnumerateObject().Select(p => p.Name));
        Assert.Equal(@"I:\model.sem", file.GetProperty("DestinationFilePath").GetString());
        string source = file.GetProperty("SourceFilePath").GetString()!;
        Assert.True(Path.IsPathFullyQualified(source), source);
        Assert.Equal(Path.GetFullPath(model), source);
        Assert.True(File.Exists(source));
        Assert.Empty(export.Error);
    }

    [Fact]
    public void Without_a_serial_port_the_json_leaves_the_port_to_nanoff_and_keeps_the_chosen_device_path()
    {
        string folder = CliRunner.TempFolder();
        string model = Path.Combine(folder, "m.sem");
        var export = Export(Path.Combine(folder, ".", "m.sem"), "--prune", "0.9", "--nanoff-deploy", "--device-path", @"I:\models\digits.sem");
        Assert.True(export.Exit == 0, export.Error + export.Output);
        Assert.Contains("--serialport PORT", export.Output, StringComparison.Ordinal);

        using var document = JsonDocument.Parse(File.ReadAllText(model + ".nanoff.json"));
        Assert.False(document.RootElement.TryGetProperty("SerialPort", out _));
        JsonElement file = Assert.Single(document.RootElement.GetProperty("Files").EnumerateArray());
        Assert.Equal(@"I:\models\digits.sem", file.GetProperty("DestinationFilePath").GetString());
        Assert.Equal(model, file.GetProperty("SourceFilePath").GetString());
        Assert.Empty(Directory.GetFiles(folder, "*.tmp-*"));
    }

    [Fact]
    public void A_model_larger_than_typical_device_storage_is_exported_with_a_one_line_warning()
    {
        string model = Path.Combine(CliRunner.TempFolder(), "big.sem");
        var export = Export(model, "--prune", "0", "--nanoff-deploy");
        Assert.True(export.Exit == 0, export.Error + export.Output);

        long bytes = new FileInfo(model).Length;
        Assert.True(bytes > 262_144, $"the 784-400-10 model has {bytes} bytes; this test needs more than 256 KiB");
        string warning = Assert.Single(export.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("spiking export: warning: big.sem is " + bytes.ToString("N0"), warning, StringComparison.Ordinal);
        Assert.True(File.Exists(model + ".nanoff.json"));
    }

    [Fact]
    public void Without_nanoff_deploy_no_json_is_written()
    {
        string model = Path.Combine(CliRunner.TempFolder(), "m.sem");
        var export = Export(model, "--prune", "0.9");
        Assert.True(export.Exit == 0, export.Error + export.Output);
        Assert.False(File.Exists(model + ".nanoff.json"));
    }

    [Theory]
    [InlineData("--nanoff-deploy|--device-path|/flash/model.sem", "is not a device file path")]
    [InlineData(@"--nanoff-deploy|--device-path|I:\", "is not a device file path")]
    [InlineData(@"--nanoff-deploy|--device-path|I:model.sem", "is not a device file path")]
    [InlineData("--nanoff-deploy|--serial-port|COM 3", "is not a port name")]
    [InlineData("--serial-port|COM3", "only apply with --nanoff-deploy")]
    [InlineData(@"--device-path|I:\m.sem", "only apply with --nanoff-deploy")]
    public void Bad_deployment_flags_are_refused_in_one_line_before_anything_is_written(string flags, string message)
    {
        string folder = CliRunner.TempFolder();
        var export = Export(Path.Combine(folder, "m.sem"), flags.Split('|'));
        Assert.Equal(1, export.Exit);
        Assert.Contains(message, Assert.Single(export.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_failed_export_writes_neither_model_nor_json()
    {
        string folder = CliRunner.TempFolder();
        string model = Path.Combine(folder, "m.sem");
        var export = CliRunner.Run("export", "--checkpoint", Path.Combine(folder, "absent.seckpt"), "--data", TrainedCheckpoint.Data, "--out", model, "--nanoff-deploy");
        Assert.Equal(1, export.Exit);
        Assert.Contains("does not exist", export.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    private (int Exit, string Output, string Error) Export(string model, params string[] flags) =>
        CliRunner.Run(["export", "--checkpoint", _trained.Path, "--data", TrainedCheckpoint.Data, "--split", "Train", "--limit", "20", "--out", model, .. flags]);

    /// <summary>One 784-400-10 network trained for one epoch on 60 rate-coded Fashion-MNIST images (shipped subset).</summary>
    public sealed class TrainedCheckpoint
    {
        public TrainedCheckpoint()
        {
            string run = CliRunner.TempFolder();
            var train = CliRunner.Run("train", "--data", Data, "--limit", "60", "--encoding", "rate", "--ticks", "10", "--tick-us", "1000", "--hidden", "400", "--epochs", "1", "--batch", "20", "--out", run);
            Assert.True(train.Exit == 0, train.Error + train.Output);
            Path = System.IO.Path.Combine(run, "checkpoint.seckpt");
        }

        public static string Data => System.IO.Path.Combine(TestPaths.RepoRoot, "trainer", "data", "fashion-mnist-subset");

        public string Path { get; }
    }
}
