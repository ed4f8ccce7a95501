namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// CSR weights (semantics.md §3.2). At load, two row tables are built in the state arena (semantics §7):
    /// for row i, the offset of its first value byte and the offset of its first column delta (just after the
    /// row's count varint), each with a closing entry at index <c>input_size</c>. A row is then decoded in place, single-byte deltas (gaps below 128) inline.
    /// </summary>
    internal sealed class CsrKernel : WeightKernel
    {
        private readonly byte[] _model;
        private readonly int[] _tables;
        private readonly int _valueTable;
        private readonly int _indexTable;

        /// <summary>
        /// Builds the row tables at <paramref name="valueTable"/> and <paramref name="indexTable"/> in
        /// <paramref name="tables"/> (each <c>inputSize + 1</c> ints) from a validated index stream.
        /// </summary>
        public CsrKernel(byte[] model, int valuesOffset, int indexOffset, int indexLength, int inputSize, int[] tables, int valueTable, int indexTable)
        {
            _model = model;
            _tables = tables;
            _valueTable = valueTable;
            _indexTable = indexTable;
            int position = indexOffset;
            int value = valuesOffset;
            for (int row = 0; row < inputSize; row++)
            {
                int count = ReadVarint(model, ref position);
                tables[valueTable + row] = value;
                tables[indexTable + row] = position;
                for (int j = 0; j < count; j++)
                {
                    ReadVarint(model, ref position);
                }

                value += count;
            }

            tables[valueTable + inputSize] = value;
            tables[indexTable + inputSize] = indexOffset + indexLength;
        }

        /// <inheritdoc />
        public override int AddRow(int row, int[] target, int targetOffset)
        {
            byte[] model = _model;
            int value = _tables[_valueTable + row];
            int end = _tables[_valueTable + row + 1];
            int position = _tables[_indexTable + row];
            int column = targetOffset - 1;
            for (int v = value; v < end; v++)
            {
                int delta = model[position];
                position++;
                if (delta >= 0x80)
                {
                    // Multi-byte varint (a gap of 128 columns or more): rare, decoded out of line. No ref to
                    // `position` here, so that it stays in a register in this loop.
                    delta = DecodeVarintAt(model, position - 1);
                    while (model[position] >= 0x80)
                    {
                        position++;
                    }

                    position++;
                }

                column += 1 + delta;
                target[column] += (sbyte)model[v];
            }

            return end - value;
        }

        /// <inheritdoc />
        public override int AddScaledRow(int row, int scale, int[] target, int targetOffset)
        {
            byte[] model = _model;
            int value = _tables[_valueTable + row];
            int end = _tables[_valueTable + row + 1];
            int position = _tables[_indexTable + row];
            int column = targetOffset - 1;
            for (int v = value; v < end; v++)
            {
                int delta = model[position];
                position++;
                if (delta >= 0x80)
                {
                    delta = DecodeVarintAt(model, position - 1);
                    while (model[position] >= 0x80)
                    {
                        position++;
                    }

                    position++;
                }

                column += 1 + delta;
                target[column] += scale * (sbyte)model[v];
            }

            return end - value;
        }

        /// <summary>The value of the validated varint starting at <paramref name="position"/>.</summary>
        private static int DecodeVarintAt(byte[] data, int position)
        {
            return ReadVarint(data, ref position);
        }

        /// <summary>An unsigned varint already validated at load (at most 5 bytes, below output_size here).</summary>
        private static int ReadVarint(byte[] data, ref int position)
        {
            int result = 0;
            int shift = 0;
            while (true)
            {
                int b = data[position];
                position++;
                result |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }

                shift += 7;
            }
        }
    }
}
