using System.Text;

namespace Spiking.Edge.Host.Classification;

/// <summary>
/// Reads the class labels (field 8, <c>repeated string labels</c>) of a model file without Google.Protobuf, so the
/// host carries no protobuf library: a bounds-checked walk over the top-level fields. Use it on bytes the runtime
/// has already loaded (and so validated).
/// </summary>
public static class ModelLabels
{
    private const int FieldLabels = 8;

    /// <summary>The labels in output order; empty when the model has none.</summary>
    /// <param name="modelBytes">A model file.</param>
    /// <returns>The labels.</returns>
    /// <exception cref="InvalidDataException">The top-level wire structure is broken (which a loaded model's is not).</exception>
    public static IReadOnlyList<string> Read(byte[] modelBytes)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        var labels = new List<string>();
        int position = 0;
        while (position < modelBytes.Length)
        {
            int tagOffset = position;
            ulong tag = Varint(modelBytes, ref position);
            int wireType = (int)(tag & 7);
            ulong field = tag >> 3;
            switch (wireType)
            {
                case 0:
                    Varint(modelBytes, ref position);
                    break;
                case 1:
                    Skip(modelBytes, ref position, 8, tagOffset);
                    break;
                case 5:
                    Skip(modelBytes, ref position, 4, tagOffset);
                    break;
                case 2:
                    ulong length = Varint(modelBytes, ref position);
                    if (length > (ulong)(modelBytes.Length - position))
                    {
                        throw Broken(tagOffset);
                    }

                    if (field == FieldLabels)
                    {
                        labels.Add(Encoding.UTF8.GetString(modelBytes, position, (int)length));
                    }

                    position += (int)length;
                    break;
                default:
                    throw Broken(tagOffset);
            }
        }

        return labels;
    }

    /// <summary>The label of class <paramref name="index"/>, or its number when the model has no labels.</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="index">A class index.</param>
    public static string NameOf(IReadOnlyList<string> labels, int index) =>
        index >= 0 && index < labels.Count ? labels[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Varint(byte[] bytes, ref int position)
    {
        int start = position;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
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

    private static void Skip(byte[] bytes, ref int position, int count, int tagOffset)
    {
        if (bytes.Length - position < count)
        {
            throw Broken(tagOffset);
        }

        position += count;
    }

    private static InvalidDataException Broken(int offset) => new($"model file: broken top-level field at byte {offset}");
}
