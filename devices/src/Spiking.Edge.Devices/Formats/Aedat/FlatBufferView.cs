using System.Buffers.Binary;
using System.Text;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Bounds-checked reads of a FlatBuffer (no size prefix): root table, file identifier, table fields through the
/// vtable, vectors and strings. Every offset is checked against the buffer before use, in 64-bit arithmetic; a bad
/// one throws <see cref="InvalidDataException"/> saying what is wrong. No allocation except for strings.
/// </summary>
internal static class FlatBufferView
{
    /// <summary>The root table position.</summary>
    public static int Root(ReadOnlySpan<byte> buffer)
    {
        Need(buffer, 0, 8, "root offset and file identifier");
        long table = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        Need(buffer, table, 4, "root table");
        return (int)table;
    }

    /// <summary>Throws unless the file identifier (bytes 4–7) is <paramref name="identifier"/>.</summary>
    public static void CheckIdentifier(ReadOnlySpan<byte> buffer, string identifier)
    {
        Need(buffer, 4, 4, "file identifier");
        var actual = buffer.Slice(4, 4);
        for (int i = 0; i < 4; i++)
        {
            if (actual[i] != (byte)identifier[i])
            {
                throw new InvalidDataException($"file identifier '{AedatText.Preview(actual)}' is not {identifier}");
            }
        }
    }

    /// <summary>Position of field <paramref name="index"/> of a table (its <paramref name="size"/> bytes checked), or 0 when absent.</summary>
    public static int Field(ReadOnlySpan<byte> buffer, int table, int index, int size)
    {
        long vtable = table - (long)BinaryPrimitives.ReadInt32LittleEndian(buffer[table..]);
        Need(buffer, vtable, 4, "vtable");
        int vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[(int)vtable..]);
        int tableSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[((int)vtable + 2)..]);
        if (vtableSize < 4 || (vtableSize & 1) != 0)
        {
            throw new InvalidDataException($"vtable size {vtableSize} is not an even number of at least 4 bytes");
        }

        Need(buffer, vtable, vtableSize, "vtable");
        Need(buffer, table, Math.Max(tableSize, 4), "table");
        int slot = 4 + (2 * index);
        if (slot + 2 > vtableSize)
        {
            return 0;
        }

        int fieldOffset = BinaryPrimitives.ReadUInt16LittleEndian(buffer[((int)vtable + slot)..]);
        if (fieldOffset == 0)
        {
            return 0;
        }

        if (fieldOffset < 4 || fieldOffset + size > tableSize)
        {
            throw new InvalidDataException($"field {index} at table offset {fieldOffset} lies outside the {tableSize}-byte table");
        }

        return table + fieldOffset;
    }

    /// <summary>The vector a uoffset field points to: position of its first element and its length.</summary>
    public static (int Start, int Count) Vector(ReadOnlySpan<byte> buffer, int field, int elementSize, string what)
    {
        long vector = field + (long)BinaryPrimitives.ReadUInt32LittleEndian(buffer[field..]);
        Need(buffer, vector, 4, what + " length");
        long count = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(int)vector..]);
        Need(buffer, vector + 4, count * elementSize, what);
        return ((int)vector + 4, (int)count);
    }

    /// <summary>The UTF-8 string a uoffset field points to.</summary>
    public static string String(ReadOnlySpan<byte> buffer, int field, string what)
    {
        var (start, count) = Vector(buffer, field, 1, what);
        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.Slice(start, count));
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException(what + " is not valid UTF-8");
        }
    }

    private static void Need(ReadOnlySpan<byte> buffer, long position, long bytes, string what)
    {
        if (position < 0 || bytes < 0 || position + bytes > buffer.Length)
        {
            throw new InvalidDataException($"{what} at {position} ({bytes} bytes) lies outside the {buffer.Length}-byte buffer");
        }
    }
}
