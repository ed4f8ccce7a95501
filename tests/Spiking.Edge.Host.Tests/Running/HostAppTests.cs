using Spiking.Edge.Host.App;
using Spiking.Edge.Host.Tests.Support;

namespace Spiking.Edge.Host.Tests.Running;

/// <summary>The spiking-edge command, run in-process.</summary>
public class HostAppTests
{
    [Fact]
    public void Run_classifies_a_recording_and_prints_a_summary()
    {
        string folder = TestEvents.TempFolder();
        string model = HostTestModels.Write(folder);
        string recording = TestEvents.WriteNMnist(folder, TestEvents.Random(41, 2_000, 34, 34, 50));

        var (exit, output, error) = Run("run", "--model", model, "--source", "file:" + recording, "--window-events", "500", "--energy-pj", "synop=1");

        Assert.True(exit == 0, error);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("window ", StringComparison.Ordinal)));
        Assert.Contains("windows  fixed count, 500 events every 500 events; 1 network", output, StringComparison.Ordinal);
        Assert.Contains("energy   synop 1 pJ, neuron update 10.3 pJ, event 10.2 pJ (given with --energy-pj", output, StringComparison.Ordinal);
        Assert.Contains("summary  4 windows", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_source_is_one_line_on_stderr_and_exit_code_1()
    {
        string model = HostTestModels.Write(TestEvents.TempFolder());

        var (exit, output, error) = Run("run", "--model", model, "--source", "genx320:spi=zero");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("spiking-edge: source \"genx320:spi=zero\": key \"spi\": \"zero\" is not BUS.CS; expected e.g. spi=0.0 for /dev/spidev0.0 (each 0..255)", error.TrimEnd());
    }

    [Fact]
    public void A_missing_source_is_a_usage_error()
    {
        var (exit, _, error) = Run("run", "--model", "m.semodel");

        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("--source", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_has_help_listing_every_option()
    {
        var (exit, output, _) = Run("run", "--help");

        Assert.Equal(0, exit);
        foreach (string option in new[] { "--model", "--source", "--realtime", "--transform", "--window-ms", "--hop-ms", "--window-events", "--hop-events", "--trigger", "--energy-pj", "--max-windows", "--duration-s", "--scalar" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = HostApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
