using Google.Protobuf;
using Google.Protobuf.Reflection;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// The structural rules Google.Protobuf does not enforce but the edge runtime does (wire-format.md §1): a known field
/// must use its declared wire type (packed or not for repeated scalars) instead of being kept as an unknown field,
/// and a singular message field must not occur twice instead of being merged. Driven by the generated descriptors,
/// so it follows the schema.
/// </summary>
internal static class WireLayout
{
    /// <summary>Checks the message in <c>bytes[start .. start + length)</c>; <paramref name="path"/> prefixes field names in errors.</summary>
    public static void Check(byte[] bytes, int start, int length, MessageDescriptor descriptor, string path, string source)
    {
        var input = new CodedInputStream(bytes, start, length);
        long origin = input.Position;
        var singularSeen = new Dictionary<int, long>();
        var repeatedCount = new Dictionary<int, int>();
        while (true)
        {
            long tagOffset = start + (input.Position - origin);
            uint tag;
            try
            {
                tag = input.ReadTag();
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new ModelFileException(source, path, tagOffset, "a well-formed protobuf field", e.Message, e);
            }

            if (tag == 0)
            {
                return;
            }

            FieldDescriptor? field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            WireFormat.WireType wireType = WireFormat.GetTagWireType(tag);
            string name = field == null ? path : (path.Length == 0 ? field.Name : $"{path}.{field.Name}");
            RequireSupportedWireType(tag, tagOffset, name, source);
            if (field != null && !IsAllowed(field, wireType))
            {
                throw new ModelFileException(source, name, tagOffset, Invariant($"wire type {(int)DeclaredWireType(field)} as declared in the schema"), Invariant($"wire type {(int)wireType}"));
            }

            long afterTag = start + (input.Position - origin);
            try
            {
                input.SkipLastField();
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new ModelFileException(source, name, tagOffset, "a complete field value inside its message", e.Message, e);
            }

            if (field?.FieldType != FieldType.Message)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                repeatedCount.TryGetValue(field.FieldNumber, out int index);
                repeatedCount[field.FieldNumber] = index + 1;
                name = Invariant($"{name}[{index}]");
            }
            else if (singularSeen.TryGetValue(field.FieldNumber, out long first))
            {
                throw new ModelFileException(source, name, tagOffset, Invariant($"a single {field.Name} message (first at byte {first})"), "a second one");
            }
            else
            {
                singularSeen[field.FieldNumber] = tagOffset;
            }

            long end = start + (input.Position - origin);
            long payload = afterTag + VarintLength(bytes, afterTag);
            Check(bytes, (int)payload, (int)(end - payload), field.MessageType, name, source);
        }
    }

    /// <summary>
    /// Wire types 0, 1, 2 and 5 only, as the edge runtime reads: groups (3, 4) are deprecated and unused by the schema,
    /// and 6 and 7 do not exist (Google.Protobuf's field skipping would pass over them silently).
    /// </summary>
    internal static void RequireSupportedWireType(uint tag, long tagOffset, string field, string source)
    {
        WireFormat.WireType wireType = WireFormat.GetTagWireType(tag);
        if (wireType is not (WireFormat.WireType.Varint or WireFormat.WireType.Fixed64 or WireFormat.WireType.LengthDelimited or WireFormat.WireType.Fixed32))
        {
            throw new ModelFileException(source, field, tagOffset, "wire type 0, 1, 2 or 5", Invariant($"wire type {(int)wireType} (field number {WireFormat.GetTagFieldNumber(tag)})"));
        }
    }

    private static bool IsAllowed(FieldDescriptor field, WireFormat.WireType wireType)
    {
        WireFormat.WireType declared = DeclaredWireType(field);
        return wireType == declared || (field.IsRepeated && declared != WireFormat.WireType.LengthDelimited && wireType == WireFormat.WireType.LengthDelimited);
    }

    private static WireFormat.WireType DeclaredWireType(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.String or FieldType.Bytes => WireFormat.WireType.LengthDelimited,
        FieldType.Fixed32 or FieldType.SFixed32 or FieldType.Float => WireFormat.WireType.Fixed32,
        FieldType.Fixed64 or FieldType.SFixed64 or FieldType.Double => WireFormat.WireType.Fixed64,
        FieldType.Group => WireFormat.WireType.StartGroup,
        _ => WireFormat.WireType.Varint,
    };

    /// <summary>Bytes of the (already validated) varint at <paramref name="position"/>.</summary>
    private static int VarintLength(byte[] bytes, long position)
    {
        int length = 1;
        while ((bytes[position + length - 1] & 0x80) != 0)
        {
            length++;
        }

        return length;
    }
}
