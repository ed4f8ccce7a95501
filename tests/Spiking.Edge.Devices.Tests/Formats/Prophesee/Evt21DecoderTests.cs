using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;
using static Spiking.Edge.Devices.Tests.Formats.Prophesee.Evt21Words;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class Evt21DecoderTests
{
    private const long Wrap = 1L << 34;

    public static TheoryData<Evt21ByteOrder> ByteOrders => new() { Evt21ByteOrder.Little, Evt21ByteOrder.Legacy };

    // Every word type, events before the time base, both geometry limits and a 34-bit wrap-around (width 40, height 10).
    private static (uint, uint)[] ValidCapture =>
    [
        Vector(1, 3, 0, 0, 0b111),              // before the first TIME_HIGH: 3 dropped
        TimeHigh(1000),                         // time base 64,000 us
        Vector(1, 7, 32, 5, 0b1011),            // x 32, 33, 35 at 64,007 us
        Word(0xA, 0x101),                       // EXT_TRIGGER
        Word(0xE, 0x16),                        // OTHERS
        Word(0xF, 0x1234),                      // CONTINUED
        Vector(0, 9, 32, 2, 0xFFFFFFFF),        // x 32..63: 32..39 kept, 24 beyond width 40
        Vector(1, 10, 0, 10, 0x1),              // y 10 = height: dropped
        TimeHigh(0x0FFFFFFF),                   // last time-high value before the wrap
        Vector(0, 63, 1, 1, 0x2),               // x 2 at 2^34 - 1 us
        TimeHigh(5),                            // wraps: + 2^34
        Vector(1, 0, 0, 9, 0x80000001),         // x 0 and 31 at 2^34 + 320 us
    ];

    private static Func<IPropheseeDecoder> Factory(Evt21ByteOrder order, int width = 40, int height = 10)
        => () => new Evt21Decoder(order, width, height, "fixture");

    [Fact]
    public void Byte_orders_match_the_documented_example_word()
    {
        // docs.prophesee.ai EVT 2.1: 0x0102030405060708 is sent 04 03 02 01 08 07 06 05 by IMX636, 08 07 ... 01 by GenX320.
        Assert.Equal(new byte[] { 4, 3, 2, 1, 8, 7, 6, 5 }, Bytes(Evt21ByteOrder.Legacy, (0x01020304u, 0x05060708u)));
        Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, Bytes(Evt21ByteOrder.Little, (0x01020304u, 0x05060708u)));
    }

    [Theory]
    [MemberData(nameof(ByteOrders))]
    public void Valid_capture_decodes_vectors_time_and_wrap_around_from_the_documented_layout(Evt21ByteOrder order)
    {
        var outcome = PropheseeHarness.Whole(Factory(order), Bytes(order, ValidCapture));

        Assert.Null(outcome.Error);
        var expected = new List<Event>
        {
            new(32, 5, 1, 64_007), new(33, 5, 1, 64_007), new(35, 5, 1, 64_007),
        };
        expected.AddRange(Enumerable.Range(32, 8).Select(x => new Event((ushort)x, 2, 0, 64_009)));
        expected.Add(new Event(2, 1, 0, Wrap - 1));
        expected.Add(new Event(0, 9, 1, Wrap + 320));
        expected.Add(new Event(31, 9, 1, Wrap + 320));
        Assert.Equal(expected, outcome.Events);
        Assert.Equal(
            new PropheseeCounters(DroppedBeforeTimeBase: 3, DroppedOutOfGeometry: 25, DroppedWithoutAddress: 0, ExternalTriggerWords: 1, OthersWords: 1, ContinuedWords: 1, ImuEvents: 0, TimeLoops: 1),
            outcome.Counters);
    }

    [Theory]
    [MemberData(nameof(ByteOrders))]
    public void Valid_capture_split_at_every_byte_gives_the_same_events_and_counters(Evt21ByteOrder order)
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(order), Bytes(order, ValidCapture));

        Assert.Equal(14, outcome.Events.Count);
    }

    [Fact]
    public void A_capture_read_in_the_other_byte_order_does_not_give_the_same_events()
    {
        var asLegacy = PropheseeHarness.Whole(Factory(Evt21ByteOrder.Legacy), Bytes(Evt21ByteOrder.Little, ValidCapture));
        var asLittle = PropheseeHarness.Whole(Factory(Evt21ByteOrder.Little), Bytes(Evt21ByteOrder.Little, ValidCapture));

        Assert.False(asLegacy.Error == null && asLegacy.Events.SequenceEqual(asLittle.Events));
    }

    [Fact]
    public void Unknown_geometry_keeps_every_event_inside_the_11_bit_address_range()
    {
        byte[] data = Bytes(Evt21ByteOrder.Little, TimeHigh(0), Vector(1, 0, 2016, 2047, 0xFFFFFFFF), Vector(1, 0, 2040, 0, 0xFFFFFFFF));

        var outcome = PropheseeHarness.Whole(Factory(Evt21ByteOrder.Little, 0, 0), data);

        Assert.Equal(32 + 8, outcome.Events.Count);
        Assert.Equal(24, outcome.Counters.DroppedOutOfGeometry);
        Assert.Equal(2047, outcome.Events.Max(e => e.X));
    }

    public static TheoryData<string, Evt21ByteOrder> MalformedCaptures()
    {
        var data = new TheoryData<string, Evt21ByteOrder>();
        foreach (var name in new[] { "reserved type", "time back", "truncated" })
        {
            data.Add(name, Evt21ByteOrder.Little);
            data.Add(name, Evt21ByteOrder.Legacy);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedCaptures))]
    public void Malformed_capture_delivers_the_events_before_it_then_the_same_error_at_every_split(string name, Evt21ByteOrder order)
    {
        (byte[] data, long offset, string reason) = Malformed(name, order);

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(order), data);

        Assert.Equal([new Event(0, 0, 1, 64)], outcome.Events);
        PropheseeHarness.AssertError(outcome, offset, reason);
    }

    [Fact]
    public void Decoder_stays_failed_after_an_error_until_reset()
    {
        (byte[] bad, _, _) = Malformed("reserved type", Evt21ByteOrder.Little);
        var decoder = new Evt21Decoder(Evt21ByteOrder.Little, 40, 10, "s");
        var output = new Event[64];

        Assert.Equal(1, decoder.Decode(bad, 0, bad.Length, output, 0, output.Length, out _));
        Assert.Throws<EventStreamException>(() => decoder.Decode(bad, 0, 0, output, 0, output.Length, out _));
        Assert.False(decoder.Complete(out var error));
        Assert.Equal(16, error!.Offset);

        decoder.Reset();
        byte[] good = Bytes(Evt21ByteOrder.Little, ValidCapture);
        Assert.Equal(14, decoder.Decode(good, 0, good.Length, output, 0, output.Length, out int consumed));
        Assert.Equal(good.Length, consumed);
        decoder.Finish();
    }

    [Fact]
    public void A_full_output_leaves_the_rest_of_a_vector_word_for_the_next_call()
    {
        byte[] data = Bytes(Evt21ByteOrder.Little, TimeHigh(0), Vector(1, 0, 0, 0, 0b1111));
        var decoder = new Evt21Decoder(Evt21ByteOrder.Little);
        var output = new Event[4];

        Assert.Equal(3, decoder.Decode(data, 0, data.Length, output, 0, 3, out int consumed));
        Assert.Equal(8, consumed);
        Assert.Equal(1, decoder.Decode(data, 8, 8, output, 0, 3, out int rest));
        Assert.Equal(8, rest);
        Assert.Equal(new Event(3, 0, 1, 0), output[0]);
        decoder.Finish();
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        var decoder = new Evt21Decoder();
        var output = new Event[4];

        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], 8, 5, output, 0, 4, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], 0, 10, output, 2, 3, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Evt21Decoder(Evt21ByteOrder.Little, 2049, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Evt21Decoder((Evt21ByteOrder)7));
    }

    [Fact]
    public void Portable_core_reports_a_fault_as_offset_and_reason_and_then_does_nothing()
    {
        (byte[] bad, _, _) = Malformed("time back", Evt21ByteOrder.Legacy);
        var core = new Evt21StreamDecoder(Evt21ByteOrder.Legacy, 40, 10);
        var output = new Event[8];

        Assert.Equal(1, core.Decode(bad, 0, bad.Length, output, 0, output.Length, out int consumed));
        Assert.True(core.IsFaulted);
        Assert.Equal(16, core.FaultOffset);
        Assert.Equal("TIME_HIGH goes back from 64 us to 0 us, less than half the 2^34 us range (not a wrap-around)", core.FaultReason);
        Assert.Equal(24, consumed);
        Assert.Equal(0, core.Decode(bad, 0, bad.Length, output, 0, output.Length, out int none));
        Assert.Equal(0, none);
        Assert.False(core.Complete());

        core.Reset();
        Assert.False(core.IsFaulted);
        Assert.Equal(string.Empty, core.FaultReason);
    }

    private static (byte[] Data, long Offset, string Reason) Malformed(string name, Evt21ByteOrder order) => name switch
    {
        "reserved type" => (Bytes(order, TimeHigh(1), Vector(1, 0, 0, 0, 1), Word(0x5, 0), Vector(1, 0, 1, 0, 1)), 16, "word type 0x5 is reserved in EVT 2.1"),
        "time back" => (Bytes(order, TimeHigh(1), Vector(1, 0, 0, 0, 1), TimeHigh(0), Vector(1, 0, 1, 0, 1)), 16, "TIME_HIGH goes back from 64 us to 0 us"),
        "truncated" => (Bytes(order, TimeHigh(1), Vector(1, 0, 0, 0, 1), Vector(1, 0, 1, 0, 1)).SkipLast(3).ToArray(), 16, "truncated word: the stream ends after 5 of 8 bytes"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such capture"),
    };
}
