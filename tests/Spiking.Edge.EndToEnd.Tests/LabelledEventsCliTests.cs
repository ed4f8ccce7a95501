using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>train → eval → export → eval on a crafted 64 × 64 RAW-file data set read through --transform downsample:16x16.</summary>
[Collection("TorchSharp")]
public sealed class LabelledEventsCliTests : IDisposable
{
    private static readonly string[] Classes = ["bottom", "left", "top"];
    private readonly string _data = CliRunner.TempFolder();
    private readonly string _run = CliRunner.TempFolder();

    public LabelledEventsCliTests()
    {
        var random = new Random(1);
        foreach (var (split, count) in new[] { ("Train", 8), ("Test", 2) })
        {
            for (int label = 0; label < Classes.Length; label++)
            {
                string folder = Path.Combine(_data, split, Classes[label]);
                Directory.CreateDirectory(folder);
                for (int i = 0; i < count; i++)
                {
                    var format = i % 2 == 0 ? EventWriteFormat.Evt21 : EventWriteFormat.Evt3;
                    EventFiles.Write(Path.Combine(folder, $"{i:D2}.raw"), Blob(random, label), 64, 64, format);
                }
            }
        }
    }

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_run, recursive: true);
    }

    [Fact]
    public void A_network_trained_through_a_transform_evaluates_and_exports_with_the_same_transform()
    {
        var train = CliRunner.Run(
            "train", "--data", _data, "--transform", "Downsample:16x16", "--augment", "shift:1,drop:0.1", "--out", _run,
            "--epochs", "1", "--hidden", "16", "--batch", "6", "--ticks", "10", "--tick-us", "10000");
        Assert.True(train.Exit == 0, train.Error);
        Assert.Contains("16×16×2 input (recorded events, transform downsample:16x16, training augmentation drop:0.1,shift:1), 3 classes", train.Output, StringComparison.Ordinal);
        string checkpoint = Path.Combine(_run, "checkpoint.seckpt");

        var eval = CliRunner.Run("eval", "--checkpoint", checkpoint, "--data", _data);
        Assert.True(eval.Exit == 0, eval.Error);
        Assert.Contains("on 6 Test samples", eval.Output, StringComparison.Ordinal);

        string model = Path.Combine(_run, "model.semodel");
        var export = CliRunner.Run("export", "--checkpoint", checkpoint, "--data", _data, "--prune", "0", "--out", model);
        Assert.True(export.Exit == 0, export.Error + export.Output);
        Assert.Contains("agree bit for bit", export.Output, StringComparison.Ordinal);

        var inspect = CliRunner.Run("inspect", model);
        Assert.True(inspect.Exit == 0, inspect.Error);
        Assert.Contains("512 inputs", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("transform: downsample:16x16", inspect.Output, StringComparison.Ordinal);

        var evalModel = CliRunner.Run("eval", "--model", model, "--data", _data, "--transform", "downsample:16X16");
        Assert.True(evalModel.Exit == 0, evalModel.Error);
        Assert.Contains("integer accuracy", evalModel.Output, StringComparison.Ordinal);
        Assert.Contains("on 6 Test samples", evalModel.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transform_other_than_the_trained_one_is_refused_in_one_line()
    {
        var train = CliRunner.Run(
            "train", "--data", _data, "--transform", "downsample:16x16", "--out", _run, "--epochs", "1", "--hidden", "8", "--ticks", "10", "--tick-us", "10000");
        Assert.True(train.Exit == 0, train.Error);
        string checkpoint = Path.Combine(_run, "checkpoint.seckpt");
        string model = Path.Combine(_run, "model.semodel");
        Assert.Equal(0, CliRunner.Run("export", "--checkpoint", checkpoint, "--data", _data, "--prune", "0", "--out", model).Exit);

        AssertOneLineFailure(
            CliRunner.Run("eval", "--checkpoint", checkpoint, "--data", _data, "--transform", "downsample:8x8"),
            "--transform downsample:8x8 differs from the checkpoint's downsample:16x16");
        AssertOneLineFailure(
            CliRunner.Run("eval", "--model", model, "--data", _data, "--transform", "downsample:8x8"),
            "--transform downsample:8x8 differs from the model file's downsample:16x16");
        AssertOneLineFailure(
            CliRunner.Run("export", "--checkpoint", checkpoint, "--data", _data, "--transform", "downsample:4", "--out", Path.Combine(_run, "other.semodel")),
            "--transform downsample:4 differs from the checkpoint's downsample:16x16");
        Assert.False(File.Exists(Path.Combine(_run, "other.semodel")));
        AssertOneLineFailure(
            CliRunner.Run("train", "--data", _data, "--out", _run, "--epochs", "2", "--resume", "--transform", "downsample:8x8"),
            "--transform downsample:8x8 differs from the checkpoint's downsample:16x16");
    }

    [Theory]
    [InlineData("--transform", "downsample:99x99", "--transform: transform element 1 \"downsample:99x99\": outputWidth must be within 1..inputWidth (64), got 99 (input 64 x 64) (file ")]
    [InlineData("--transform", "blur:3", "--transform: transform element 1 \"blur:3\": unknown transform \"blur\"")]
    [InlineData("--augment", "shift:2,wobble", "--augment: augment element 2 \"wobble\": unknown augmentation \"wobble\"")]
    [InlineData("--augment", "drop:2", "--augment: augment element 1 \"drop:2\": \"2\" is not a fraction in (0, 1)")]
    public void Bad_transform_and_augmentation_specs_are_refused_in_one_line(string flag, string spec, string expected)
    {
        var result = CliRunner.Run("train", "--data", _data, flag, spec, "--out", _run, "--epochs", "1", "--hidden", "8");

        AssertOneLineFailure(result, expected);
        Assert.False(File.Exists(Path.Combine(_run, "checkpoint.seckpt")));
    }

    private static void AssertOneLineFailure((int Exit, string Output, string Error) result, string expected)
    {
        Assert.Equal(1, result.Exit);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    /// <summary>300 events over 0..99 ms in the bottom, left or top quarter band of a 64 × 64 sensor.</summary>
    private static Event[] Blob(Random random, int label)
    {
        var events = new Event[300];
        for (int i = 0; i < events.Length; i++)
        {
            int along = random.Next(64), across = random.Next(16);
            var (x, y) = label switch
            {
                0 => (along, 48 + across),
                1 => (across, along),
                _ => (along, across),
            };
            events[i] = new Event((ushort)x, (ushort)y, (byte)random.Next(2), i * 330L);
        }

        return events;
    }
}
