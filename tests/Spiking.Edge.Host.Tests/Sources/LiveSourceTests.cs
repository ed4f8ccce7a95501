using Spiking.Edge.Devices.Sensors.GenX320;
using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Host.Classification;
using Spiking.Edge.Host.Sources;
using Spiking.Edge.Host.Tests.Support;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Host.Tests.Sources;

/// <summary>The live sources end to end: bytes on a simulated bus or a scripted stream → events → windows → predictions.</summary>
public class LiveSourceTests
{
    private static readonly byte[] Model = HostTestModels.Build(seed: 2);
    private static readonly Event[] Recorded = TestEvents.Random(seed: 320, count: 6_000, width: 320, height: 320, meanGapMicroseconds: 40, startMicroseconds: 700);

    [Fact]
    public void A_serial_link_over_a_scripted_stream_classifies_the_windows_of_its_events()
    {
        byte[] frames = TestEvents.SerialFrames(TestEvents.Evt21(Recorded, 320, 320), maxPayloadBytes: 512);
        using var source = new SerialLinkEventSource(new SerialEventSource(new MemoryStream(frames), "serial test", readChunkBytes: 1_000), 320, 320);
        var classifier = new ContinuousClassifier(Model, new ScalarRowAccumulator(), WindowingOptions.FromCommandLine(20, null, null, null, null));
        var observer = new RecordingObserver();

        var summary = classifier.Run(source, observer, RunLimits.None, CancellationToken.None);

        Assert.Equal(StopReason.EndOfStream, summary.StopReason);
        Assert.Equal(Recorded.Length, summary.EventsRead);
        Assert.True(source.IsLive);
        Assert.Equal(0, source.Link.Counters.CrcFailures);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, Downsampled(Recorded), 20_000, 20_000), observer.Windows);
    }

    [Fact]
    public void A_genx320_on_simulated_buses_classifies_windows_until_the_window_limit()
    {
        var i2c = new SimulatedI2cDevice(GenX320Fields.MassProductionChipId);
        var spi = new SimulatedSpiDevice(TestEvents.Evt21(Recorded, 320, 320));
        var spec = (GenX320SourceSpec)EventSourceSpec.Parse("genx320:chunk=1000,roi=300x300+10+10,erc=5000000,stc=10000");
        var sensor = new GenX320Sensor(i2c, new SpiEventDataPort(spi), null, spec.CreateOptions(_ => { }));
        using var source = new GenX320EventSource(sensor, spec);
        var classifier = new ContinuousClassifier(Model, new ScalarRowAccumulator(), WindowingOptions.FromCommandLine(20, null, null, null, null));
        var observer = new RecordingObserver();

        var summary = classifier.Run(source, observer, new RunLimits { MaxWindows = 8 }, CancellationToken.None);

        Assert.Equal(StopReason.MaxWindows, summary.StopReason);
        var expected = WindowOracle.FixedDuration(Model, Downsampled(Recorded), 20_000, 20_000);
        Assert.True(expected.Count > 8, $"the recording makes only {expected.Count} windows");
        WindowOracle.AssertSame(expected.Take(8).ToList(), observer.Windows);
        Assert.True(sensor.IsStreaming);
        Assert.Equal(new GenX320Window(10, 10, 300, 300), sensor.RegionOfInterest);
        Assert.Equal(5_000_000, sensor.EventRateLimitPerSecond);
        Assert.Equal(10_000, sensor.SpatioTemporalFilterThresholdMicroseconds);
        Assert.Contains("ROI 300x300+10+10", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_a_genx320_source_stops_streaming()
    {
        var i2c = new SimulatedI2cDevice(GenX320Fields.MassProductionChipId);
        var spec = (GenX320SourceSpec)EventSourceSpec.Parse("genx320");
        var sensor = new GenX320Sensor(i2c, new SpiEventDataPort(new SimulatedSpiDevice([])), null, spec.CreateOptions(_ => { }));
        var source = new GenX320EventSource(sensor, spec);

        source.Dispose();

        Assert.False(sensor.IsStreaming);
        Assert.Equal(0x802u, i2c.Registers[(ushort)GenX320Register.RoiControl]); // pixels held in software reset
    }

    [Fact]
    public void A_quiet_live_source_closes_its_open_window_once_stream_time_has_passed()
    {
        // A burst, then silence that never ends: only idle time can close the window.
        var burst = TestEvents.Random(seed: 9, count: 300, width: 320, height: 320, meanGapMicroseconds: 5);
        var spi = new SimulatedSpiDevice(TestEvents.Evt21(burst, 320, 320));
        var spec = (GenX320SourceSpec)EventSourceSpec.Parse("genx320");
        var sensor = new GenX320Sensor(new SimulatedI2cDevice(GenX320Fields.MassProductionChipId), new SpiEventDataPort(spi), null, spec.CreateOptions(_ => { }));
        using var source = new GenX320EventSource(sensor, spec);
        var classifier = new ContinuousClassifier(Model, new ScalarRowAccumulator(), WindowingOptions.FromCommandLine(5, null, null, null, null));
        var observer = new RecordingObserver();

        var summary = classifier.Run(source, observer, new RunLimits { MaxWindows = 1 }, CancellationToken.None);

        Assert.Equal(StopReason.MaxWindows, summary.StopReason);
        var expected = WindowOracle.FixedDuration(Model, Downsampled(burst), 5_000, 5_000);
        WindowOracle.AssertSame(expected.Take(1).ToList(), observer.Windows);
        Assert.False(observer.Windows[0].Truncated);
    }

    private static Event[] Downsampled(Event[] events)
    {
        var copy = (Event[])events.Clone();
        int kept = new SpatialDownsample(320, 320, HostTestModels.Side, HostTestModels.Side, 1).Apply(copy, 0, copy.Length);
        Assert.Equal(copy.Length, kept);
        return copy;
    }
}
