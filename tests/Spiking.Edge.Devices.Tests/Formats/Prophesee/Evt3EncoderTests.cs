using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Tests.Formats.Prophesee.Evt3Words;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class Evt3EncoderTests
{
    [Fact]
    public void Words_follow_the_decoder_state_time_row_then_address_or_vector()
    {
        Event[] events =
        [
            new(5, 2, 1, 0x1234), new(6, 2, 1, 0x1234), new(7, 2, 1, 0x1234),  // VECT_BASE_X 5, then one VECT_12
            new(13, 2, 1, 0x1234),                                               // ... x 13 is still within 5..16
            new(24, 2, 1, 0x1234),                                               // on the advanced base 17: VECT_8
            new(30, 2, 0, 0x1234),                                               // lone: EVT_ADDR_X
            new(30, 3, 0, 0x1240),                                               // new time low and row
        ];

        byte[] data = PropheseeStreams.Evt3(events, 40, 10);

        ushort[] expected =
        [
            TimeHigh(1), TimeLow(0x234), AddrY(2), VectBaseX(5, 1), Vect12(0b1_0000_0111), Vect8(1 << 7), AddrX(30, 0),
            TimeLow(0x240), AddrY(3), AddrX(30, 0),
        ];
        Assert.Equal(Bytes(expected), data);
        Assert.Equal(events, PropheseeHarness.Whole(() => new Evt3Decoder(40, 10), data).Events);
    }

    [Theory]
    [InlineData(0L, (3L << 24) + 5, 3)]
    [InlineData((7L << 24) + 4095, (7L << 24) + 4096, 7)]
    [InlineData((1L << 24) - 1, 1L << 24, 1)]
    public void Times_beyond_24_bits_are_stepped_so_that_the_decoder_unwraps_them(long first, long second, long loops)
    {
        Event[] events = [new(1, 1, 1, first), new(2, 2, 0, second)];

        byte[] data = PropheseeStreams.Evt3(events, 40, 10);
        var outcome = PropheseeHarness.Whole(() => new Evt3Decoder(40, 10), data);

        Assert.Null(outcome.Error);
        Assert.Equal(events, outcome.Events);
        Assert.Equal(loops, outcome.Counters.TimeLoops);
    }

    [Theory]
    [InlineData(40, 0, 0, 0L, "x = 40, y = 0 is outside the 40 x 10 sensor")]
    [InlineData(0, 10, 0, 0L, "x = 0, y = 10 is outside")]
    [InlineData(0, 0, 3, 0L, "polarity 3")]
    [InlineData(0, 0, 0, -5L, "negative")]
    [InlineData(0, 0, 0, 9L, "earlier than the previous event's 10 us")]
    public void Unrepresentable_events_are_refused_with_their_index(int x, int y, int polarity, long timestamp, string reason)
    {
        var encoder = new Evt3Encoder(40, 10);
        var output = new byte[64];
        encoder.Encode([new Event(0, 0, 0, 10)], 0, 1, output, 0, output.Length, out _);

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode([new Event((ushort)x, (ushort)y, (byte)polarity, timestamp)], 0, 1, output, 0, output.Length, out _));

        Assert.StartsWith("EVT 3.0 encoder: event 1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flush_needs_room_for_a_base_and_a_vector_word()
    {
        var encoder = new Evt3Encoder(40, 10);
        var output = new byte[32];
        encoder.Encode([new Event(1, 1, 1, 0), new Event(2, 1, 1, 0)], 0, 2, output, 0, output.Length, out int taken);

        Assert.Equal(2, taken);
        Assert.True(encoder.HasPendingGroup);
        Assert.Throws<ArgumentException>(() => encoder.Flush(output, 0, 3));
        Assert.Equal(4, encoder.Flush(output, 0, 4));
        Assert.False(encoder.HasPendingGroup);
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Random_streams_round_trip_whatever_the_cuts(int seed, PositiveInt count, bool longGaps)
    {
        var random = new Random(seed);
        var events = PropheseeStreams.Events(random, count.Get % 400, 1280, 720, longGaps ? 1L << 26 : 300_000);
        byte[] whole = PropheseeStreams.Evt3(events, 1280, 720);
        byte[] chunked = PropheseeStreams.Evt3(events, 1280, 720, chunkBytes: 2 * (1 + random.Next(4)));

        int[] cuts = [random.Next(whole.Length + 1), random.Next(whole.Length + 1)];
        var outcome = PropheseeHarness.Run(() => new Evt3Decoder(1280, 720, "fixture"), whole, cuts, 1 + random.Next(20));

        return (outcome.Error == null && events.SequenceEqual(outcome.Events) && whole.SequenceEqual(chunked)
            && outcome.Counters with { TimeLoops = 0 } == default).ToProperty();
    }
}
