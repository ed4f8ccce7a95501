using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Tests.Formats.Aedat.Aedat4Bytes;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

public class Aedat4DecoderTests
{
    private static readonly (int, byte[])[] Interleaved =
    [
        (1, Other("FRME", 20)),
        (0, Events((10, 1, 2, true), (20, 345, 259, false))),
        (2, Other("IMUS", 12)),
        (3, Other("TRIG", 4)),
        (0, Events((30, 5, 6, true))),
    ];

    private static readonly Event[] InterleavedEvents = [new(1, 2, 1, 10), new(345, 259, 0, 20), new(5, 6, 1, 30)];

    public static TheoryData<string> AllFixtures => new(Fixtures.Keys);

    private static Dictionary<string, byte[]> Fixtures { get; } = new()
    {
        ["lz4-interleaved-with-table"] = File(1, Davis346Description(), Compress(1, Other("FTAB", 24)), Interleaved),
        ["lz4-high-interleaved"] = File(2, Davis346Description(), null, Interleaved),
        ["zstd-interleaved-without-table"] = File(3, Davis346Description(), null, Interleaved),
        ["zstd-high-interleaved-with-table"] = File(4, Davis346Description(), Compress(4, Other("FTAB", 8)), Interleaved),
        ["none-interleaved-with-table"] = File(0, Davis346Description(), Other("FTAB", 8), Interleaved),
        ["two-event-streams"] = File(0, Description((0, "EVTS", 10, 10), (5, "EVTS", 20, 20)), null, (0, Events((1, 9, 9, true))), (5, Events((2, 19, 19, false))), (0, Events((3, 0, 0, true)))),
        ["backward-and-empty-packets"] = File(1, Davis346Description(), null, (0, Events((100, 1, 1, true), (90, 2, 2, true), (101, 3, 3, false))), (0, Events()), (0, Events((95, 4, 4, true), (102, 5, 5, true)))),
        ["no-geometry"] = File(0, Description((0, "EVTS", 0, 0)), null, (0, Events((7, 30000, 20000, true)))),
        ["header-only"] = File(3, Davis346Description(), null),
        ["bad-magic"] = [.. "#!AER-DAT3.1\r\n"u8.ToArray(), 0, 0],
        ["header-length-huge"] = [.. Magic, 0, 0, 32, 0],
        ["header-identifier"] = Start(0, -1, Davis346Description(), "XXXX"),
        ["header-compression-7"] = Start(7, -1, Davis346Description()),
        ["description-not-xml"] = Start(0, -1, "<dv><node>"),
        ["description-without-outinfo"] = Start(0, -1, "<dv version=\"2.0\"></dv>"),
        ["description-without-type"] = Start(0, -1, "<dv><node name=\"outInfo\"><node name=\"0\"/></node></dv>"),
        ["description-bad-size"] = Start(0, -1, Description((0, "EVTS", 40000, 10))),
        ["file-data-position-inside-header"] = Start(0, 5, Davis346Description()),
        ["unknown-stream"] = [.. Start(0, -1, Davis346Description()), .. Packet(9, Other("EVTS", 1))],
        ["negative-packet-size"] = [.. Start(0, -1, Davis346Description()), .. PacketHeader(0, -1)],
        ["packet-size-over-limit"] = [.. Start(0, -1, Davis346Description()), .. PacketHeader(1, Aedat4Format.MaxPacketBytes + 1)],
        ["packet-past-table"] = [.. Start(0, Start(0, -1, Davis346Description()).Length + 10, Davis346Description()), .. Packet(1, Other("FRME", 8))],
        ["empty-event-body"] = [.. Start(0, -1, Davis346Description()), .. Packet(0, [])],
        ["wrong-identifier"] = File(0, Davis346Description(), null, (0, Events("FRME", (1, 1, 1, true)))),
        ["truncated-lz4-frame"] = [.. Start(1, -1, Davis346Description()), .. Packet(0, Compress(1, Events((1, 1, 1, true)))[..^4])],
        ["lz4-frame-without-magic"] = [.. Start(1, -1, Davis346Description()), .. Packet(0, Compress(1, Events((1, 1, 1, true)))[1..])],
        ["truncated-zstd-frame"] = [.. Start(3, -1, Davis346Description()), .. Packet(0, Compress(3, Events((1, 1, 1, true)))[..^3])],
        ["size-prefix-too-large"] = [.. Start(0, -1, Davis346Description()), .. Packet(0, [.. BitConverter.GetBytes(1000), .. Events((1, 1, 1, true))[4..]])],
        ["vector-outside-body"] = [.. Start(0, -1, Davis346Description()), .. Packet(0, HugeVector(Events((1, 1, 1, true))))],
        ["event-outside-sensor"] = File(0, Davis346Description(), null, (0, Events((1, 1, 1, true))), (0, Events((2, 2, 2, true), (3, 346, 2, true)))),
        ["negative-timestamp"] = File(0, Davis346Description(), null, (0, Events((1, 1, 1, true))), (0, Events((2, 2, 2, true), (-3, 3, 3, true)))),
        ["truncated-header"] = Start(1, -1, Davis346Description())[..^5],
        ["truncated-packet"] = File(1, Davis346Description(), null, (0, Events((1, 1, 1, true))), (0, Events((2, 2, 2, true))))[..^3],
        ["truncated-packet-header"] = [.. File(1, Davis346Description(), null, (0, Events((1, 1, 1, true)))), 0, 0, 0],
        ["ends-before-table"] = [.. Start(0, Start(0, -1, Davis346Description()).Length + 100, Davis346Description()), .. Packet(1, Other("FRME", 8))],
    };

    private static int HeaderLength => Start(0, -1, Davis346Description()).Length;

    [Theory]
    [InlineData("lz4-interleaved-with-table", Aedat4Compression.Lz4)]
    [InlineData("lz4-high-interleaved", Aedat4Compression.Lz4High)]
    [InlineData("zstd-interleaved-without-table", Aedat4Compression.Zstd)]
    [InlineData("zstd-high-interleaved-with-table", Aedat4Compression.ZstdHigh)]
    [InlineData("none-interleaved-with-table", Aedat4Compression.None)]
    public void Event_packets_decode_with_each_compression_and_other_streams_are_skipped(string name, Aedat4Compression compression)
    {
        var outcome = Run(name);

        Assert.Null(outcome.Error);
        Assert.Equal(InterleavedEvents, outcome.Events);
        Assert.Contains($"events 3, 346 x 260, packets 2, skipped 3, backward 0", outcome.Counters, StringComparison.Ordinal);
        Assert.Contains($"compression {compression}", outcome.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_file_data_table_decoding_stops_at_its_position_and_counts_its_bytes()
    {
        byte[] data = Fixtures["lz4-interleaved-with-table"];
        int table = Compress(1, Other("FTAB", 24)).Length;

        var outcome = Run("lz4-interleaved-with-table");

        Assert.EndsWith($"table bytes {table}, compression Lz4, fdp {data.Length - table}", outcome.Counters, StringComparison.Ordinal);
        Assert.EndsWith("table bytes 0, compression Zstd, fdp -1", Run("zstd-interleaved-without-table").Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_stream_is_decoded_in_file_order_unless_one_is_chosen()
    {
        byte[] data = Fixtures["two-event-streams"];

        var all = Run("two-event-streams");
        var chosen = AedatDecodeHarness.Run(() => new Aedat4Decoder("fixture", eventStreamId: 5), Counters, data, [], 16);

        Assert.Equal([new Event(9, 9, 1, 1), new Event(19, 19, 0, 2), new Event(0, 0, 1, 3)], all.Events);
        Assert.StartsWith("events 3, 10 x 10", all.Counters, StringComparison.Ordinal);
        Assert.Equal([new Event(19, 19, 0, 2)], chosen.Events);
        Assert.StartsWith("events 1, 20 x 20, packets 1, skipped 2", chosen.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_earlier_than_the_previous_are_skipped_and_counted_and_empty_packets_are_legal()
    {
        var outcome = Run("backward-and-empty-packets");

        Assert.Null(outcome.Error);
        Assert.Equal([100L, 101L, 102L], outcome.Events.Select(e => e.TimestampMicroseconds));
        Assert.Contains("packets 3, skipped 0, backward 2", outcome.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_without_size_info_has_unknown_geometry_and_a_header_only_file_is_clean()
    {
        var outcome = Run("no-geometry");

        Assert.Null(outcome.Error);
        Assert.StartsWith("events 1, 0 x 0", outcome.Counters, StringComparison.Ordinal);
        Assert.Equal(new Event(30000, 20000, 1, 7), outcome.Events.Single());
        Assert.Null(Run("header-only").Error);
    }

    [Theory]
    [InlineData("bad-magic", 0, "not an AEDAT 4.0 stream")]
    [InlineData("header-length-huge", 14, "IOHeader length 2097152 is outside")]
    [InlineData("header-identifier", 18, "IOHeader: file identifier 'XXXX' is not IOHE")]
    [InlineData("header-compression-7", 18, "compression 7 is not one of 0..4")]
    [InlineData("description-not-xml", 18, "not well-formed XML")]
    [InlineData("description-without-outinfo", 18, "no outInfo node")]
    [InlineData("description-without-type", 18, "stream 0 has no typeIdentifier")]
    [InlineData("description-bad-size", 18, "sizeX '40000' is not a size")]
    [InlineData("file-data-position-inside-header", 18, "file data position 5 is neither -1 nor after the header")]
    [InlineData("truncated-header", 0, "ends inside the file header")]
    public void Malformed_headers_are_refused_at_the_header_offset(string name, long offset, string reason)
    {
        AssertRefused(name, 0, offset, reason);
    }

    [Theory]
    [InlineData("unknown-stream", "stream id 9 is not in the file description")]
    [InlineData("negative-packet-size", "packet size -1 is outside")]
    [InlineData("packet-size-over-limit", "packet size 67108865 is outside 0..67108864")]
    [InlineData("packet-past-table", "runs past the file data table")]
    [InlineData("empty-event-body", "has an empty body")]
    [InlineData("wrong-identifier", "file identifier 'FRME' is not EVTS")]
    [InlineData("truncated-lz4-frame", "the LZ4 body is corrupt or truncated")]
    [InlineData("lz4-frame-without-magic", "the LZ4 body is corrupt or truncated")]
    [InlineData("truncated-zstd-frame", "the Zstandard body is corrupt or truncated")]
    [InlineData("size-prefix-too-large", "size prefix 1000 exceeds")]
    [InlineData("vector-outside-body", "the events at")]
    [InlineData("truncated-packet", "truncated packet: the stream ends inside its")]
    public void Malformed_packets_are_refused_at_the_packet_offset(string name, string reason)
    {
        // Each of these fails on its first or second packet; the second follows a one-event packet.
        byte[] data = Fixtures[name];
        var first = AedatDecodeHarness.Run(() => new Aedat4Decoder("fixture"), Counters, data, [], 16);
        long offset = first.Events.Count == 0 ? HeaderLength : HeaderLength + Packet(0, Compress(CompressionOf(name), Events((1, 1, 1, true)))).Length;

        AssertRefused(name, first.Events.Count, offset, reason);
    }

    [Theory]
    [InlineData("event-outside-sensor", "event 1 of the EVTS packet: x = 346, y = 2 is outside the 346 x 260 sensor of stream 0")]
    [InlineData("negative-timestamp", "event 1 of the EVTS packet: timestamp -3 is negative")]
    public void Bad_events_are_refused_after_the_events_before_them(string name, string reason)
    {
        AssertRefused(name, 2, HeaderLength + Packet(0, Events((1, 1, 1, true))).Length, reason);
    }

    [Theory]
    [InlineData("truncated-packet-header", "truncated packet header: the stream ends after 3 of 8 bytes")]
    [InlineData("ends-before-table", "the stream ends before the file data table")]
    public void A_stream_ending_between_or_inside_packet_headers_is_refused(string name, string reason)
    {
        byte[] data = Fixtures[name];
        var outcome = Run(name);

        Assert.NotNull(outcome.Error);
        Assert.Contains(reason, outcome.Error.Message, StringComparison.Ordinal);
        Assert.Equal(name == "ends-before-table" ? data.Length : data.Length - 3, outcome.Error.Offset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_body_decompressing_beyond_the_limit_is_refused_at_its_packet(int compression)
    {
        // 5000 events (80 kB) compress to a few hundred bytes; the limit here is 64 kB.
        var many = Enumerable.Range(0, 5000).Select(i => ((long)i, (short)1, (short)1, true)).ToArray();
        byte[] data = File(compression, Davis346Description(), null, (0, Events(many)));

        var outcome = AedatDecodeHarness.Run(() => new Aedat4Decoder("fixture", null, 1 << 16), Counters, data, [], 16);

        Assert.Empty(outcome.Events);
        Assert.Equal(HeaderLength, outcome.Error!.Offset);
        Assert.Contains("exceeds the 65536-byte limit", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_stream_is_refused()
    {
        var outcome = AedatDecodeHarness.Run(() => new Aedat4Decoder("fixture"), Counters, [], [], 4);

        Assert.Contains("empty stream", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Splitting_a_fixture_anywhere_gives_the_same_events_counters_and_error(string name)
    {
        AedatDecodeHarness.AssertSplitInvariant(() => new Aedat4Decoder("fixture"), Counters, Fixtures[name]);
    }

    [Fact]
    public void A_packet_is_not_fully_consumed_until_its_last_event_is_delivered()
    {
        byte[] data = Fixtures["none-interleaved-with-table"];
        using var decoder = new Aedat4Decoder();
        var output = new Event[1];
        var events = new List<Event>();
        int offset = 0;
        while (offset < data.Length)
        {
            int n = decoder.Decode(data, offset, data.Length - offset, output, 0, 1, out int consumed);
            events.AddRange(output.Take(n));
            offset += consumed;
            Assert.True(n > 0 || consumed > 0);
        }

        decoder.Finish();
        Assert.Equal(InterleavedEvents, events);
    }

    [Fact]
    public void Decoder_stays_failed_after_an_error_until_reset()
    {
        byte[] bad = Fixtures["event-outside-sensor"];
        using var decoder = new Aedat4Decoder("s");
        var output = new Event[8];

        int offset = 0;
        int delivered = 0;
        void DecodeAll()
        {
            while (offset < bad.Length)
            {
                delivered += decoder.Decode(bad, offset, bad.Length - offset, output, 0, output.Length, out int consumed);
                offset += consumed;
            }
        }

        var error = Assert.Throws<EventStreamException>(DecodeAll);
        Assert.Equal(2, delivered);
        Assert.Contains("event 1", error.Message, StringComparison.Ordinal);
        Assert.False(decoder.Complete(out _));

        decoder.Reset();
        byte[] good = Fixtures["lz4-interleaved-with-table"];
        Assert.Equal(3, decoder.Decode(good, 0, good.Length, output, 0, output.Length, out int all));
        Assert.Equal(good.Length, all);
        Assert.True(decoder.Complete(out _));
        Assert.Equal(4, decoder.Streams.Count);
    }

    internal static string Counters(IEventDecoder decoder)
    {
        var d = (Aedat4Decoder)decoder;
        return $"packets {d.EventPacketCount}, skipped {d.SkippedPacketCount}, backward {d.BackwardTimestampCount}, table bytes {d.FileDataTableBytes}, compression {d.Compression}, fdp {d.FileDataPosition}";
    }

    private static int CompressionOf(string name) => name switch
    {
        "truncated-lz4-frame" or "lz4-frame-without-magic" or "truncated-packet" => 1,
        "truncated-zstd-frame" => 3,
        _ => 0,
    };

    // Makes the elements vector claim a million events.
    private static byte[] HugeVector(byte[] body)
    {
        var copy = (byte[])body.Clone();
        int vector = Array.LastIndexOf(copy, (byte)1, copy.Length - 17);
        BitConverter.GetBytes(1_000_000).CopyTo(copy, vector);
        return copy;
    }

    private static void AssertRefused(string name, int eventsBefore, long offset, string reason)
    {
        var outcome = Run(name);

        Assert.Equal(eventsBefore, outcome.Events.Count);
        Assert.NotNull(outcome.Error);
        Assert.Contains(reason, outcome.Error.Message, StringComparison.Ordinal);
        Assert.Equal(offset, outcome.Error.Offset);
        Assert.StartsWith($"fixture: byte offset {offset}: ", outcome.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Error.Message);
    }

    private static AedatOutcome Run(string name) =>
        AedatDecodeHarness.Run(() => new Aedat4Decoder("fixture"), Counters, Fixtures[name], [], 16);
}
