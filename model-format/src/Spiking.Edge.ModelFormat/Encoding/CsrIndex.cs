namespace Spiking.Edge.ModelFormat.Encoding;

/// <summary>
/// The CSR weight index of semantics §3.2: per input row a varint count n_i, then n_i varint column deltas
/// (first column = d_1, next = previous + 1 + d_j), strictly increasing columns below output_size.
/// </summary>
internal static class CsrIndex
{
    /// <summary>Index bytes needed to store exactly the non-zero weights of <paramref name="dense"/>.</summary>
    public static long SizeOf(sbyte[] dense, int inputSize, int outputSize)
    {
        long bytes = 0;
        for (int i = 0; i < inputSize; i++)
        {
            int rowStart = i * outputSize;
            uint count = 0;
            int previous = -1;
            for (int o = 0; o < outputSize; o++)
            {
                if (dense[rowStart + o] != 0)
                {
                    bytes += Varint.SizeOf((uint)(o - previous - 1));
                    previous = o;
                    count++;
                }
            }

            bytes += Varint.SizeOf(count);
        }

        return bytes;
    }

    /// <summary>Builds the index and the stored values (the non-zero weights, row-major).</summary>
    public static (byte[] Index, byte[] Values) Build(sbyte[] dense, int inputSize, int outputSize)
    {
        var index = new List<byte>();
        var values = new List<byte>();
        var columns = new List<int>();
        for (int i = 0; i < inputSize; i++)
        {
            int rowStart = i * outputSize;
            columns.Clear();
            for (int o = 0; o < outputSize; o++)
            {
                if (dense[rowStart + o] != 0)
                {
                    columns.Add(o);
                }
            }

            Varint.Write(index, (uint)columns.Count);
            int previous = -1;
            foreach (int o in columns)
            {
                Varint.Write(index, (uint)(o - previous - 1));
                values.Add(unchecked((byte)dense[rowStart + o]));
                previous = o;
            }
        }

        return (index.ToArray(), values.ToArray());
    }

    /// <summary>
    /// Checks the stream is well formed for the shape and returns the number of stored weights in
    /// <paramref name="stored"/>; returns the first problem, or null.
    /// </summary>
    public static IndexProblem? Check(ReadOnlySpan<byte> index, int inputSize, int outputSize, out long stored)
        => Walk(index, ReadOnlySpan<byte>.Empty, inputSize, outputSize, null, out stored);

    /// <summary>Writes the stored values into <paramref name="dense"/> (row-major [input][output]); the stream must be well formed.</summary>
    public static IndexProblem? Scatter(ReadOnlySpan<byte> index, ReadOnlySpan<byte> values, int inputSize, int outputSize, sbyte[] dense)
        => Walk(index, values, inputSize, outputSize, dense, out _);

    private static IndexProblem? Walk(ReadOnlySpan<byte> index, ReadOnlySpan<byte> values, int inputSize, int outputSize, sbyte[]? dense, out long stored)
    {
        int position = 0;
        stored = 0;
        for (int i = 0; i < inputSize; i++)
        {
            int countOffset = position;
            if (!Varint.TryRead(index, ref position, out uint count, out string problem))
            {
                return new IndexProblem(countOffset, $"the stored-weight count of row {i}", problem);
            }

            if (count > (uint)outputSize)
            {
                return new IndexProblem(countOffset, $"a row {i} count of at most output_size {outputSize}", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            long column = -1;
            for (uint j = 0; j < count; j++)
            {
                int deltaOffset = position;
                if (!Varint.TryRead(index, ref position, out uint delta, out problem))
                {
                    return new IndexProblem(deltaOffset, $"column delta {j} of row {i}", problem);
                }

                column = column + 1 + delta;
                if (column >= outputSize)
                {
                    return new IndexProblem(deltaOffset, $"row {i} columns below output_size {outputSize}", $"column {column}");
                }

                if (dense != null)
                {
                    dense[((long)i * outputSize) + column] = unchecked((sbyte)values[(int)stored]);
                }

                stored++;
            }
        }

        if (position != index.Length)
        {
            return new IndexProblem(position, $"the stream to end after row {inputSize - 1}", $"{index.Length - position} trailing bytes");
        }

        return null;
    }
}
