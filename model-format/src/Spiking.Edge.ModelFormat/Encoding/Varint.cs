namespace Spiking.Edge.ModelFormat.Encoding;

/// <summary>Unsigned LEB128 (protobuf varint) values of at most 32 bits, as the CSR index stream uses (semantics §3.2).</summary>
internal static class Varint
{
    /// <summary>The most bytes a 32-bit varint takes.</summary>
    public const int MaxBytes = 5;

    /// <summary>How many bytes <paramref name="value"/> takes as a varint.</summary>
    public static int SizeOf(uint value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Appends <paramref name="value"/> as a varint.</summary>
    public static void Write(List<byte> output, uint value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }

    /// <summary>
    /// Reads a varint at <paramref name="position"/>: at most 5 bytes, below 2^32, inside <paramref name="data"/>.
    /// Returns false (position unchanged, <paramref name="problem"/> set) when it is not.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int position, out uint value, out string problem)
    {
        ulong result = 0;
        int p = position;
        for (int i = 0; i < MaxBytes; i++)
        {
            if (p >= data.Length)
            {
                value = 0;
                problem = "the stream ends inside a varint";
                return false;
            }

            byte b = data[p++];
            result |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (result > uint.MaxValue)
                {
                    break;
                }

                value = (uint)result;
                position = p;
                problem = string.Empty;
                return true;
            }
        }

        value = 0;
        problem = "a varint longer than 5 bytes or above 2^32-1";
        return false;
    }
}
