using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Tests.Formats.Prophesee.Evt3Words;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class Evt3DecoderTests
{
    private const long Wrap = 1L << 24;

    // Every word type, events before the time base, geometry limits, time-low reset and a 24-bit wrap (width 40, height 10).
    private static ushort[] ValidCapture =>
    [
        AddrY(1),
        AddrX(5, 1),                // before the first TIME_HIGH: dropped
        TimeLow(100),               // before the first TIME_HIGH: ignored
        TimeHigh(3),                // 12,288 us
        AddrX(6, 1),                // (6, 1) ON at 12,288
        TimeLow(7),                 // 12,295 us
        VectBaseX(30, 0),
        Vect12(0b1000_0000_0101),   // x 30, 32 OFF; x 41 beyond width 40; base -> 42
        AddrY(2),
        VectBaseX(0, 1),
        Vect12(0xFFF),              // x 0..11 ON; base -> 12
        Vect8(0xA5),                // x 12, 14, 17, 19 ON; base -> 20
        Word(0x7, 5),               // CONTINUED_4
        Word(0xA, 0x101),           // EXT_TRIGGER
        Word(0xE, 0x16),            // OTHERS
        Word(0xF, 0xABC),           // CONTINUED_12
        Word(0xD, 0),               // IMU (skipped with the OTHERS)
        AddrY(10),                  // row 10 = height
        AddrX(0, 0),                // dropped
        TimeHigh(3),                // unchanged: time low kept
        AddrY(3),
        AddrX(1, 0),                // (1, 3) OFF at 12,295
        TimeHigh(4095),             // time low reset: 16,773,120 us
        AddrX(2, 1),
        TimeHigh(1),                // wraps: + 2^24
        TimeLow(0xFFF),
        AddrX(3, 0),                // 2^24 + 4,096 + 4,095 us
    ];

    private static Func<IPropheseeDecoder> Factory(int width = 40, int height = 10) => () => new Evt3Decoder(width, height, "fixture");

    [Fact]
    public void Valid_capture_decodes_state_words_vectors_and_wrap_around_from_the_documented_layout()
    {
        var outcome = PropheseeHarness.Whole(Factory(), Bytes(ValidCapture));

        Assert.Null(outcome.Error);
        var expected = new List<Event> { new(6, 1, 1, 12_288), new(30, 1, 0, 12_295), new(32, 1, 0, 12_295) };
        expected.AddRange(Enumerable.Range(0, 12).Select(x => new Event((ushort)x, 2, 1, 12_295)));
        expected.AddRange(new[] { 12, 14, 17, 19 }.Select(x => new Event((ushort)x, 2, 1, 12_295)));
        expected.Add(new Event(1, 3, 0, 12_295));
        expected.Add(new Event(2, 3, 1, 4095L * 4096));
        expected.Add(new Event(3, 3, 0, Wrap + 4096 + 4095));
        Assert.Equal(expected, outcome.Events);
        Assert.Equal(
            new PropheseeCounters(DroppedBeforeTimeBase: 1, DroppedOutOfGeometry: 2, DroppedWithoutAddress: 0, ExternalTriggerWords: 1, OthersWords: 2, ContinuedWords: 2, ImuEvents: 0, TimeLoops: 1),
            outcome.Counters);
    }

    [Fact]
    public void Valid_capture_split_at_every_byte_gives_the_same_events_and_counters()
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(), Bytes(ValidCapture));

        Assert.Equal(22, outcome.Events.Count);
    }

    [Fact]
    public void Events_before_any_row_or_vector_base_are_dropped_and_counted()
    {
        byte[] data = Bytes(TimeHigh(0), AddrX(1, 1), Vect12(0b11), VectBaseX(4, 0), Vect8(0b1), AddrY(0), AddrX(1, 1), Vect8(0b1));

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(), data);

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(1, 0, 1, 0), new Event(12, 0, 0, 0)], outcome.Events);
        Assert.Equal(4, outcome.Counters.DroppedWithoutAddress);
    }

    [Theory]
    [InlineData("reserved 1", 6, "word type 0x1 is reserved in EVT 3.0")]
    [InlineData("reserved 9", 6, "word type 0x9 is reserved in EVT 3.0")]
    [InlineData("reserved B", 6, "word type 0xB is reserved in EVT 3.0")]
    [InlineData("reserved C", 6, "word type 0xC is reserved in EVT 3.0")]
    [InlineData("time back", 6, "TIME_HIGH goes back from 40960 us to 36864 us, less than half the 2^24 us range")]
    [InlineData("truncated", 6, "truncated word: the stream ends after 1 of 2 bytes")]
    public void Malformed_capture_delivers_the_events_before_it_then_the_same_error_at_every_split(string name, long offset, string reason)
    {
        ushort[] start = [TimeHigh(10), AddrY(0), AddrX(0, 1)];
        byte[] data = name switch
        {
            "reserved 1" => Bytes([.. start, Word(0x1, 0), AddrX(1, 1)]),
            "reserved 9" => Bytes([.. start, Word(0x9, 0), AddrX(1, 1)]),
            "reserved B" => Bytes([.. start, Word(0xB, 0), AddrX(1, 1)]),
            "reserved C" => Bytes([.. start, Word(0xC, 0), AddrX(1, 1)]),
            "time back" => Bytes([.. start, TimeHigh(9), AddrX(1, 1)]),
            "truncated" => Bytes([.. start, AddrX(1, 1)]).SkipLast(1).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such capture"),
        };

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(), data);

        Assert.Equal([new Event(0, 0, 1, 40_960)], outcome.Events);
        PropheseeHarness.AssertError(outcome, offset, reason);
    }

    [Fact]
    public void A_full_output_leaves_the_rest_of_a_vector_word_for_the_next_call()
    {
        byte[] data = Bytes(TimeHigh(0), AddrY(0), VectBaseX(0, 1), Vect12(0b111));
        var decoder = new Evt3Decoder();
        var output = new Event[2];

        Assert.Equal(2, decoder.Decode(data, 0, data.Length, output, 0, 2, out int consumed));
        Assert.Equal(6, consumed);
        Assert.Equal(1, decoder.Decode(data, 6, 2, output, 0, 2, out int rest));
        Assert.Equal(2, rest);
        Assert.Equal(new Event(2, 0, 1, 0), output[0]);
        decoder.Finish();
    }
}
