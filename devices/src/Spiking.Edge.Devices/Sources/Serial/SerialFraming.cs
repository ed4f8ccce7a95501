namespace Spiking.Edge.Devices.Sources.Serial;

/// <summary>
/// The frame layout of the USB-serial event link (README.md, "Framing"): sync "SE21", payload length (uint16 LE),
/// sequence number (uint16 LE), payload of whole EVT 2.1 words (64-bit little-endian, the GenX320 order), CRC-32 of
/// everything after the sync (uint32 LE). Each payload starts with a TIME_HIGH word, so a frame decodes on its own
/// after a lost one.
/// </summary>
public static class SerialFraming
{
    /// <summary>Bytes of the sync word.</summary>
    public const int SyncBytes = 4;

    /// <summary>Offset of the payload length (uint16 LE) in a frame.</summary>
    public const int LengthOffset = 4;

    /// <summary>Offset of the sequence number (uint16 LE) in a frame.</summary>
    public const int SequenceOffset = 6;

    /// <summary>Bytes before the payload: sync, length, sequence.</summary>
    public const int HeaderBytes = 8;

    /// <summary>Bytes of the CRC-32 after the payload.</summary>
    public const int CrcBytes = 4;

    /// <summary>Largest payload, bytes (512 words).</summary>
    public const int MaxPayloadBytes = 4_096;

    /// <summary>Smallest payload a frame encoder may be limited to: a TIME_HIGH word and one more word.</summary>
    public const int MinEncoderPayloadBytes = 16;

    /// <summary>Largest frame, bytes.</summary>
    public const int MaxFrameBytes = HeaderBytes + MaxPayloadBytes + CrcBytes;

    /// <summary>Bytes of one EVT 2.1 word.</summary>
    public const int WordBytes = 8;

    /// <summary>The sync word: ASCII "SE21" (0x53 0x45 0x32 0x31); its four bytes differ, so a broken partial match
    /// never hides the start of the next one.</summary>
    public static ReadOnlySpan<byte> Sync => "SE21"u8;

    /// <summary>Bytes of a frame carrying <paramref name="payloadBytes"/>.</summary>
    /// <param name="payloadBytes">Payload size.</param>
    /// <returns>Header + payload + CRC.</returns>
    public static int FrameBytes(int payloadBytes) => HeaderBytes + payloadBytes + CrcBytes;

    /// <summary>True when a payload length is legal: a whole number of words, 8..<see cref="MaxPayloadBytes"/>.</summary>
    /// <param name="payloadBytes">The length field.</param>
    /// <param name="maxPayloadBytes">The receiver's limit.</param>
    /// <returns>Whether the frame can be accepted.</returns>
    public static bool IsValidLength(int payloadBytes, int maxPayloadBytes = MaxPayloadBytes) =>
        payloadBytes >= WordBytes && payloadBytes <= maxPayloadBytes && payloadBytes % WordBytes == 0;
}
