using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Tests.Formats.Aedat.Aedat31Bytes;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

public class Aedat31DecoderTests
{
    private static readonly byte[] DavisHeader = Header(Davis346Header);

    public static TheoryData<string> AllFixtures => new(Fixtures.Keys);

    private static Dictionary<string, byte[]> Fixtures { get; } = new()
    {
        ["polarity-and-other-packets"] = Concat(
            DavisHeader,
            Polarity(0, 0, (1, 2, 1, 10, true), (345, 259, 0, 20, true)),
            Other(0, 8, 2),
            Other(2, 40, 1),
            Polarity(1, 0, (7, 8, 1, 5, true))),
        ["invalid-backward-and-spare-capacity"] = Concat(
            DavisHeader,
            Polarity(0, 2, (1, 1, 1, 100, true), (2, 2, 1, 101, false), (3, 3, 0, 99, true), (4, 4, 1, 102, true)),
            Polarity(0, 0, (5, 5, 1, 103, true))),
        ["empty-packets"] = Concat(DavisHeader, Polarity(0, 0), Other(3, 36, 0), Polarity(0, 1)),
        ["no-source-line"] = Concat(Header("#!AER-DAT3.1", "#!END-HEADER"), Polarity(0, 0, (5000, 7000, 1, 1, true))),
        ["xml-size-attributes"] = Concat(
            Header("#!AER-DAT3.1", "#-Source 1: <node name=\"sourceInfo\"><attr key=\"dvsSizeX\" type=\"short\">240</attr><attr key=\"dvsSizeY\" type=\"short\">180</attr></node>", "#!END-HEADER"),
            Polarity(0, 0, (239, 179, 0, 3, true))),
        ["header-only"] = DavisHeader,
        ["aedat2-first-line"] = Header("#!AER-DAT2.0", "#!END-HEADER"),
        ["line-without-hash"] = Header("#!AER-DAT3.1", "Format: RAW", "#!END-HEADER"),
        ["compressed-format"] = Header("#!AER-DAT3.1", "#Format: Compressed", "#!END-HEADER"),
        ["no-end-header"] = Header("#!AER-DAT3.1", "#Format: RAW"),
        ["negative-capacity"] = Concat(DavisHeader, Polarity(0, 0, (1, 1, 1, 1, true)), Packet(1, 8, 4, 0, -1, 0, 0, [])),
        ["number-over-capacity"] = Concat(DavisHeader, Packet(2, 40, 36, 0, 1, 2, 0, new byte[40])),
        ["valid-over-number"] = Concat(DavisHeader, Packet(3, 36, 32, 0, 1, 1, 2, new byte[36])),
        ["timestamp-offset-outside-event"] = Concat(DavisHeader, Packet(3, 36, 33, 0, 1, 1, 1, new byte[36])),
        ["polarity-event-size-16"] = Concat(DavisHeader, Packet(1, 16, 4, 0, 1, 1, 1, new byte[16])),
        ["huge-packet"] = Concat(DavisHeader, Packet(2, 1 << 20, 0, 0, 1 << 10, 0, 0, [])),
        ["negative-timestamp"] = Concat(DavisHeader, Polarity(0, 0, (1, 1, 1, 5, true), (1, 1, 1, -5, true))),
        ["outside-sensor"] = Concat(DavisHeader, Polarity(0, 0, (1, 1, 1, 5, true), (346, 1, 1, 6, true))),
        ["truncated-packet-header"] = Concat(DavisHeader, Polarity(0, 0, (1, 1, 1, 5, true)), new byte[10]),
        ["truncated-packet"] = Concat(DavisHeader, Polarity(0, 0, (1, 1, 1, 5, true), (2, 2, 1, 6, true))[..^4]),
    };

    [Fact]
    public void Polarity_packets_decode_from_the_libcaer_bit_layout_and_other_packets_are_skipped()
    {
        var outcome = Run("polarity-and-other-packets");

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(1, 2, 1, 10), new Event(345, 259, 0, 20), new Event(7, 8, 1, (1L << 31) | 5)], outcome.Events);
        Assert.Equal("events 3, 346 x 260, polarity packets 2, skipped packets 2, invalid 0, backward 0", outcome.Counters);
    }

    [Fact]
    public void Invalid_and_backward_events_are_skipped_and_counted_and_spare_capacity_is_stepped_over()
    {
        var outcome = Run("invalid-backward-and-spare-capacity");

        Assert.Null(outcome.Error);
        Assert.Equal([100L, 102L, 103L], outcome.Events.Select(e => e.TimestampMicroseconds));
        Assert.Equal("events 3, 346 x 260, polarity packets 2, skipped packets 0, invalid 1, backward 1", outcome.Counters);
    }

    [Fact]
    public void Geometry_comes_from_the_source_chip_name_or_size_attributes_and_is_unknown_otherwise()
    {
        Assert.StartsWith("events 3, 346 x 260", Run("polarity-and-other-packets").Counters, StringComparison.Ordinal);
        Assert.StartsWith("events 1, 240 x 180", Run("xml-size-attributes").Counters, StringComparison.Ordinal);
        var unknown = Run("no-source-line");
        Assert.Null(unknown.Error);
        Assert.StartsWith("events 1, 0 x 0", unknown.Counters, StringComparison.Ordinal);
        Assert.Equal(new Event(5000, 7000, 1, 1), unknown.Events.Single());
    }

    [Fact]
    public void Empty_packets_and_a_header_only_file_are_clean()
    {
        Assert.Null(Run("empty-packets").Error);
        Assert.Null(Run("header-only").Error);
        Assert.Empty(Run("header-only").Events);
    }

    [Theory]
    [InlineData("aedat2-first-line", 0, "not an AEDAT 3.1 stream")]
    [InlineData("line-without-hash", 14, "does not start with '#'")]
    [InlineData("compressed-format", 14, "only #Format: RAW")]
    [InlineData("no-end-header", 28, "ends inside the header")]
    public void Malformed_headers_are_refused_at_the_line_offset(string name, long offset, string reason)
    {
        AssertRefused(name, 0, offset, reason);
    }

    [Theory]
    [InlineData("negative-capacity", 1, 1, "event capacity -1 is negative")]
    [InlineData("number-over-capacity", 0, 0, "event number 2 is outside 0..1")]
    [InlineData("valid-over-number", 0, 0, "valid event count 2 is outside 0..1")]
    [InlineData("timestamp-offset-outside-event", 0, 0, "timestamp offset 33 is outside the 36-byte event")]
    [InlineData("polarity-event-size-16", 0, 0, "expected 8 and 4")]
    [InlineData("huge-packet", 0, 0, "packet limit")]
    [InlineData("truncated-packet-header", 1, 1, "truncated packet header: the stream ends after 10 of 28 bytes")]
    [InlineData("truncated-packet", 1, 0, "truncated packet")]
    public void Packets_with_impossible_sizes_or_cut_short_are_refused_at_the_packet_offset(string name, int eventsBefore, int packetsBefore, string reason)
    {
        AssertRefused(name, eventsBefore, DavisHeader.Length + (packetsBefore * (28 + 8)), reason);
    }

    [Theory]
    [InlineData("negative-timestamp", "timestamp -5 is negative")]
    [InlineData("outside-sensor", "x = 346, y = 1 is outside the 346 x 260 sensor")]
    public void Bad_events_are_refused_at_the_event_offset(string name, string reason)
    {
        AssertRefused(name, 1, DavisHeader.Length + 28 + 8, reason);
    }

    [Fact]
    public void An_empty_stream_is_refused()
    {
        var outcome = AedatDecodeHarness.Run(() => new Aedat31Decoder("fixture"), Counters, [], [], 4);

        Assert.Contains("empty stream", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_line_longer_than_the_limit_is_refused()
    {
        byte[] data = Concat(Header("#!AER-DAT3.1"), Enumerable.Repeat((byte)'#', Aedat31Decoder.MaxHeaderLineBytes + 1).ToArray());

        var outcome = AedatDecodeHarness.Run(() => new Aedat31Decoder("fixture"), Counters, data, [100, 5000], 4);

        Assert.Equal(14, outcome.Error!.Offset);
        Assert.Contains("header line longer than", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Splitting_a_fixture_anywhere_gives_the_same_events_counters_and_error(string name)
    {
        AedatDecodeHarness.AssertSplitInvariant(() => new Aedat31Decoder("fixture"), Counters, Fixtures[name]);
    }

    [Fact]
    public void Decoder_stays_failed_after_an_error_until_reset()
    {
        byte[] bad = Fixtures["outside-sensor"];
        var decoder = new Aedat31Decoder("s");
        var output = new Event[8];

        Assert.Equal(1, decoder.Decode(bad, 0, bad.Length, output, 0, output.Length, out _));
        Assert.Throws<EventStreamException>(() => decoder.Decode(bad, 0, 0, output, 0, output.Length, out _));
        Assert.False(decoder.Complete(out _));

        decoder.Reset();
        byte[] good = Fixtures["polarity-and-other-packets"];
        Assert.Equal(3, decoder.Decode(good, 0, good.Length, output, 0, output.Length, out int consumed));
        Assert.Equal(good.Length, consumed);
        Assert.True(decoder.Complete(out _));
        Assert.Equal("DAVIS346B", decoder.SourceChip);
    }

    private static void AssertRefused(string name, int eventsBefore, long offset, string reason)
    {
        var outcome = Run(name);

        Assert.Equal(eventsBefore, outcome.Events.Count);
        Assert.NotNull(outcome.Error);
        Assert.Equal(offset, outcome.Error.Offset);
        Assert.StartsWith($"fixture: byte offset {offset}: ", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, outcome.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Error.Message);
    }

    private static AedatOutcome Run(string name) =>
        AedatDecodeHarness.Run(() => new Aedat31Decoder("fixture"), Counters, Fixtures[name], [], 16);

    private static string Counters(IEventDecoder decoder)
    {
        var d = (Aedat31Decoder)decoder;
        return $"polarity packets {d.PolarityPacketCount}, skipped packets {d.SkippedPacketCount}, invalid {d.InvalidEventCount}, backward {d.BackwardTimestampCount}";
    }
}
