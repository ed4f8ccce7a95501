namespace Spiking.Edge.ModelFormat.Encoding;

/// <summary>
/// The BITMAP weight index of semantics §3.3: per input row ceil(output_size/8) bytes, bit o mod 8 (least
/// significant first) of byte o/8 set when W[i][o] is stored; bits at o ≥ output_size are 0.
/// </summary>
internal static class BitmapIndex
{
    /// <summary>Bytes of one row's bitmap.</summary>
    public static int BytesPerRow(int outputSize) => (outputSize + 7) / 8;

    /// <summary>Builds the bitmaps and the stored values (the non-zero weights, row-major).</summary>
    public static (byte[] Index, byte[] Values) Build(sbyte[] dense, int inputSize, int outputSize)
    {
        int bytesPerRow = BytesPerRow(outputSize);
        var index = new byte[(long)inputSize * bytesPerRow];
        var values = new List<byte>();
        for (int i = 0; i < inputSize; i++)
        {
            int rowStart = i * outputSize;
            for (int o = 0; o < outputSize; o++)
            {
                sbyte w = dense[rowStart + o];
                if (w != 0)
                {
                    index[(i * bytesPerRow) + (o >> 3)] |= (byte)(1 << (o & 7));
                    values.Add(unchecked((byte)w));
                }
            }
        }

        return (index, values.ToArray());
    }

    /// <summary>
    /// Checks the bitmap length and padding bits for the shape and returns the number of set bits in
    /// <paramref name="stored"/>; returns the first problem, or null.
    /// </summary>
    public static IndexProblem? Check(ReadOnlySpan<byte> index, int inputSize, int outputSize, out long stored)
    {
        stored = 0;
        int bytesPerRow = BytesPerRow(outputSize);
        long expectedLength = (long)inputSize * bytesPerRow;
        if (index.Length != expectedLength)
        {
            return new IndexProblem(-1, $"input_size × ceil(output_size/8) = {expectedLength} bytes", $"{index.Length} bytes");
        }

        int usedBitsInLast = outputSize - ((bytesPerRow - 1) * 8);
        int paddingMask = (0xFF << usedBitsInLast) & 0xFF;
        for (int i = 0; i < inputSize; i++)
        {
            int rowStart = i * bytesPerRow;
            for (int b = 0; b < bytesPerRow; b++)
            {
                int value = index[rowStart + b];
                if (b == bytesPerRow - 1 && (value & paddingMask) != 0)
                {
                    return new IndexProblem(rowStart + b, $"zero padding bits (columns ≥ output_size {outputSize}) in row {i}", $"0x{value:X2}");
                }

                stored += System.Numerics.BitOperations.PopCount((uint)value);
            }
        }

        return null;
    }

    /// <summary>Writes the stored values into <paramref name="dense"/>; the bitmaps must be well formed and the values as many as the set bits.</summary>
    public static void Scatter(ReadOnlySpan<byte> index, ReadOnlySpan<byte> values, int inputSize, int outputSize, sbyte[] dense)
    {
        int bytesPerRow = BytesPerRow(outputSize);
        int next = 0;
        for (int i = 0; i < inputSize; i++)
        {
            for (int o = 0; o < outputSize; o++)
            {
                if ((index[(i * bytesPerRow) + (o >> 3)] & (1 << (o & 7))) != 0)
                {
                    dense[((long)i * outputSize) + o] = unchecked((sbyte)values[next++]);
                }
            }
        }
    }
}
