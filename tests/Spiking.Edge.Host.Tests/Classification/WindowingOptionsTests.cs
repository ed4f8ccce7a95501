using Spiking.Edge.Host.Classification;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Host.Tests.Classification;

public class WindowingOptionsTests
{
    [Fact]
    public void Without_options_windows_are_the_models_sample_back_to_back()
    {
        var options = WindowingOptions.FromCommandLine(null, null, null, null, null);
        var segmenter = options.CreateSegmenter(300_000);

        Assert.Equal(SegmentationMode.FixedDuration, segmenter.Mode);
        Assert.Equal((300_000, 300_000), (segmenter.DurationMicroseconds, segmenter.HopMicroseconds));
        Assert.Equal(1, options.MaxOpenWindows(300_000));
        Assert.Equal("fixed duration, 300 ms (the model's sample duration) every 300 ms", options.Describe(300_000));
    }

    [Fact]
    public void Milliseconds_become_whole_microseconds()
    {
        var segmenter = WindowingOptions.FromCommandLine(12.5, 2.0004, null, null, null).CreateSegmenter(1);

        Assert.Equal((12_500, 2_000), (segmenter.DurationMicroseconds, segmenter.HopMicroseconds));
    }

    [Fact]
    public void Overlap_needs_ceil_of_window_over_hop_networks()
    {
        Assert.Equal(4, WindowingOptions.FromCommandLine(100, 25, null, null, null).MaxOpenWindows(1));
        Assert.Equal(5, WindowingOptions.FromCommandLine(100, 24, null, null, null).MaxOpenWindows(1));
        Assert.Equal(1, WindowingOptions.FromCommandLine(10, 25, null, null, null).MaxOpenWindows(1));
        Assert.Equal(3, WindowingOptions.FromCommandLine(null, null, 1_000, 400, null).MaxOpenWindows(1));
        Assert.Equal(1, WindowingOptions.FromCommandLine(50, null, null, null, "rate:10/1").MaxOpenWindows(1));
    }

    [Fact]
    public void Event_count_and_trigger_modes_build_their_segmenters()
    {
        var count = WindowingOptions.FromCommandLine(null, null, 2_000, null, null).CreateSegmenter(1);
        var trigger = WindowingOptions.FromCommandLine(null, null, null, null, "rate:200/2.5").CreateSegmenter(30_000);

        Assert.Equal((SegmentationMode.FixedCount, 2_000, 2_000), (count.Mode, count.WindowEventCount, count.HopEvents));
        Assert.Equal(SegmentationMode.ActivityTriggered, trigger.Mode);
        Assert.Equal((200, 2_500L, 30_000L), (trigger.EventThreshold, trigger.IntervalMicroseconds, trigger.DurationMicroseconds));
    }

    [Theory]
    [InlineData(0.0, null, null, null, null, "--window-ms", "--window-ms 0: must be above 0")]
    [InlineData(-5.0, null, null, null, null, "--window-ms", "--window-ms -5: must be above 0")]
    [InlineData(0.0001, null, null, null, null, "--window-ms", "--window-ms 0.0001: must be within 0.001..3600000 ms")]
    [InlineData(null, 0.0, null, null, null, "--hop-ms", "--hop-ms 0: must be above 0")]
    [InlineData(10.0, null, 100, null, null, "--window-events", "--window-events cuts windows by event count; it cannot be combined with --window-ms, --hop-ms or --trigger")]
    [InlineData(null, null, 0, null, null, "--window-events", "--window-events 0: must be 1 or more")]
    [InlineData(null, null, 10, 0, null, "--hop-events", "--hop-events 0: must be 1 or more")]
    [InlineData(null, null, null, 10, null, "--hop-events", "--hop-events needs --window-events")]
    [InlineData(null, 5.0, null, null, "rate:10/1", "--hop-ms", "--hop-ms does not apply to --trigger (a triggered window starts at the event that triggers it)")]
    [InlineData(null, null, null, null, "rate", "--trigger", "--trigger \"rate\": expected rate:EVENTS/MILLISECONDS, e.g. rate:200/5 (a window opens when 200 events arrive within 5 ms)")]
    [InlineData(null, null, null, null, "rate:0/1", "--trigger", "--trigger \"rate:0/1\": the event count must be within 1..65536")]
    [InlineData(null, null, null, null, "rate:10/0", "--trigger", "--trigger 0: must be above 0")]
    public void Bad_or_contradictory_options_are_refused_naming_the_option(double? windowMs, double? hopMs, int? windowEvents, int? hopEvents, string? trigger, string option, string message)
    {
        var error = Assert.Throws<HostOptionException>(() => WindowingOptions.FromCommandLine(windowMs, hopMs, windowEvents, hopEvents, trigger));

        Assert.Equal(option, error.Option);
        Assert.Equal(message, error.Message);
    }
}
