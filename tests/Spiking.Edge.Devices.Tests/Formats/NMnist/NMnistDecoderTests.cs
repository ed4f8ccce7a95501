using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Tests.Support;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.NMnist;

public class NMnistDecoderTests
{
    public static TheoryData<string> AllFixtures => new()
    {
        "valid-three-events.bin",
        "valid-overflow-marker.bin",
        "truncated-tail.bin",
        "x-out-of-range.bin",
        "y-out-of-range.bin",
        "timestamp-backwards.bin",
    };

    [Fact]
    public void Valid_fixture_decodes_fields_from_the_documented_bit_layout()
    {
        var outcome = DecodeHarness.Run(Fixtures.NMnistBytes("valid-three-events.bin"), [], 16);

        Assert.Null(outcome.Error);
        Assert.Equal(
            [new Event(0, 0, 1, 0), new Event(33, 12, 0, 1000), new Event(5, 33, 1, 8388607)],
            outcome.Events);
    }

    [Fact]
    public void Overflow_marker_is_dropped_and_adds_2_to_the_13_to_later_timestamps()
    {
        var outcome = DecodeHarness.Run(Fixtures.NMnistBytes("valid-overflow-marker.bin"), [], 16);

        Assert.Null(outcome.Error);
        Assert.Equal([new Event(1, 2, 1, 100), new Event(3, 4, 0, 50 + 8192)], outcome.Events);
    }

    [Theory]
    [InlineData("truncated-tail.bin", 2, 10, "truncated")]
    [InlineData("x-out-of-range.bin", 1, 5, "x = 34")]
    [InlineData("y-out-of-range.bin", 2, 10, "y = 239")]
    [InlineData("timestamp-backwards.bin", 1, 5, "earlier")]
    public void Malformed_fixture_delivers_the_events_before_it_then_an_error_at_the_record_offset(string name, int eventsBefore, long offset, string reason)
    {
        var outcome = DecodeHarness.Run(Fixtures.NMnistBytes(name), [], 16);

        Assert.Equal(eventsBefore, outcome.Events.Count);
        Assert.NotNull(outcome.Error);
        Assert.Equal(offset, outcome.Error.Offset);
        Assert.Equal("fixture", outcome.Error.Source);
        Assert.Contains(reason, outcome.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"fixture: byte offset {offset}: ", outcome.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Error.Message);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Splitting_a_fixture_at_any_byte_gives_the_same_events_and_error(string name)
    {
        byte[] data = Fixtures.NMnistBytes(name);
        var reference = DecodeHarness.Run(data, [], 64);

        foreach (int capacity in new[] { 1, 2, 64 })
        {
            for (int cut = 0; cut <= data.Length; cut++)
            {
                AssertSameOutcome(reference, DecodeHarness.Run(data, [cut], capacity), $"{name} cut at {cut}, capacity {capacity}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Feeding_a_fixture_one_byte_at_a_time_gives_the_same_events_and_error(string name)
    {
        byte[] data = Fixtures.NMnistBytes(name);
        var reference = DecodeHarness.Run(data, [], 64);

        AssertSameOutcome(reference, DecodeHarness.Run(data, Enumerable.Range(1, data.Length), 1), name + " byte by byte");
    }

    [Fact]
    public void Random_stream_with_overflow_markers_split_at_many_pairs_of_bytes_gives_the_same_events()
    {
        var random = new Random(7);
        // Starts just below 2^23 µs, so that the stream crosses the 23-bit field with overflow markers.
        var events = RandomStreams.Events(random, 9, maxGapMicroseconds: 10_000, startMicroseconds: (1 << 23) - 5);
        byte[] data = RandomStreams.Encode(events);

        for (int a = 0; a <= data.Length; a += 3)
        {
            for (int b = a; b <= data.Length; b += 2)
            {
                var outcome = DecodeHarness.Run(data, [a, b], 3);
                Assert.Null(outcome.Error);
                Assert.Equal(events, outcome.Events);
            }
        }
    }

    [Fact]
    public void Decoder_stays_failed_after_an_error_until_reset()
    {
        byte[] bad = Fixtures.NMnistBytes("x-out-of-range.bin");
        var decoder = new NMnistDecoder("s");
        var output = new Event[8];

        int n = decoder.Decode(bad, 0, bad.Length, output, 0, output.Length, out _);
        Assert.Equal(1, n);
        Assert.Throws<EventStreamException>(() => decoder.Decode(bad, 0, 0, output, 0, output.Length, out _));
        Assert.False(decoder.Complete(out var error));
        Assert.Equal(5, error!.Offset);

        decoder.Reset();
        byte[] good = Fixtures.NMnistBytes("valid-three-events.bin");
        Assert.Equal(3, decoder.Decode(good, 0, good.Length, output, 0, output.Length, out int consumed));
        Assert.Equal(good.Length, consumed);
        Assert.True(decoder.Complete(out _));
    }

    [Fact]
    public void Full_output_buffer_stops_decoding_without_losing_bytes()
    {
        byte[] data = Fixtures.NMnistBytes("valid-three-events.bin");
        var decoder = new NMnistDecoder();
        var output = new Event[2];

        Assert.Equal(2, decoder.Decode(data, 0, data.Length, output, 0, 2, out int consumed));
        Assert.Equal(10, consumed);
        Assert.Equal(0, decoder.Decode(data, consumed, data.Length - consumed, output, 0, 0, out int none));
        Assert.Equal(0, none);
        Assert.Equal(1, decoder.Decode(data, consumed, data.Length - consumed, output, 0, 2, out int rest));
        Assert.Equal(5, rest);
        Assert.Equal(new Event(5, 33, 1, 8388607), output[0]);
        decoder.Finish();
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        var decoder = new NMnistDecoder();
        var output = new Event[4];

        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], 8, 5, output, 0, 4, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], -1, 5, output, 0, 4, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new byte[10], 0, 10, output, 2, 3, out _));
    }

    private static void AssertSameOutcome(DecodeOutcome expected, DecodeOutcome actual, string because)
    {
        Assert.True(expected.Events.SequenceEqual(actual.Events), $"events differ: {because}");
        Assert.Equal(expected.Error?.Offset, actual.Error?.Offset);
        Assert.Equal(expected.Error?.Message, actual.Error?.Message);
    }
}
