using System.Buffers.Binary;
using Spiking.Edge.Devices.Sources.Serial;

namespace Spiking.Edge.Devices.Tests.Sources.Serial;

public class SerialFrameEncoderTests
{
    [Fact]
    public void The_crc_is_the_standard_crc32_check_value_of_123456789()
    {
        Assert.Equal(0xCBF43926u, SerialCrc32.Compute("123456789"u8));
    }

    [Fact]
    public void A_frame_is_sync_length_sequence_payload_and_crc_of_everything_after_the_sync()
    {
        byte[] words =
        [
            0, 0, 0, 0, 0x10, 0x00, 0x00, 0x80,            // TIME_HIGH 0x10 (little-endian 64-bit word)
            0x05, 0, 0, 0, 0x07, 0x40, 0x00, 0x10,         // ON vector, y 7, x 8, mask 0b101
        ];
        var encoder = new SerialFrameEncoder();
        var output = new byte[64];

        int bytes = encoder.EncodeFrame(words, output, out int consumed);

        Assert.Equal(28, bytes);
        Assert.Equal(16, consumed);
        Assert.Equal("SE21"u8.ToArray(), output[..4]);
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(output.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(output.AsSpan(6)));
        Assert.Equal(words, output[8..24]);
        Assert.Equal(SerialCrc32.Compute(output.AsSpan(4, 20)), BinaryPrimitives.ReadUInt32LittleEndian(output.AsSpan(24)));
        Assert.Equal(1, encoder.NextSequence);
    }

    [Fact]
    public void Every_frame_starts_with_a_time_high_word_and_sequence_numbers_count_up()
    {
        var words = SerialStreams.Words(SerialStreams.Events(5, 3_000));

        var frames = SerialStreams.Frames(words, maxPayloadBytes: 64);

        Assert.True(frames.Count > 50);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(0x8, frames[i][SerialFraming.HeaderBytes + 7] >> 4);
            Assert.Equal(i, BinaryPrimitives.ReadUInt16LittleEndian(frames[i].AsSpan(SerialFraming.SequenceOffset)));
            Assert.True(frames[i].Length <= SerialFraming.FrameBytes(64));
        }
    }

    [Fact]
    public void The_payloads_decode_to_the_events_the_words_carry()
    {
        var events = SerialStreams.Events(6, 2_000);

        var frames = SerialStreams.Frames(SerialStreams.Words(events), maxPayloadBytes: 128);

        Assert.Equal(events, SerialStreams.EventsOf(frames));
    }

    [Fact]
    public void Fewer_than_eight_bytes_make_no_frame()
    {
        var encoder = new SerialFrameEncoder();

        int bytes = encoder.EncodeFrame(new byte[7], new byte[64], out int consumed);

        Assert.Equal(0, bytes);
        Assert.Equal(0, consumed);
        Assert.Equal(0, encoder.NextSequence);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(4_104)]
    [InlineData(100)]
    public void Payload_limits_that_are_not_whole_words_within_16_to_4096_are_refused(int limit)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SerialFrameEncoder(limit));

        Assert.Equal("maxPayloadBytes", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_output_too_small_for_one_word_is_refused_in_one_line()
    {
        var encoder = new SerialFrameEncoder();

        var error = Assert.Throws<ArgumentException>(() => encoder.EncodeFrame(new byte[8], new byte[19], out _));

        Assert.Equal("output", error.ParamName);
        Assert.StartsWith("output has 19 bytes; a frame of one word needs 20", error.Message, StringComparison.Ordinal);
    }
}
