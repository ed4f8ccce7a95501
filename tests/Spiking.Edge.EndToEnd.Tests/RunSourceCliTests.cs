using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Host.Tests.Support;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>`spiking run --model M --source S`: continuous classification through Spiking.Edge.Host.</summary>
[Collection("TorchSharp")]
public class RunSourceCliTests
{
    [Fact]
    public void A_file_source_with_a_window_limit_prints_that_many_prediction_lines_and_a_summary()
    {
        string folder = CliRunner.TempFolder();
        string model = WriteModel(folder);
        string recording = WriteRecording(Path.Combine(folder, "7"));

        var (exit, output, error) = CliRunner.Run("run", "--model", model, "--source", "file:" + recording, "--max-windows", "3", "--window-ms", "25");

        Assert.True(exit == 0, error);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Count(l => l.StartsWith("window ", StringComparison.Ordinal)));
        Assert.All(lines.Where(l => l.StartsWith("window ", StringComparison.Ordinal)), l => Assert.Contains(" prediction ", l, StringComparison.Ordinal));
        Assert.StartsWith("summary  3 windows (0 truncated), stopped by --max-windows 3; accuracy ", lines[^1], StringComparison.Ordinal);
        Assert.Contains("mean energy", lines[^1], StringComparison.Ordinal);
        Assert.Contains("labels   every window is class 7", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("webcam:0")]
    [InlineData("genx320:address=0x99")]
    [InlineData("serial:")]
    [InlineData("file:/nonexistent/recording.raw")]
    public void A_bad_source_gives_one_line_and_a_failure_exit_code(string source)
    {
        string model = WriteModel(CliRunner.TempFolder());

        var (exit, output, error) = CliRunner.Run("run", "--model", model, "--source", source);

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("spiking: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_and_a_source_together_are_refused()
    {
        string folder = CliRunner.TempFolder();
        string model = WriteModel(folder);
        string recording = WriteRecording(folder);

        var (exit, _, error) = CliRunner.Run("run", "--model", model, "--source", "file:" + recording, recording);

        Assert.Equal(1, exit);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_option_without_a_source_is_refused_naming_it()
    {
        string folder = CliRunner.TempFolder();
        string model = WriteModel(folder);
        string recording = WriteRecording(folder);

        var (exit, _, error) = CliRunner.Run("run", "--model", model, "--window-ms", "10", recording);

        Assert.Equal(1, exit);
        Assert.Equal("spiking: --window-ms applies to --source runs only", error.TrimEnd());
    }

    [Fact]
    public void Files_without_a_source_still_get_one_line_each()
    {
        string folder = CliRunner.TempFolder();
        string model = WriteModel(folder);
        string recording = WriteRecording(folder);

        var (exit, output, error) = CliRunner.Run("run", "--model", model, recording);

        Assert.True(exit == 0, error);
        Assert.StartsWith("file\tprediction\tlabel\tevents\tsynops", output, StringComparison.Ordinal);
        Assert.Contains(recording + "\t", output, StringComparison.Ordinal);
    }

    /// <summary>The host tests' small valid model (34 × 34 × 2 → 24 LIF → 10 LIF, labels 0..9, 20 ticks of 1 ms).</summary>
    private static string WriteModel(string folder) => HostTestModels.Write(folder);

    /// <summary>An N-MNIST recording of 4,000 seeded events over about 200 ms.</summary>
    private static string WriteRecording(string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(9);
        var events = new Event[4_000];
        long t = 0;
        for (int i = 0; i < events.Length; i++)
        {
            t += random.Next(101);
            events[i] = new Event((ushort)random.Next(34), (ushort)random.Next(34), (byte)random.Next(2), t);
        }

        string path = Path.Combine(folder, "recording.bin");
        EventFiles.Write(path, events, 34, 34, EventWriteFormat.NMnist);
        return path;
    }
}
