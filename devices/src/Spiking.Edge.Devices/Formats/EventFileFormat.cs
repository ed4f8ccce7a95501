namespace Spiking.Edge.Devices.Formats;

/// <summary>The event file formats <see cref="EventFiles"/> reads (containers; the body encoding is in the decoder).</summary>
public enum EventFileFormat
{
    /// <summary>N-MNIST <c>.bin</c>: 5-byte records, no header (recognised by extension only).</summary>
    NMnist,

    /// <summary>Prophesee RAW <c>.raw</c>: "% key value" header naming the body (EVT 2.0, 2.1 or 3.0).</summary>
    PropheseeRaw,

    /// <summary>Prophesee DAT <c>.dat</c>: "% Key value" header (with a <c>Version</c> line), then CD records.</summary>
    PropheseeDat,

    /// <summary>iniVation AEDAT 2.0 (jAER): <c>#!AER-DAT2.0</c>.</summary>
    Aedat2,

    /// <summary>iniVation AEDAT 3.1 (libcaer): <c>#!AER-DAT3.1</c>.</summary>
    Aedat31,

    /// <summary>iniVation AEDAT 4.0 (DV): <c>#!AER-DAT4.0</c>.</summary>
    Aedat4,
}
