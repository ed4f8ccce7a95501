using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;
using static Spiking.Edge.Devices.Tests.Formats.Prophesee.Evt21Words;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class Evt21EncoderTests
{
    public static TheoryData<Evt21ByteOrder> ByteOrders => new() { Evt21ByteOrder.Little, Evt21ByteOrder.Legacy };

    [Theory]
    [MemberData(nameof(ByteOrders))]
    public void Events_of_one_time_row_and_polarity_in_a_32_aligned_group_share_a_vector_word(Evt21ByteOrder order)
    {
        Event[] events = [new(0, 5, 1, 100), new(3, 5, 1, 100), new(31, 5, 1, 100), new(32, 5, 1, 100), new(33, 5, 0, 100), new(40, 6, 0, 100)];

        byte[] data = PropheseeStreams.Evt21(events, order, 64, 8);

        byte[] expected = Bytes(
            order,
            TimeHigh(1),
            Vector(1, 36, 0, 5, 0x80000009),
            Vector(1, 36, 32, 5, 0b1),
            Vector(0, 36, 32, 5, 0b10),
            Vector(0, 36, 32, 6, 1u << 8));
        Assert.Equal(expected, data);
    }

    [Fact]
    public void Falling_or_repeated_x_starts_a_new_word_so_that_the_order_survives()
    {
        Event[] events = [new(5, 0, 1, 7), new(3, 0, 1, 7), new(3, 0, 1, 7)];

        byte[] data = PropheseeStreams.Evt21(events, Evt21ByteOrder.Little, 64, 8);

        Assert.Equal(4 * 8, data.Length);
        Assert.Equal(events, PropheseeHarness.Whole(() => new Evt21Decoder(Evt21ByteOrder.Little, 64, 8), data).Events);
    }

    [Theory]
    [InlineData(0L, (3L << 34) + 5, 3)]
    [InlineData((5L << 34) + 77, (5L << 34) + 78, 5)]
    [InlineData((1L << 34) - 1, 1L << 34, 1)]
    public void Times_beyond_34_bits_are_stepped_so_that_the_decoder_unwraps_them(long first, long second, long loops)
    {
        Event[] events = [new(1, 1, 1, first), new(2, 2, 0, second)];

        byte[] data = PropheseeStreams.Evt21(events, Evt21ByteOrder.Legacy, 64, 8);
        var outcome = PropheseeHarness.Whole(() => new Evt21Decoder(Evt21ByteOrder.Legacy, 64, 8), data);

        Assert.Null(outcome.Error);
        Assert.Equal(events, outcome.Events);
        Assert.Equal(loops, outcome.Counters.TimeLoops);
    }

    [Theory]
    [InlineData(64, 0, 0, 0L, "x = 64, y = 0 is outside the 64 x 8 sensor")]
    [InlineData(0, 8, 0, 0L, "x = 0, y = 8 is outside")]
    [InlineData(0, 0, 2, 0L, "polarity 2")]
    [InlineData(0, 0, 0, -1L, "negative")]
    [InlineData(0, 0, 0, 9L, "earlier than the previous event's 10 us")]
    public void Unrepresentable_events_are_refused_with_their_index(int x, int y, int polarity, long timestamp, string reason)
    {
        var encoder = new Evt21Encoder(Evt21ByteOrder.Little, 64, 8);
        var output = new byte[64];
        encoder.Encode([new Event(0, 0, 0, 10)], 0, 1, output, 0, output.Length, out _);

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode([new Event((ushort)x, (ushort)y, (byte)polarity, timestamp)], 0, 1, output, 0, output.Length, out _));

        Assert.StartsWith("EVT 2.1 encoder: event 1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_output_buffers_take_a_word_at_a_time_and_flush_needs_a_whole_word()
    {
        var encoder = new Evt21Encoder(Evt21ByteOrder.Little, 64, 8);
        var output = new byte[16];

        Assert.Equal(0, encoder.Encode([new Event(1, 1, 1, 1000)], 0, 1, output, 0, 7, out int none));
        Assert.Equal(0, none);
        Assert.Equal(8, encoder.Encode([new Event(1, 1, 1, 1000)], 0, 1, output, 0, 8, out int one));
        Assert.Equal(1, one);
        Assert.True(encoder.HasPendingWord);
        Assert.Throws<ArgumentException>(() => encoder.Flush(output, 0, 7));
        Assert.Equal(8, encoder.Flush(output, 8, 8));
        Assert.Equal(0, encoder.Flush(output, 0, 0));
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Random_streams_round_trip_in_both_byte_orders_whatever_the_cuts(int seed, PositiveInt count, bool longGaps, bool legacy)
    {
        var random = new Random(seed);
        var order = legacy ? Evt21ByteOrder.Legacy : Evt21ByteOrder.Little;
        var events = PropheseeStreams.Events(random, count.Get % 400, 320, 320, longGaps ? 1L << 36 : 3_000_000);
        byte[] whole = PropheseeStreams.Evt21(events, order, 320, 320);
        byte[] chunked = PropheseeStreams.Evt21(events, order, 320, 320, chunkBytes: 8 * (1 + random.Next(4)));

        int[] cuts = [random.Next(whole.Length + 1), random.Next(whole.Length + 1)];
        var outcome = PropheseeHarness.Run(() => new Evt21Decoder(order, 320, 320, "fixture"), whole, cuts, 1 + random.Next(40));

        return (outcome.Error == null && events.SequenceEqual(outcome.Events) && whole.SequenceEqual(chunked)
            && outcome.Counters with { TimeLoops = 0 } == default).ToProperty();
    }
}
