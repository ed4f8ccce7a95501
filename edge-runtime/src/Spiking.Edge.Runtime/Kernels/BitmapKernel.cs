namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// BITMAP weights (semantics.md §3.3). At load, a row table of value offsets (input_size + 1 ints, semantics §7)
    /// is built in the state arena from the bitmaps' popcounts; a row is added by walking its bitmap bytes, least
    /// significant bit first.
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
                    for (int bits = model[position]; bits != 0; bits &= bits - 1)
                    {
                        value++;
                    }

                    position++;
                }
            }

            tables[valueTable + inputSize] = value;
        }

        /// <inheritdoc />
        public override int AddRow(int row, int[] target, int targetOffset)
        {
            byte[] model = _model;
            int value = _tables[_valueTable + row];
            int end = _tables[_valueTable + row + 1];
            if (value == end)
            {
                return 0;
            }

            int position = _indexOffset + (row * _bytesPerRow);
            int column = targetOffset;
            for (int b = 0; b < _bytesPerRow; b++)
            {
                int bits = model[position + b];
                for (int o = column; bits != 0; o++)
                {
                    if ((bits & 1) != 0)
                    {
                        target[o] += (sbyte)model[value];
                        value++;
                    }

                    bits >>= 1;
                }

                column += 8;
            }

            return end - _tables[_valueTable + row];
        }
    }
}
