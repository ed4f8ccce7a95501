using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Tests.Formats.Prophesee.Evt2Words;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class Evt2DecoderTests
{
    private const long Wrap = 1L << 34;

    // Every word type, an IMU event, events before the time base, geometry limits and a 34-bit wrap (width 40, height 10).
    private static uint[] ValidCapture =>
    [
        Cd(1, 3, 0, 0),                                         // before the first TIME_HIGH: dropped
        TimeHigh(1000),                                         // time base 64,000 us
        Cd(1, 7, 39, 9),                                        // kept at 64,007 us
        Word(0xA, 0x101),                                       // EXT_TRIGGER
        Word(0xD, 0x1), Word(0xF, 2), Word(0xF, 3), Word(0xF, 4), Word(0xF, 5), Word(0xF, 6), // IMU_EVT + 5 CONTINUED
        Word(0xE, 0x16), Word(0xF, 0x1234),                     // OTHERS + CONTINUED
        Cd(0, 8, 40, 0),                                        // x = width: dropped
        Cd(0, 9, 0, 10),                                        // y = height: dropped
        TimeHigh(0x0FFFFFFF),
        Cd(0, 63, 1, 1),                                        // 2^34 - 1 us
        TimeHigh(5),                                            // wraps: + 2^34
        Cd(1, 0, 2, 3),                                         // 2^34 + 320 us
    ];

    private static Func<IPropheseeDecoder> Factory(int width = 40, int height = 10) => () => new Evt2Decoder(width, height, "fixture");

    [Fact]
    public void Valid_capture_decodes_events_time_and_wrap_around_from_the_documented_layout()
    {
        var outcome = PropheseeHarness.Whole(Factory(), Bytes(ValidCapture));

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(39, 9, 1, 64_007), new Event(1, 1, 0, Wrap - 1), new Event(2, 3, 1, Wrap + 320)], outcome.Events);
        Assert.Equal(
            new PropheseeCounters(DroppedBeforeTimeBase: 1, DroppedOutOfGeometry: 2, DroppedWithoutAddress: 0, ExternalTriggerWords: 1, OthersWords: 1, ContinuedWords: 1, ImuEvents: 1, TimeLoops: 1),
            outcome.Counters);
    }

    [Fact]
    public void Valid_capture_split_at_every_byte_gives_the_same_events_and_counters()
    {
        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(), Bytes(ValidCapture));

        Assert.Equal(3, outcome.Events.Count);
    }

    [Theory]
    [InlineData("reserved type", 8, "word type 0x9 is reserved in EVT 2.0")]
    [InlineData("time back", 8, "TIME_HIGH goes back from 64 us to 0 us")]
    [InlineData("imu interrupted", 16, "IMU event at byte offset 8 has a word of type 0x1 where CONTINUED word 3 of 6 was expected")]
    [InlineData("imu truncated", 8, "truncated IMU event: the stream ends after 4 of 6 words")]
    [InlineData("truncated", 8, "truncated word: the stream ends after 3 of 4 bytes")]
    public void Malformed_capture_delivers_the_events_before_it_then_the_same_error_at_every_split(string name, long offset, string reason)
    {
        byte[] data = name switch
        {
            "reserved type" => Bytes(TimeHigh(1), Cd(1, 0, 0, 0), Word(0x9, 0), Cd(1, 0, 1, 0)),
            "time back" => Bytes(TimeHigh(1), Cd(1, 0, 0, 0), TimeHigh(0), Cd(1, 0, 1, 0)),
            "imu interrupted" => Bytes(TimeHigh(1), Cd(1, 0, 0, 0), Word(0xD, 0), Word(0xF, 0), Cd(1, 0, 1, 0), Word(0xF, 0)),
            "imu truncated" => Bytes(TimeHigh(1), Cd(1, 0, 0, 0), Word(0xD, 0), Word(0xF, 0), Word(0xF, 0), Word(0xF, 0)),
            "truncated" => Bytes(TimeHigh(1), Cd(1, 0, 0, 0), Cd(1, 0, 1, 0)).SkipLast(1).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such capture"),
        };

        var outcome = PropheseeHarness.AssertSplitInvariant(Factory(), data);

        Assert.Equal([new Event(0, 0, 1, 64)], outcome.Events);
        PropheseeHarness.AssertError(outcome, offset, reason);
    }

    [Fact]
    public void Decoder_stays_failed_after_an_error_until_reset()
    {
        byte[] bad = Bytes(TimeHigh(1), Cd(1, 0, 0, 0), Word(0x9, 0));
        var decoder = new Evt2Decoder(40, 10, "s");
        var output = new Event[8];

        Assert.Equal(1, decoder.Decode(bad, 0, bad.Length, output, 0, output.Length, out int consumed));
        Assert.Equal(12, consumed);
        Assert.Throws<EventStreamException>(() => decoder.Decode(bad, 0, 0, output, 0, output.Length, out _));
        Assert.False(decoder.Complete(out var error));
        Assert.Equal(8, error!.Offset);

        decoder.Reset();
        byte[] good = Bytes(ValidCapture);
        Assert.Equal(3, decoder.Decode(good, 0, good.Length, output, 0, output.Length, out _));
        decoder.Finish();
        Assert.Equal(3, decoder.EventCount);
        Assert.Equal(good.Length, decoder.Position);
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        var decoder = new Evt2Decoder();

        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], -1, 5, new Event[4], 0, 4, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], 0, 10, new Event[4], 0, 5, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Evt2Decoder(-1, 10));
    }
}
