using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

public class GenX320ConfigurationTests
{
    [Fact]
    public void A_region_of_interest_is_written_to_the_first_window_and_applied_by_the_roi_master()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        rig.I2c.Registers[0x0044] = 0x15;   // roi_hold_time 0xA in bits 1-5, register interface enabled in bit 0
        rig.I2c.Registers[0x0000] = 0xC02;  // ROI programming halted (as after StartStreaming)

        sensor.SetRegionOfInterest(new GenX320Window(X: 40, Y: 8, Width: 100, Height: 200));

        Assert.Equal(40u | (140u << 16), rig.I2c.Last(0x0400));
        Assert.Equal(8u | (208u << 16), rig.I2c.Last(0x0404));
        Assert.Equal(0x14u, rig.I2c.Last(0x0044));            // only the interface bit cleared
        Assert.Equal(0x402u, rig.I2c.Last(0x0000));           // halt bit 11 cleared, the rest kept
        Assert.Equal(0b1_0_1_1u, rig.I2c.Last(0x0034));       // one window, ROI mode, run, enable
        Assert.Equal(0x0034, rig.I2c.Writes[^1].Address);     // the master runs last
        Assert.Equal(new GenX320Window(40, 8, 100, 200), sensor.RegionOfInterest);
    }

    [Fact]
    public void The_full_window_covers_the_whole_array()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();

        sensor.SetRegionOfInterest(GenX320Window.Full);

        Assert.Equal(320u << 16, rig.I2c.Last(0x0400));
        Assert.Equal(320u << 16, rig.I2c.Last(0x0404));
    }

    public static TheoryData<GenX320Window, string> BadWindows => new()
    {
        { new GenX320Window(-1, 0, 10, 10), "window.X" },
        { new GenX320Window(0, 320, 10, 10), "window.Y" },
        { new GenX320Window(300, 0, 21, 10), "window.Width" },
        { new GenX320Window(0, 0, 10, 0), "window.Height" },
    };

    [Theory]
    [MemberData(nameof(BadWindows))]
    public void A_window_leaving_the_array_is_refused_naming_the_field_and_nothing_is_written(GenX320Window window, string field)
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        int writes = rig.I2c.Writes.Count;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sensor.SetRegionOfInterest(window));

        Assert.Equal(field, error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(writes, rig.I2c.Writes.Count);
    }

    [Fact]
    public void An_event_rate_limit_programs_the_count_per_100_us_and_enables_temporal_dropping_last()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        rig.I2c.Registers[0x00B8] = 0x1;
        rig.I2c.Registers[0x00C0] = 0xF8;

        sensor.SetEventRateLimit(1_000_000);

        Assert.Equal(100u, rig.I2c.Last(0x602C));
        Assert.Equal(100u | (1u << 16), rig.I2c.Last(0x6020));
        Assert.Equal(4u | (512u << 4), rig.I2c.Last(0x6014));
        Assert.Equal(0x5u, rig.I2c.Last(0x00B8));             // erc_dl_initn set, other bits kept
        Assert.Equal(0xF0u, rig.I2c.Last(0x00C0));            // erc_dl_pd cleared, other bits kept
        Assert.Equal(0u, rig.I2c.Last(0x60A0));               // delay FIFO not bypassed
        Assert.Equal(new uint[] { 0, 5, 1 }, rig.I2c.WritesTo(0x6000)); // hold, bypass while configuring, enable
        Assert.Equal(0x6000, rig.I2c.Writes[^1].Address);
        Assert.Equal(1_000_000, sensor.EventRateLimitPerSecond);
    }

    [Fact]
    public void An_event_rate_between_two_counts_is_rounded_to_the_nearest_whole_count()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();

        sensor.SetEventRateLimit(12_345_678);

        Assert.Equal(1_235u, rig.I2c.Last(0x602C));
        Assert.Equal(12_350_000, sensor.EventRateLimitPerSecond);
    }

    [Theory]
    [InlineData(9_999)]
    [InlineData(200_000_001)]
    [InlineData(0)]
    public void Event_rates_outside_the_controller_range_are_refused_in_one_line(long rate)
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sensor.SetEventRateLimit(rate));

        Assert.Equal("eventsPerSecond", error.ParamName);
        Assert.Contains("10000..200000000", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Disabling_the_rate_limit_stops_temporal_dropping_and_bypasses_the_controller()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        sensor.SetEventRateLimit(5_000_000);

        sensor.DisableEventRateLimit();

        Assert.Equal(512u << 4, rig.I2c.Last(0x6014));
        Assert.Equal(5u, rig.I2c.Last(0x6000));
        Assert.Equal(0, sensor.EventRateLimitPerSecond);
    }

    [Fact]
    public void The_spatio_temporal_filter_is_enabled_with_its_threshold_in_whole_milliseconds()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        rig.I2c.ReadOverrides[0xD0C4] = 0b100; // SRAM initialisation done
        rig.I2c.Registers[0x00BC] = 0x3FFFFFFF;
        rig.I2c.Registers[0xD00C] = (100_000u << 1) | 1;

        sensor.SetSpatioTemporalFilter(enabled: true, thresholdMicroseconds: 12_400);

        Assert.Equal(1u | (12_000u << 1), rig.I2c.Last(0xD008));
        Assert.Equal(100_000u << 1, rig.I2c.Last(0xD00C));          // trail filter off, its threshold kept
        Assert.Equal(new uint[] { 0b100, 0b001 }, rig.I2c.WritesTo(0xD0C4)); // clear done, request init
        Assert.Equal(0x2u, rig.I2c.Last(0x00B8) & 0x2u);              // ehc_stc_initn
        Assert.Equal(0x3FFFFFFFu & ~(0x1Fu << 15), rig.I2c.Last(0x00BC)); // stc0_pd cleared only
        Assert.Equal(new uint[] { 5, 1 }, rig.I2c.WritesTo(0xD000)); // bypass while configuring, then enable
        Assert.Equal(12_000, sensor.SpatioTemporalFilterThresholdMicroseconds);
    }

    [Fact]
    public void A_filter_whose_memory_never_reports_ready_is_left_in_bypass_with_a_one_line_error()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        rig.I2c.ReadOverrides[0xD0C4] = 0b010; // busy forever

        var error = Assert.Throws<InvalidOperationException>(() => sensor.SetSpatioTemporalFilter(true, 10_000));

        Assert.Equal("GenX320 on I2C bus 1 address 0x3C: the spatio-temporal filter's SRAM did not finish initialising (register 0xD0C4 reads 0x00000002 after 3 reads)", error.Message);
        Assert.Equal(5u, rig.I2c.Last(0xD000));
        Assert.Equal(0, sensor.SpatioTemporalFilterThresholdMicroseconds);
    }

    [Fact]
    public void Disabling_the_spatio_temporal_filter_bypasses_it()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        rig.I2c.ReadOverrides[0xD0C4] = 0b100;
        sensor.SetSpatioTemporalFilter(true, 5_000);

        sensor.SetSpatioTemporalFilter(false, 0);

        Assert.Equal(5u, rig.I2c.Last(0xD000));
        Assert.Equal(0, sensor.SpatioTemporalFilterThresholdMicroseconds);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(100_001)]
    public void Filter_thresholds_outside_1_to_100_ms_are_refused_in_one_line(int threshold)
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sensor.SetSpatioTemporalFilter(true, threshold));

        Assert.Equal("thresholdMicroseconds", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }
}
