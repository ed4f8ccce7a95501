using System.Buffers.Binary;
using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Format;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// Reads model files: checks the trailing checksum field, parses with Google.Protobuf, refuses an unknown
/// format_major or a format_minor newer than it knows, and runs <see cref="ModelValidator"/>. Every refusal is a <see cref="ModelFileException"/>.
/// </summary>
public static class ModelReader
{
    private const int ChecksumField = 15;
    private const int FormatMajorField = 1;
    private const int FormatMinorField = 2;

    /// <summary>Reads a model from its file bytes; <paramref name="sourceName"/> names it in errors.</summary>
    public static Model FromBytes(byte[] bytes, string sourceName = "model")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        // A file that ends like a checksum field is checked first, so that a corrupted byte is reported as a
        // checksum mismatch rather than as whatever the corruption breaks in the message structure.
        if (bytes.Length >= ModelWriter.ChecksumFieldBytes && bytes[^ModelWriter.ChecksumFieldBytes] == ModelWriter.ChecksumTag)
        {
            CheckChecksum(bytes, sourceName);
        }

        (long majorOffset, long minorOffset) = CheckFieldLayout(bytes, sourceName);
        WireLayout.Check(bytes, 0, bytes.Length - ModelWriter.ChecksumFieldBytes, Model.Descriptor, string.Empty, sourceName);

        Model model;
        try
        {
            model = Model.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelFileException(sourceName, string.Empty, -1, "a well-formed protobuf Model message", e.Message, e);
        }

        if (model.FormatMajor != Semantics.FormatMajor)
        {
            throw new ModelFileException(sourceName, "format_major", majorOffset, Invariant($"{Semantics.FormatMajor} (the only major version this reader knows)"), Invariant($"{model.FormatMajor}"));
        }

        if (model.FormatMinor > FormatVersion.LatestMinor)
        {
            throw new ModelFileException(sourceName, "format_minor", minorOffset, Invariant($"0..{FormatVersion.LatestMinor} (the newest minor version this reader knows)"), Invariant($"{model.FormatMinor} (it needs a newer reader)"));
        }

        ModelValidator.Validate(model, sourceName);
        return model;
    }

    /// <summary>Reads the model file at <paramref name="path"/>; a missing or unreadable file is a <see cref="ModelFileException"/> too.</summary>
    public static Model ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new ModelFileException(path, string.Empty, -1, "a readable model file", e.Message, e);
        }

        return FromBytes(bytes, path);
    }

    /// <summary>
    /// Walks the top-level fields: the checksum field must occur exactly once, be fixed32 and be the last field
    /// (its tag at length − 5). Returns the offsets of the format_major and format_minor tags, -1 when absent.
    /// </summary>
    private static (long Major, long Minor) CheckFieldLayout(byte[] bytes, string source)
    {
        var input = new CodedInputStream(bytes);
        long majorOffset = -1;
        long minorOffset = -1;
        long checksumOffset = -1;
        try
        {
            while (true)
            {
                long tagOffset = input.Position;
                uint tag = input.ReadTag();
                if (tag == 0)
                {
                    break;
                }

                int field = WireFormat.GetTagFieldNumber(tag);
                WireLayout.RequireSupportedWireType(tag, tagOffset, string.Empty, source);
                if (checksumOffset >= 0)
                {
                    throw new ModelFileException(source, "checksum", tagOffset, "the checksum (field 15) as the last field", Invariant($"field {field} after it"));
                }

                if (field == ChecksumField)
                {
                    if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.Fixed32)
                    {
                        throw new ModelFileException(source, "checksum", tagOffset, "field 15 as fixed32 (wire type 5)", Invariant($"wire type {(int)WireFormat.GetTagWireType(tag)}"));
                    }

                    checksumOffset = tagOffset;
                }
                else if (field == FormatMajorField)
                {
                    majorOffset = tagOffset;
                }
                else if (field == FormatMinorField)
                {
                    minorOffset = tagOffset;
                }

                input.SkipLastField();
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelFileException(source, string.Empty, input.Position, "a well-formed protobuf Model message", e.Message, e);
        }

        if (checksumOffset < 0)
        {
            throw new ModelFileException(source, "checksum", bytes.Length, "a final checksum field (field 15, fixed32)", "none");
        }

        if (checksumOffset != bytes.Length - ModelWriter.ChecksumFieldBytes)
        {
            throw new ModelFileException(source, "checksum", checksumOffset, "a one-byte tag 0x7D followed by the 4 value bytes ending the file", Invariant($"a {bytes.Length - 4 - checksumOffset}-byte tag"));
        }

        return (majorOffset, minorOffset);
    }

    private static void CheckChecksum(byte[] bytes, string source)
    {
        int tagOffset = bytes.Length - ModelWriter.ChecksumFieldBytes;
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(tagOffset + 1));
        uint computed = Crc32.Compute(bytes, 0, tagOffset);
        if (stored != computed)
        {
            throw new ModelFileException(source, "checksum", tagOffset + 1, Invariant($"0x{computed:X8}, the CRC-32 of bytes 0..{tagOffset - 1}"), Invariant($"0x{stored:X8}"));
        }
    }
}
