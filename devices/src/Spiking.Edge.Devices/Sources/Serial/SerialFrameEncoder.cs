using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Sources.Serial;

/// <summary>
/// Packs EVT 2.1 words (64-bit little-endian, as the GenX320 sends them) into frames of <see cref="SerialFraming"/>:
/// the sending side of the link, for tests and as the reference for board firmware. When a frame's first word is not
/// a TIME_HIGH, the last TIME_HIGH seen is repeated in front of it, so every frame carries its time base.
/// </summary>
public sealed class SerialFrameEncoder
{
    private readonly int _maxPayloadBytes;
    private readonly byte[] _timeHigh = new byte[SerialFraming.WordBytes];
    private bool _hasTimeHigh;

    /// <summary>Creates an encoder.</summary>
    /// <param name="maxPayloadBytes">Payload limit per frame: a multiple of 8 within 16..4,096.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not a multiple of 8 within range.</exception>
    public SerialFrameEncoder(int maxPayloadBytes = SerialFraming.MaxPayloadBytes)
    {
        if (maxPayloadBytes < SerialFraming.MinEncoderPayloadBytes || maxPayloadBytes > SerialFraming.MaxPayloadBytes || maxPayloadBytes % SerialFraming.WordBytes != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxPayloadBytes),
                $"maxPayloadBytes is {maxPayloadBytes}; must be a multiple of 8 within {SerialFraming.MinEncoderPayloadBytes}..{SerialFraming.MaxPayloadBytes}");
        }

        _maxPayloadBytes = maxPayloadBytes;
    }

    /// <summary>The sequence number the next frame carries (starts at 0, wraps at 65,536).</summary>
    public ushort NextSequence { get; private set; }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten { get; private set; }

    /// <summary>
    /// Writes one frame holding as many whole words from the start of <paramref name="words"/> as fit the payload
    /// limit and <paramref name="output"/>.
    /// </summary>
    /// <param name="words">EVT 2.1 words; a trailing partial word is left for the next call.</param>
    /// <param name="output">Destination of the frame.</param>
    /// <param name="bytesConsumed">Bytes of <paramref name="words"/> packed (a multiple of 8).</param>
    /// <returns>Bytes of the frame written; 0 (and nothing consumed) when <paramref name="words"/> holds no whole word.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> cannot hold a frame of one word (and the repeated TIME_HIGH).</exception>
    public int EncodeFrame(ReadOnlySpan<byte> words, Span<byte> output, out int bytesConsumed)
    {
        bytesConsumed = 0;
        int available = words.Length / SerialFraming.WordBytes;
        if (available == 0)
        {
            return 0;
        }

        bool repeatTimeHigh = _hasTimeHigh && !IsTimeHigh(words);
        int prefix = repeatTimeHigh ? SerialFraming.WordBytes : 0;
        int room = Math.Min(_maxPayloadBytes, output.Length - SerialFraming.HeaderBytes - SerialFraming.CrcBytes);
        room -= room % SerialFraming.WordBytes;
        if (room < prefix + SerialFraming.WordBytes)
        {
            throw new ArgumentException(
                $"output has {output.Length} bytes; a frame of one word needs {SerialFraming.FrameBytes(prefix + SerialFraming.WordBytes)}",
                nameof(output));
        }

        int take = Math.Min(available, (room - prefix) / SerialFraming.WordBytes) * SerialFraming.WordBytes;
        int length = prefix + take;
        SerialFraming.Sync.CopyTo(output);
        BinaryPrimitives.WriteUInt16LittleEndian(output[SerialFraming.LengthOffset..], (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(output[SerialFraming.SequenceOffset..], NextSequence);
        var payload = output.Slice(SerialFraming.HeaderBytes, length);
        if (repeatTimeHigh)
        {
            _timeHigh.CopyTo(payload);
        }

        words[..take].CopyTo(payload[prefix..]);
        RememberTimeHigh(words[..take]);
        uint crc = SerialCrc32.Compute(output[SerialFraming.LengthOffset..(SerialFraming.HeaderBytes + length)]);
        BinaryPrimitives.WriteUInt32LittleEndian(output[(SerialFraming.HeaderBytes + length)..], crc);

        NextSequence++;
        FramesWritten++;
        bytesConsumed = take;
        return SerialFraming.FrameBytes(length);
    }

    // Little-endian 64-bit word: the type is the top nibble of byte 7.
    private static bool IsTimeHigh(ReadOnlySpan<byte> word) => word[7] >> 4 == Evt21Format.TypeTimeHigh;

    private void RememberTimeHigh(ReadOnlySpan<byte> words)
    {
        for (int at = words.Length - SerialFraming.WordBytes; at >= 0; at -= SerialFraming.WordBytes)
        {
            if (IsTimeHigh(words[at..]))
            {
                words.Slice(at, SerialFraming.WordBytes).CopyTo(_timeHigh);
                _hasTimeHigh = true;
                return;
            }
        }
    }
}
