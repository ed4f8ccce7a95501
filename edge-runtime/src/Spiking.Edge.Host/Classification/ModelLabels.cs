using System.Text;

namespace Spiking.Edge.Host.Classification;

/// <summary>
/// Reads the class labels (field 8, <c>repeated string labels</c>) and the provenance notes of a model file without Google.Protobuf, so the
/// host carries no protobuf library: a bounds-checked walk over the top-level fields. Use it on bytes the runtime
/// has already loaded (and so validated).
/// </summary>
public static class ModelLabels
{
    private const int FieldLabels = 8;
    private const int FieldProvenance = 9;
    private const int FieldProvenanceNotes = 11;

    /// <summary>The labels in output order; empty when the model has none.</summary>
    /// <param name="modelBytes">A model file.</param>
    /// <returns>The labels.</returns>
    /// <exception cref="InvalidDataException">The top-level wire structure is broken (which a loaded model's is not).</exception>
    public static IReadOnlyList<string> Read(byte[] modelBytes)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        var labels = new List<string>();
        Walk(modelBytes, 0, modelBytes.Length, (field, start, length) =>
        {
            if (field == FieldLabels)
            {
                labels.Add(Encoding.UTF8.GetString(modelBytes, start, length));
            }
        });
        return labels;
    }

    /// <summary>The provenance notes (field 9 <c>provenance</c>, its field 11 <c>notes</c>), or null when absent.</summary>
    /// <param name="modelBytes">A model file.</param>
    /// <returns>The notes text, or null.</returns>
    /// <exception cref="InvalidDataException">The wire structure is broken.</exception>
    public static string? ReadProvenanceNotes(byte[] modelBytes)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        string? notes = null;
        Walk(modelBytes, 0, modelBytes.Length, (field, start, length) =>
        {
            if (field == FieldProvenance)
            {
                Walk(modelBytes, start, start + length, (inner, innerStart, innerLength) =>
                {
                    if (inner == FieldProvenanceNotes)
                    {
                        notes = Encoding.UTF8.GetString(modelBytes, innerStart, innerLength);
                    }
                });
            }
        });
        return notes;
    }

    // Calls onBytes(field, start, length) for every length-delimited field in bytes[position, end); skips the others.
    private static void Walk(byte[] modelBytes, int position, int end, Action<ulong, int, int> onBytes)
    {
        while (position < end)
        {
            int tagOffset = position;
            ulong tag = Varint(modelBytes, ref position, end);
            int wireType = (int)(tag & 7);
            ulong field = tag >> 3;
            switch (wireType)
            {
                case 0:
                    Varint(modelBytes, ref position, end);
                    break;
                case 1:
                    Skip(ref position, end, 8, tagOffset);
                    break;
                case 5:
                    Skip(ref position, end, 4, tagOffset);
                    break;
                case 2:
                    ulong length = Varint(modelBytes, ref position, end);
                    if (length > (ulong)(end - position))
                    {
                        throw Broken(tagOffset);
                    }

                    onBytes(field, position, (int)length);
                    position += (int)length;
                    break;
                default:
                    throw Broken(tagOffset);
            }
        }
    }

    /// <summary>The label of class <paramref name="index"/>, or its number when the model has no labels.</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="index">A class index.</param>
    public static string NameOf(IReadOnlyList<string> labels, int index) =>
        index >= 0 && index < labels.Count ? labels[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Varint(byte[] bytes, ref int position, int end)
    {
        int start = position;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= end)
            {
                throw Broken(start);
            }

            byte b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Broken(start);
    }

    private static void Skip(ref int position, int end, int count, int tagOffset)
    {
        if (end - position < count)
        {
            throw Broken(tagOffset);
        }

        position += count;
    }

    private static InvalidDataException Broken(int offset) => new($"model file: broken top-level field at byte {offset}");
}
