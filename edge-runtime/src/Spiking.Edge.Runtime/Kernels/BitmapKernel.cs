namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// BITMAP weights (semantics.md §3.3). At load, a row table of value offsets (input_size + 1 ints, semantics §7)
    /// is built in the state arena from the bitmaps' popcounts; a row is added by walking its bitmap bytes, a byte at a
    /// time: <see cref="BitTables"/> gives each byte's set-bit count and positions.
    /// </summary>
    internal sealed class BitmapKernel : WeightKernel
    {
        private readonly byte[] _model;
        private readonly int _indexOffset;
        private readonly int _bytesPerRow;
        private readonly int[] _tables;
        private readonly int _valueTable;

        /// <summary>Builds the value-offset table at <paramref name="valueTable"/> in <paramref name="tables"/> from validated bitmaps.</summary>
        public BitmapKernel(byte[] model, int valuesOffset, int indexOffset, int inputSize, int outputSize, int[] tables, int valueTable)
        {
            _model = model;
            _indexOffset = indexOffset;
            _bytesPerRow = (outputSize + 7) / 8;
            _tables = tables;
            _valueTable = valueTable;
            int value = valuesOffset;
            int position = indexOffset;
            for (int row = 0; row < inputSize; row++)
            {
                tables[valueTable + row] = value;
                for (int b = 0; b < _bytesPerRow; b++)
                {
                    value += BitTables.Counts[model[position]];
                    position++;
                }
            }

            tables[valueTable + inputSize] = value;
        }

        /// <inheritdoc />
        public override int AddRow(int row, int[] target, int targetOffset)
        {
            byte[] model = _model;
            int first = _tables[_valueTable + row];
            int end = _tables[_valueTable + row + 1];
            if (first == end)
            {
                return 0;
            }

            byte[] counts = BitTables.Counts;
            byte[] positions = BitTables.Positions;
            int value = first;
            int position = _indexOffset + (row * _bytesPerRow);
            int stop = position + _bytesPerRow;
            for (int column = targetOffset; position < stop; position++, column += 8)
            {
                int bits = model[position];
                if (bits == 0)
                {
                    continue;
                }

                if (bits == 0xFF)
                {
                    target[column] += (sbyte)model[value];
                    target[column + 1] += (sbyte)model[value + 1];
                    target[column + 2] += (sbyte)model[value + 2];
                    target[column + 3] += (sbyte)model[value + 3];
                    target[column + 4] += (sbyte)model[value + 4];
                    target[column + 5] += (sbyte)model[value + 5];
                    target[column + 6] += (sbyte)model[value + 6];
                    target[column + 7] += (sbyte)model[value + 7];
                    value += 8;
                    continue;
                }

                int n = counts[bits];
                int slot = bits << 3;
                for (int k = 0; k < n; k++)
                {
                    target[column + positions[slot + k]] += (sbyte)model[value + k];
                }

                value += n;
            }

            return end - first;
        }

        /// <inheritdoc />
        public override int AddScaledRow(int row, int scale, int[] target, int targetOffset)
        {
            byte[] model = _model;
            int first = _tables[_valueTable + row];
            int end = _tables[_valueTable + row + 1];
            if (first == end)
            {
                return 0;
            }

            byte[] counts = BitTables.Counts;
            byte[] positions = BitTables.Positions;
            int value = first;
            int position = _indexOffset + (row * _bytesPerRow);
            int stop = position + _bytesPerRow;
            for (int column = targetOffset; position < stop; position++, column += 8)
            {
                int bits = model[position];
                if (bits == 0)
                {
                    continue;
                }

                int n = counts[bits];
                int slot = bits << 3;
                for (int k = 0; k < n; k++)
                {
                    target[column + positions[slot + k]] += scale * (sbyte)model[value + k];
                }

                value += n;
            }

            return end - first;
        }
    }
}
