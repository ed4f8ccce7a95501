using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats;

/// <summary>A one-line human description of a file's format, with what its header said (body encoding, byte order,
/// version, compression, chip).</summary>
internal static class EventFileDescription
{
    public static string Of(EventFileInfo info, IEventDecoder decoder) => decoder switch
    {
        RawFileDecoder raw => "Prophesee RAW, " + raw.Format switch
        {
            RawEventFormat.Evt2 => "EVT 2.0",
            RawEventFormat.Evt21 => raw.ByteOrder == Evt21ByteOrder.Legacy ? "EVT 2.1 (legacy byte order)" : "EVT 2.1 (little-endian)",
            RawEventFormat.Evt3 => "EVT 3.0",
            _ => "body format not read yet",
        },
        DatFileDecoder dat => dat.Header.TryGetValue("Version", out string? version)
            ? $"Prophesee DAT version {version}, CD events"
            : "Prophesee DAT, CD events",
        Aedat2Decoder => info.Aedat2 == null ? "AEDAT 2.0" : Of(info.Aedat2),
        Aedat31Decoder a => a.SourceChip is { Length: > 0 } chip ? $"AEDAT 3.1 ({chip})" : "AEDAT 3.1",
        Aedat4Decoder a => $"AEDAT 4.0 ({Compression(a.Compression)})",
        _ => info.Format == EventFileFormat.NMnist ? "N-MNIST (.bin, 5-byte records)" : info.Format.ToString(),
    };

    private static string Of(Aedat2Options options) => options.Convention == Aedat2AddressConvention.Dvs128
        ? "AEDAT 2.0 (DVS128 addresses)"
        : $"AEDAT 2.0 (DAVIS addresses, {options.Width} x {options.Height})";

    private static string Compression(Aedat4Compression compression) => compression switch
    {
        Aedat4Compression.None => "uncompressed",
        Aedat4Compression.Lz4 => "LZ4",
        Aedat4Compression.Lz4High => "LZ4 high",
        Aedat4Compression.Zstd => "Zstandard",
        Aedat4Compression.ZstdHigh => "Zstandard high",
        _ => compression.ToString(),
    };
}
