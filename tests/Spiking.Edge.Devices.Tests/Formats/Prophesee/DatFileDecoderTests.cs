using System.Text;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class DatFileDecoderTests
{
    private const string Header = "% Data file containing Event2D events.\n% Version 2\n% Date 2020-01-01 12:00:00\n% Height 10\n% Width 40\n";

    private static Func<IPropheseeDecoder> Factory => () => new DatFileDecoder("fixture");

    private static byte[] Record(uint t, int x, int y, int polarity)
        => [.. BitConverter.GetBytes(t), .. BitConverter.GetBytes((uint)(x | (y << 14) | (polarity << 28)))];

    private static byte[] Dat(string header, byte[] typeAndSize, params byte[][] records)
        => [.. Encoding.ASCII.GetBytes(header), .. typeAndSize, .. records.SelectMany(r => r)];

    [Fact]
    public void Cd_records_decode_with_header_geometry_and_the_32_bit_wrap_at_every_split()
    {
        byte[] data = Dat(
            Header,
            [12, 8],
            Record(5, 1, 2, 1),
            Record(5, 39, 9, 0),
            Record(6, 40, 0, 1),            // x = width: dropped
            Record(0xFFFFFFF0, 3, 3, 1),
            Record(0x10, 4, 4, 0));         // wraps: + 2^32

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, data);

        Assert.Null(outcome.Error);
        Assert.Equal(
            [new Event(1, 2, 1, 5), new Event(39, 9, 0, 5), new Event(3, 3, 1, 0xFFFFFFF0), new Event(4, 4, 0, (1L << 32) + 0x10)],
            outcome.Events);
        Assert.Equal(new PropheseeCounters(0, 1, 0, 0, 0, 0, 0, 1), outcome.Counters);
    }

    [Fact]
    public void A_file_without_header_lines_is_bare_event2d_records()
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Dat(string.Empty, [], Record(7, 16383, 16383, 1)));

        Assert.Equal([new Event(16383, 16383, 1, 7)], outcome.Events);
    }

    [Theory]
    [InlineData("ext trigger", 0, "event type 14 (EventExtTrigger) is not supported: only CD events (type 0 Event2D or 12 EventCD)")]
    [InlineData("size 16", 0, "event size 16 bytes for EventCD events; CD records are 8 bytes")]
    [InlineData("time back", 10, "timestamp goes back from 100 us to 99 us, less than half the 2^32 us range")]
    [InlineData("truncated record", 10, "truncated record: the stream ends after 7 of 8 bytes")]
    [InlineData("truncated type", 0, "the stream ends inside the event type and size bytes (1 of 2)")]
    [InlineData("no type", 0, "the stream ends before the event type and size bytes that follow the header")]
    public void Malformed_dat_is_refused_at_the_same_offset_at_every_split(string name, long offsetInBody, string reason)
    {
        byte[] data = name switch
        {
            "ext trigger" => Dat(Header, [14, 24], Record(1, 1, 1, 1)),
            "size 16" => Dat(Header, [12, 16], Record(1, 1, 1, 1)),
            "time back" => Dat(Header, [0, 8], Record(100, 1, 1, 1), Record(99, 1, 1, 1)),
            "truncated record" => Dat(Header, [0, 8], Record(100, 1, 1, 1), Record(101, 1, 1, 1)).SkipLast(1).ToArray(),
            "truncated type" => Dat(Header, [12]),
            "no type" => Dat(Header, []),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such file"),
        };

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, data);

        PropheseeHarness.AssertError(outcome, Header.Length + offsetInBody, reason);
        Assert.Equal(name is "time back" or "truncated record" ? 1 : 0, outcome.Events.Count);
    }

    [Fact]
    public void Malformed_size_line_is_refused_at_its_offset()
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Dat("% Version 2\n% Height abc\n", [12, 8]));

        PropheseeHarness.AssertError(outcome, 12, "Height 'abc' is not a whole number in 0..16384");
    }

    [Fact]
    public void Header_geometry_and_keys_are_reported()
    {
        var decoder = new DatFileDecoder();
        byte[] data = Dat(Header, [12, 8]);

        decoder.Decode(data, 0, data.Length, new Event[1], 0, 1, out _);
        decoder.Finish();

        Assert.Equal((40, 10), (decoder.Width, decoder.Height));
        Assert.Equal("2", decoder.Header["Version"]);
        Assert.Equal("2020-01-01 12:00:00", decoder.Header["Date"]);
    }
}
