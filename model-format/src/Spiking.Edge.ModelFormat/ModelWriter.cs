using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// Writes model files: format version 1.0 or 1.1 (the lowest the model needs), validated, serialized by Google.Protobuf and closed by the checksum
/// field (field 15, fixed32, CRC-32 of every byte before its tag) as the last 5 bytes (spec/wire-format.md).
/// </summary>
public static class ModelWriter
{
    /// <summary>The tag byte of field 15 with wire type 5 (fixed32): (15 &lt;&lt; 3) | 5.</summary>
    internal const byte ChecksumTag = 0x7D;

    /// <summary>Bytes taken by the checksum field: the tag and four little-endian bytes.</summary>
    internal const int ChecksumFieldBytes = 5;

    /// <summary>
    /// The format_minor that <paramref name="model"/> needs (wire-format.md §2): 1 when a layer uses a format-1.1 field,
    /// else 0. In-memory models handed to <see cref="ModelValidator"/> (for example by the trainer's exporter) set it
    /// from here; <see cref="ToBytes"/> sets it by itself.
    /// </summary>
    public static uint RequiredMinorVersion(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FormatVersion.RequiredMinor(model);
    }

    /// <summary>
    /// The file bytes of <paramref name="model"/>, with format_major = 1 and format_minor = 1 when a layer uses a
    /// format-1.1 field, else 0, so that a 1.0 model stays byte for byte what it was (wire-format.md §2; the
    /// caller's object is not changed). Refuses an invalid model with <see cref="ModelFileException"/>.
    /// </summary>
    public static byte[] ToBytes(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model copy = model.Clone();
        copy.FormatMajor = Semantics.FormatMajor;
        copy.FormatMinor = FormatVersion.RequiredMinor(copy);
        copy.Checksum = 0;
        ModelValidator.Validate(copy);

        int bodyLength = copy.CalculateSize();
        var bytes = new byte[bodyLength + ChecksumFieldBytes];
        copy.WriteTo(bytes.AsSpan(0, bodyLength));
        uint crc = Crc32.Compute(bytes, 0, bodyLength);
        bytes[bodyLength] = ChecksumTag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bodyLength + 1), crc);
        return bytes;
    }

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/> atomically: the bytes go to a temporary file in
    /// the same folder, are flushed to disk and the file is renamed over <paramref name="path"/>. An invalid model
    /// leaves any existing file untouched and no temporary file behind.
    /// </summary>
    public static void WriteFile(Model model, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = ToBytes(model);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
        string temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
