using Spiking.Edge.Host.Classification;
using Spiking.Edge.Host.Running;
using Spiking.Edge.Host.Tests.Support;

namespace Spiking.Edge.Host.Tests.Running;

public class HostRunTests
{
    [Fact]
    public void A_labelled_recording_prints_the_header_one_line_per_window_and_the_summary()
    {
        string folder = TestEvents.TempFolder();
        string model = HostTestModels.Write(folder);
        var events = TestEvents.Random(seed: 31, count: 3_000, width: 34, height: 34, meanGapMicroseconds: 50);
        string recording = TestEvents.WriteNMnist(Path.Combine(folder, "3"), events);
        var output = new StringWriter();

        var summary = HostRun.Execute(new HostRunOptions { ModelPath = model, Source = "file:" + recording, MaxWindows = 4, WindowMilliseconds = 20 }, output, CancellationToken.None);

        string[] lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(["model", "windows", "energy", "source", "labels", "input"], lines[..6].Select(l => l.Split(' ')[0]));
        Assert.Equal(4, lines.Count(l => l.StartsWith("window ", StringComparison.Ordinal)));
        Assert.StartsWith("summary  4 windows (0 truncated), stopped by --max-windows 4; accuracy ", lines[^1], StringComparison.Ordinal);
        Assert.Contains("labels   every window is class 3", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, summary.LabelledWindows);
        Assert.Equal(StopReason.MaxWindows, summary.StopReason);
        var expected = WindowOracle.FixedDuration(HostTestModels.Build(), events, 20_000, 20_000);
        string[] windowLines = lines.Where(l => l.StartsWith("window ", StringComparison.Ordinal)).ToArray();
        for (int i = 0; i < 4; i++)
        {
            Assert.Contains($"prediction {expected[i].Predicted}", windowLines[i], StringComparison.Ordinal);
            Assert.Contains($"SynOps {expected[i].SynOps} ", windowLines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_folder_that_is_not_a_label_gives_no_accuracy()
    {
        string folder = TestEvents.TempFolder();
        string model = HostTestModels.Write(folder);
        string recording = TestEvents.WriteNMnist(Path.Combine(folder, "unsorted"), TestEvents.Random(32, 800, 34, 34, 50));
        var output = new StringWriter();

        var summary = HostRun.Execute(new HostRunOptions { ModelPath = model, Source = "file:" + recording }, output, CancellationToken.None);

        Assert.Null(summary.Accuracy);
        Assert.Contains("accuracy unknown (no labels)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(StopReason.EndOfStream, summary.StopReason);
    }

    [Fact]
    public void The_folder_label_must_be_one_of_the_models_labels()
    {
        Assert.Equal("3", HostRun.FolderLabel("/data/Train/3/00001.bin", ["0", "1", "2", "3"]));
        Assert.Null(HostRun.FolderLabel("/data/Train/cat/00001.bin", ["0", "1"]));
    }

    [Theory]
    [InlineData("--max-windows", "--max-windows 0: must be 1 or more")]
    [InlineData("--duration-s", "--duration-s -1: must be a positive number of seconds")]
    public void Bad_limits_are_refused_before_anything_is_opened(string option, string message)
    {
        var options = new HostRunOptions
        {
            ModelPath = "/nonexistent/model.semodel",
            Source = "file:/nonexistent.bin",
            MaxWindows = option == "--max-windows" ? 0 : null,
            DurationSeconds = option == "--duration-s" ? -1 : null,
        };

        var error = Assert.Throws<HostOptionException>(() => HostRun.Execute(options, new StringWriter(), CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_malformed_model_is_refused_naming_the_file()
    {
        string folder = TestEvents.TempFolder();
        string model = Path.Combine(folder, "broken.semodel");
        byte[] bytes = HostTestModels.Build();
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(model, bytes);

        var error = Assert.Throws<InvalidDataException>(() => HostRun.Execute(new HostRunOptions { ModelPath = model, Source = "genx320" }, new StringWriter(), CancellationToken.None));

        Assert.StartsWith(model + ": ChecksumMismatch", error.Message, StringComparison.Ordinal);
    }
}
