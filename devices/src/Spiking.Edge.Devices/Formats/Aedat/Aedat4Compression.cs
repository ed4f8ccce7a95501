namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>The packet compression of an AEDAT 4.0 file (the IOHeader's <c>compression</c> enum, values as stored).</summary>
public enum Aedat4Compression
{
    /// <summary>Packet bodies stored as they are.</summary>
    None = 0,

    /// <summary>Each packet body is one LZ4 frame (fast level).</summary>
    Lz4 = 1,

    /// <summary>Each packet body is one LZ4 frame (high-compression level).</summary>
    Lz4High = 2,

    /// <summary>Each packet body is a Zstandard frame (default level).</summary>
    Zstd = 3,

    /// <summary>Each packet body is a Zstandard frame (high level).</summary>
    ZstdHigh = 4,
}
