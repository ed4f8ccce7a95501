using System.Text;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class RawFileDecoderTests
{
    private const string Evk4Header =
        "% camera_integrator_name Prophesee\n% date 2023-03-29 16:37:46\n% evt 3.0\n% format EVT3;height=10;width=40\n" +
        "% geometry 40x10\n% serial_number 00ca0009\n% end\n";

    private static Func<IPropheseeDecoder> Factory => () => new RawFileDecoder("fixture");

    private static byte[] Raw(string header, params byte[][] body) => [.. Encoding.ASCII.GetBytes(header), .. body.SelectMany(b => b)];

    [Fact]
    public void Evt3_body_after_an_evk4_header_decodes_with_the_header_geometry_at_every_split()
    {
        byte[] body = Evt3Words.Bytes(
            Evt3Words.TimeHigh(1), Evt3Words.AddrY(9), Evt3Words.AddrX(39, 1), Evt3Words.AddrX(40, 1), Evt3Words.AddrY(10), Evt3Words.AddrX(0, 0));

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Raw(Evk4Header, body));

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(39, 9, 1, 4096)], outcome.Events);
        Assert.Equal(2, outcome.Counters.DroppedOutOfGeometry);
    }

    [Fact]
    public void Header_keys_known_and_unknown_are_kept_read_only_with_format_and_geometry()
    {
        var decoder = new RawFileDecoder();
        byte[] data = Raw(Evk4Header);

        decoder.Decode(data, 0, data.Length, new Event[1], 0, 1, out int consumed);
        decoder.Finish();

        Assert.Equal(data.Length, consumed);
        Assert.True(decoder.IsHeaderComplete);
        Assert.Equal(data.Length, decoder.BodyOffset);
        Assert.Equal(RawEventFormat.Evt3, decoder.Format);
        Assert.Equal((40, 10), (decoder.Width, decoder.Height));
        Assert.Equal("00ca0009", decoder.Header["serial_number"]);
        Assert.Equal("2023-03-29 16:37:46", decoder.Header["date"]);
        Assert.Equal("EVT3;height=10;width=40", decoder.Header["format"]);
        Assert.False(decoder.Header.ContainsKey("end"));
        Assert.IsNotType<Dictionary<string, string>>(decoder.Header);
    }

    [Theory]
    [InlineData("% format EVT21;endianness=legacy;height=10;width=40\n% end\n", Evt21ByteOrder.Legacy)]
    [InlineData("% format EVT21;endianness=little;height=10;width=40\n% end\n", Evt21ByteOrder.Little)]
    [InlineData("% format EVT21;height=10;width=40\n% endianness legacy\n% end\n", Evt21ByteOrder.Legacy)]
    [InlineData("% format EVT21;height=10;width=40\n% end\n", Evt21ByteOrder.Little)]
    [InlineData("% evt 2.1\n% geometry 40x10\n% end\n", Evt21ByteOrder.Legacy)]
    public void Evt21_byte_order_comes_from_the_format_then_the_endianness_key_then_the_header_age(string header, Evt21ByteOrder expected)
    {
        byte[] body = Evt21Words.Bytes(expected, Evt21Words.TimeHigh(2), Evt21Words.Vector(0, 1, 32, 9, 0b101));

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Raw(header, body));

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(32, 9, 0, 129), new Event(34, 9, 0, 129)], outcome.Events);
        var decoder = new RawFileDecoder();
        byte[] data = Raw(header);
        decoder.Decode(data, 0, data.Length, new Event[1], 0, 1, out _);
        decoder.Finish();
        Assert.Equal(expected, decoder.ByteOrder);
    }

    [Fact]
    public void Legacy_header_without_end_line_ends_at_a_body_byte_even_a_percent_sign()
    {
        // The body's first word (TIME_HIGH 0x25) starts with byte 0x25 '%' followed by 0x00: not a header line.
        byte[] body = Evt2Words.Bytes(Evt2Words.TimeHigh(0x25), Evt2Words.Cd(1, 1, 2, 3));

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Raw("% evt 2.0\n% geometry 40x10\n", body));

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(2, 3, 1, (0x25 * 64) + 1)], outcome.Events);
    }

    [Fact]
    public void Header_only_file_with_a_format_has_no_events_and_no_error()
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Raw("% format EVT2;height=10;width=40\n% end\n"));

        Assert.Null(outcome.Error);
        Assert.Empty(outcome.Events);
    }

    [Theory]
    [InlineData("% format HISTO3D;height=10;width=10\n% end\n", 0, "format 'HISTO3D' is not supported (EVT2, EVT21 or EVT3)")]
    [InlineData("% date x\n% end\n", 9, "the header names no event format")]
    [InlineData("% date x\n\u0001\u0000", 9, "the header names no event format")]
    [InlineData("% evt 4.0\n% end\n", 0, "evt '4.0' is not supported")]
    [InlineData("% format EVT3;height=10;width=40\n% geometry 40x20\n% end\n", 33, "geometry 40x20 disagrees with the format's width=40;height=10")]
    [InlineData("% format EVT3\n% geometry 40by10\n% end\n", 14, "geometry '40by10' is not WIDTHxHEIGHT")]
    [InlineData("% format EVT3;height=4096;width=40\n% end\n", 0, "format height '4096' is not a whole number in 1..2048")]
    [InlineData("% format EVT21;endianness=big\n% end\n", 0, "format endianness 'big' is not 'little' or 'legacy'")]
    [InlineData("% format EVT21\n% endianness big\n% end\n", 15, "endianness 'big' is not 'little' or 'legacy'")]
    [InlineData("% date x\n% format EVT3;hei", 9, "the stream ends inside a header line")]
    [InlineData("% format EVT3\n%", 14, "the stream ends inside a header line")]
    public void Malformed_header_is_refused_at_the_offending_line_at_every_split(string header, long offset, string reason)
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Raw(header));

        Assert.Empty(outcome.Events);
        PropheseeHarness.AssertError(outcome, offset, reason);
    }

    [Fact]
    public void Header_line_longer_than_the_limit_is_refused_at_its_start()
    {
        byte[] data = Raw("% format EVT3\n% comment " + new string('a', PercentHeader.MaxLineBytes) + "\n% end\n");

        var outcome = PropheseeHarness.Whole(Factory, data);
        PropheseeHarness.AssertSame(outcome, PropheseeHarness.Run(Factory, data, [20, 3000, 4200], 1), "three cuts");

        PropheseeHarness.AssertError(outcome, 14, "header line longer than 4096 bytes");
    }

    [Fact]
    public void Body_errors_are_reported_at_file_offsets()
    {
        const string header = "% format EVT3;height=10;width=40\n% end\n";
        byte[] body = Evt3Words.Bytes(Evt3Words.TimeHigh(1), Evt3Words.AddrY(0), Evt3Words.AddrX(0, 1), Evt3Words.Word(0xB, 0));

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory, Raw(header, body));

        Assert.Single(outcome.Events);
        PropheseeHarness.AssertError(outcome, header.Length + 6, "word type 0xB is reserved in EVT 3.0");
    }

    [Fact]
    public void Reset_forgets_the_header_and_reads_a_new_file()
    {
        var decoder = new RawFileDecoder();
        byte[] first = Raw("% format EVT3;height=10;width=40\n% end\n");
        byte[] second = Raw("% format EVT2;height=20;width=30\n% end\n");
        decoder.Decode(first, 0, first.Length, new Event[1], 0, 1, out _);
        decoder.Finish();

        decoder.Reset();
        Assert.False(decoder.IsHeaderComplete);
        Assert.Empty(decoder.Header);
        decoder.Decode(second, 0, second.Length, new Event[1], 0, 1, out _);
        decoder.Finish();

        Assert.Equal(RawEventFormat.Evt2, decoder.Format);
        Assert.Equal((30, 20), (decoder.Width, decoder.Height));
    }
}
