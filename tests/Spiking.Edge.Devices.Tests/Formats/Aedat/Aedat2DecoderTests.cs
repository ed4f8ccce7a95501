using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Tests.Formats.Aedat.Aedat2Bytes;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

public class Aedat2DecoderTests
{
    private const int HeaderBytes = 14 + 48 + 27;

    public static TheoryData<string> AllFixtures => new(Fixtures.Keys);

    private static Dictionary<string, (Aedat2Options Options, byte[] Bytes)> Fixtures { get; } = new()
    {
        ["davis-three-events"] = (Aedat2Options.Davis346, Build((Davis(0, 0, 1), 10), (Davis(345, 259, 0), 20), (Davis(100, 50, 1), 20))),
        ["davis-aps-imu-special"] = (Aedat2Options.Davis346, Build((Davis(1, 1, 1), 5), (0x8000_0000u | Davis(3, 3, 0), 6), (0x8000_0C00u, 7), (1u << 10, 8), (Davis(2, 2, 0), 9))),
        ["davis-wrap"] = (Aedat2Options.Davis346, Build((Davis(1, 1, 1), 0xFFFF_FF00u), (0x8000_0000u, 0x10u), (Davis(2, 2, 0), 0x20u))),
        ["davis-backward"] = (Aedat2Options.Davis346, Build((Davis(1, 1, 1), 1000), (Davis(2, 2, 1), 990), (Davis(3, 3, 1), 1001))),
        ["davis-outside-sensor"] = (Aedat2Options.Davis240, Build((Davis(1, 1, 1), 1), (Davis(300, 1, 1), 2))),
        ["dvs128-events-and-special"] = (Aedat2Options.Dvs128, Build((Dvs128(0, 0, 0), 1), (0x8000u, 2), (Dvs128(127, 5, 1), 3))),
        ["header-only"] = (Aedat2Options.Davis346, Build(Header)),
        ["truncated-record"] = (Aedat2Options.Davis346, Build((Davis(1, 1, 1), 1), (Davis(2, 2, 1), 2))[..^3]),
        ["truncated-header"] = (Aedat2Options.Davis346, Build(["#!AER-DAT2.0", "# no end"])[..^2]),
        ["aedat31-magic"] = (Aedat2Options.Davis346, Build(["#!AER-DAT3.1", "#!END-HEADER"])),
    };

    [Fact]
    public void Davis_addresses_decode_from_the_jaer_bit_layout_with_both_axes_mirrored()
    {
        var outcome = Run("davis-three-events");

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(345, 259, 1, 10), new Event(0, 0, 0, 20), new Event(245, 209, 1, 20)], outcome.Events);
    }

    [Fact]
    public void Raw_axes_option_delivers_the_address_fields_unmirrored()
    {
        var options = new Aedat2Options(Aedat2AddressConvention.Davis, 346, 260, rawAxes: true);
        var outcome = AedatDecodeHarness.Run(() => new Aedat2Decoder(options, "fixture"), Counters, Fixtures["davis-three-events"].Bytes, [], 16);

        Assert.Equal([new Event(0, 0, 1, 10), new Event(345, 259, 0, 20), new Event(100, 50, 1, 20)], outcome.Events);
    }

    [Fact]
    public void Dvs128_takes_x_from_bits_1_to_7_y_from_bits_8_to_14_and_raw_polarity_0_as_on()
    {
        var outcome = Run("dvs128-events-and-special");

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(127, 127, 1, 1), new Event(0, 122, 0, 3)], outcome.Events);
        Assert.Contains("special 1", outcome.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void Aps_imu_and_external_input_records_are_skipped_and_counted()
    {
        var outcome = Run("davis-aps-imu-special");

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(344, 258, 1, 5), new Event(343, 257, 0, 9)], outcome.Events);
        Assert.Equal("events 2, 346 x 260, aps-imu 2, special 1, backward 0, wraps 0", outcome.Counters);
    }

    [Fact]
    public void A_32_bit_timestamp_wrap_seen_on_any_record_makes_later_times_monotonic()
    {
        var outcome = Run("davis-wrap");

        Assert.Null(outcome.Error);
        Assert.Equal([0xFFFF_FF00L, (1L << 32) + 0x20], outcome.Events.Select(e => e.TimestampMicroseconds));
        Assert.Contains("wraps 1", outcome.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_earlier_than_the_previous_one_is_skipped_and_counted()
    {
        var outcome = Run("davis-backward");

        Assert.Null(outcome.Error);
        Assert.Equal([1000L, 1001L], outcome.Events.Select(e => e.TimestampMicroseconds));
        Assert.Contains("backward 1", outcome.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_file_is_a_clean_empty_stream()
    {
        var outcome = Run("header-only");

        Assert.Null(outcome.Error);
        Assert.Empty(outcome.Events);
    }

    [Theory]
    [InlineData("davis-outside-sensor", 1, HeaderBytes + 8, "x = 300, y = 1 is outside the 240 x 180 sensor")]
    [InlineData("truncated-record", 1, HeaderBytes + 8, "truncated record: the stream ends after 5 of 8 bytes")]
    [InlineData("truncated-header", 0, 14, "the stream ends inside a header line")]
    [InlineData("aedat31-magic", 0, 0, "not an AEDAT 2.0 stream")]
    public void Malformed_fixture_delivers_the_events_before_it_then_an_error_at_its_offset(string name, int eventsBefore, long offset, string reason)
    {
        var outcome = Run(name);

        Assert.Equal(eventsBefore, outcome.Events.Count);
        Assert.NotNull(outcome.Error);
        Assert.Equal(offset, outcome.Error.Offset);
        Assert.StartsWith($"fixture: byte offset {offset}: ", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, outcome.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Error.Message);
    }

    [Fact]
    public void An_empty_stream_is_refused()
    {
        var outcome = AedatDecodeHarness.Run(() => new Aedat2Decoder(Aedat2Options.Davis346, "fixture"), Counters, [], [], 4);

        Assert.Contains("empty stream", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Splitting_a_fixture_anywhere_gives_the_same_events_counters_and_error(string name)
    {
        var (options, bytes) = Fixtures[name];

        AedatDecodeHarness.AssertSplitInvariant(() => new Aedat2Decoder(options, "fixture"), Counters, bytes);
    }

    [Fact]
    public void Decoder_stays_failed_after_an_error_until_reset()
    {
        byte[] bad = Fixtures["davis-outside-sensor"].Bytes;
        var decoder = new Aedat2Decoder(Aedat2Options.Davis240, "s");
        var output = new Event[8];

        Assert.Equal(1, decoder.Decode(bad, 0, bad.Length, output, 0, output.Length, out _));
        Assert.Throws<EventStreamException>(() => decoder.Decode(bad, 0, 0, output, 0, output.Length, out _));
        Assert.False(decoder.Complete(out _));

        decoder.Reset();
        byte[] good = Fixtures["davis-backward"].Bytes;
        Assert.Equal(2, decoder.Decode(good, 0, good.Length, output, 0, output.Length, out int consumed));
        Assert.Equal(good.Length, consumed);
        Assert.True(decoder.Complete(out _));
    }

    [Theory]
    [InlineData(Aedat2AddressConvention.Davis, 1025, 260, "width")]
    [InlineData(Aedat2AddressConvention.Davis, 346, 513, "height")]
    [InlineData(Aedat2AddressConvention.Davis, 0, 260, "width")]
    [InlineData(Aedat2AddressConvention.Dvs128, 128, 127, "height")]
    public void Sensor_sizes_that_do_not_fit_the_convention_are_refused(Aedat2AddressConvention convention, int width, int height, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Aedat2Options(convention, width, height));

        Assert.Equal(field, error.ParamName);
    }

    private static AedatOutcome Run(string name)
    {
        var (options, bytes) = Fixtures[name];
        return AedatDecodeHarness.Run(() => new Aedat2Decoder(options, "fixture"), Counters, bytes, [], 16);
    }

    private static string Counters(IEventDecoder decoder)
    {
        var d = (Aedat2Decoder)decoder;
        return $"aps-imu {d.ApsImuSampleCount}, special {d.SpecialEventCount}, backward {d.BackwardTimestampCount}, wraps {d.WrapCount}";
    }
}
