namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// The constants of AEDAT 4.0 (iniVation DV; README.md in this folder): the magic line, the FlatBuffer file
/// identifiers, the Event struct size and the limits this reader enforces.
/// </summary>
public static class Aedat4Format
{
    /// <summary>Bytes of the magic line <c>#!AER-DAT4.0\r\n</c>.</summary>
    public const int MagicBytes = 14;

    /// <summary>Bytes of a packet header: int32 stream id, int32 body size (little-endian).</summary>
    public const int PacketHeaderBytes = 8;

    /// <summary>Bytes of one FlatBuffers <c>Event</c> struct: int64 t, int16 x, int16 y, bool on, 3 padding bytes (8-byte alignment).</summary>
    public const int EventBytes = 16;

    /// <summary>Largest IOHeader accepted (1 MiB); DV's are a few kilobytes of XML.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>Largest packet body accepted as stored in the file (64 MiB); DV writes packets of kilobytes to a few megabytes.</summary>
    public const int MaxPacketBytes = 1 << 26;

    /// <summary>Largest packet body accepted after decompression (256 MiB, 16 Mi events): guards against decompression bombs.</summary>
    public const int MaxDecompressedPacketBytes = 1 << 28;

    /// <summary>Largest coordinate a FlatBuffers int16 holds; stream sizes must be within 1..this.</summary>
    public const int MaxSensorSize = short.MaxValue;

    /// <summary>The type identifier and FlatBuffer file identifier of event streams.</summary>
    public const string EventsIdentifier = "EVTS";

    /// <summary>The FlatBuffer file identifier of the IOHeader.</summary>
    public const string HeaderIdentifier = "IOHE";

    /// <summary>The FlatBuffer file identifier of the FileDataTable.</summary>
    public const string FileDataTableIdentifier = "FTAB";

    /// <summary>The magic line every AEDAT 4.0 file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "#!AER-DAT4.0\r\n"u8;
}
