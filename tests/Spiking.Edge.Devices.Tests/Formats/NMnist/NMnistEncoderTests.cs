using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Tests.Support;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.NMnist;

public class NMnistEncoderTests
{
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Random_streams_round_trip_through_encoder_and_decoder(int seed, PositiveInt count, bool longGaps)
    {
        var random = new Random(seed);
        // Long gaps (up to 2^23 µs) take the stream well beyond the 23-bit field.
        var events = RandomStreams.Events(random, count.Get % 300, longGaps ? 1 << 23 : 2_000);
        byte[] data = RandomStreams.Encode(events);

        var outcome = DecodeHarness.Run(data, [data.Length / 3, data.Length / 2], 64);

        return (outcome.Error == null && events.SequenceEqual(outcome.Events)).ToProperty();
    }

    [Theory]
    [InlineData(1L << 23)]
    [InlineData((1L << 23) + 8191)]
    [InlineData(1L << 30)]
    [InlineData(10_000_000_000L)]
    public void Timestamps_beyond_23_bits_are_written_with_overflow_markers_and_read_back(long timestamp)
    {
        var events = new[] { new Event(1, 1, 1, 5), new Event(2, 3, 0, timestamp), new Event(33, 33, 1, timestamp + 1) };
        byte[] data = RandomStreams.Encode(events);

        var decoder = new NMnistDecoder();
        var output = new Event[4];
        int n = decoder.Decode(data, 0, data.Length, output, 0, output.Length, out int consumed);
        decoder.Finish();

        Assert.Equal(data.Length, consumed);
        Assert.Equal(events, output.Take(n));
        long markers = (data.Length / NMnistFormat.RecordBytes) - 3;
        Assert.Equal(markers, decoder.OverflowMarkerCount);
        Assert.True(timestamp - (markers * 8192) <= NMnistFormat.MaxRawTimestamp);
    }

    [Fact]
    public void Timestamps_within_23_bits_need_no_marker()
    {
        byte[] data = RandomStreams.Encode([new Event(0, 0, 0, 0), new Event(1, 0, 1, NMnistFormat.MaxRawTimestamp)]);

        Assert.Equal(10, data.Length);
    }

    [Theory]
    [InlineData(34, 0, 0, 0L, "x = 34")]
    [InlineData(0, 34, 0, 0L, "y = 34")]
    [InlineData(0, 0, 2, 0L, "polarity 2")]
    [InlineData(0, 0, 0, -1L, "negative")]
    public void Unrepresentable_events_are_refused_with_their_index(int x, int y, int polarity, long timestamp, string reason)
    {
        using var stream = new MemoryStream();
        var encoder = new NMnistEncoder(stream);
        encoder.Write(new Event(0, 0, 0, 0));

        var error = Assert.Throws<ArgumentException>(() => encoder.Write(new Event((ushort)x, (ushort)y, (byte)polarity, timestamp)));

        Assert.Contains("event 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decreasing_timestamps_are_refused()
    {
        using var stream = new MemoryStream();
        var encoder = new NMnistEncoder(stream);
        encoder.Write(new Event(0, 0, 0, 100));

        var error = Assert.Throws<ArgumentException>(() => encoder.Write(new Event(0, 0, 0, 99)));

        Assert.Contains("earlier", error.Message, StringComparison.Ordinal);
    }
}
