using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// The Weights message and the three encodings of semantics.md §3, checked byte by byte: a layer's feed-forward
    /// weights (input_size × output_size) and, in format 1.1, its recurrent weights (output_size × output_size).
    /// </summary>
    internal static partial class ModelLoader
    {
        private const int WeightsEncoding = 1;
        private const int WeightsBits = 2;
        private const int WeightsValues = 3;
        private const int WeightsIndex = 4;
        private const int WeightsNonzeroCount = 5;

        private static void ReadWeights(WireReader reader, byte[] model, int weightsTag, WeightMatrix matrix)
        {
            ulong encoding = 0, bits = 0, nonzeroCount = 0;
            int encodingOffset = weightsTag, bitsOffset = weightsTag, nonzeroOffset = weightsTag;
            int valuesOffset = weightsTag, indexOffset = weightsTag;
            int valuesStart = 0, valuesLength = 0, indexStart = 0, indexLength = 0;
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                switch (field)
                {
                    case WeightsEncoding:
                        encoding = ReadVarintField(ref reader, wireType, tagOffset);
                        encodingOffset = tagOffset;
                        break;
                    case WeightsBits:
                        bits = ReadVarintField(ref reader, wireType, tagOffset);
                        bitsOffset = tagOffset;
                        break;
                    case WeightsValues:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        valuesLength = reader.ReadLengthDelimited(out valuesStart);
                        valuesOffset = tagOffset;
                        break;
                    case WeightsIndex:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        indexLength = reader.ReadLengthDelimited(out indexStart);
                        indexOffset = tagOffset;
                        break;
                    case WeightsNonzeroCount:
                        nonzeroCount = ReadVarintField(ref reader, wireType, tagOffset);
                        nonzeroOffset = tagOffset;
                        break;
                    default:
                        reader.SkipValue(wireType);
                        break;
                }
            }

            if (encoding < (ulong)WeightEncoding.Dense || encoding > (ulong)WeightEncoding.Bitmap)
            {
                throw new ModelFormatException(ModelErrorCode.BadWeightEncoding, encodingOffset, WeightsEncoding);
            }

            CheckRange(bits, 2, 8, bitsOffset, WeightsBits);
            matrix.Encoding = (WeightEncoding)(int)encoding;
            matrix.Bits = (int)bits;
            matrix.ValuesOffset = valuesStart;
            matrix.ValuesLength = valuesLength;
            matrix.IndexOffset = indexStart;
            matrix.IndexLength = indexLength;

            long rows = matrix.Rows;
            long columns = matrix.Columns;
            if (matrix.Encoding == WeightEncoding.Dense)
            {
                RequireLength(valuesLength, rows * columns, valuesOffset, WeightsValues);
                RequireLength(indexLength, 0, indexOffset, WeightsIndex);
            }
            else if (matrix.Encoding == WeightEncoding.Csr)
            {
                long stored = CheckCsrStream(model, matrix);
                RequireLength(valuesLength, stored, valuesOffset, WeightsValues);
            }
            else
            {
                long bytesPerRow = (columns + 7) / 8;
                RequireLength(indexLength, rows * bytesPerRow, indexOffset, WeightsIndex);
                long stored = CheckBitmaps(model, matrix, (int)bytesPerRow);
                RequireLength(valuesLength, stored, valuesOffset, WeightsValues);
            }

            long nonzero = CheckValues(model, valuesStart, valuesLength, matrix.Bits);
            if (nonzeroCount != (ulong)nonzero)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, nonzeroOffset, WeightsNonzeroCount);
            }
        }

        private static void RequireLength(int length, long expected, int offset, int field)
        {
            if (length != expected)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, offset, field);
            }
        }

        /// <summary>
        /// Walks the CSR index (semantics §3.2): per row a count no larger than the columns, then that many column
        /// deltas giving strictly increasing columns below the column count; the stream must end exactly after the last
        /// row. Returns the number of stored weights.
        /// </summary>
        private static long CheckCsrStream(byte[] model, WeightMatrix matrix)
        {
            int position = matrix.IndexOffset;
            int end = matrix.IndexOffset + matrix.IndexLength;
            long stored = 0;
            for (int row = 0; row < matrix.Rows; row++)
            {
                int countOffset = position;
                uint count = ReadStreamVarint(model, ref position, end);
                if (count > (uint)matrix.Columns)
                {
                    throw new ModelFormatException(ModelErrorCode.BadWeightEncoding, countOffset, WeightsIndex);
                }

                long column = -1;
                for (uint j = 0; j < count; j++)
                {
                    int deltaOffset = position;
                    uint delta = ReadStreamVarint(model, ref position, end);
                    column = column + 1 + delta;
                    if (column >= matrix.Columns)
                    {
                        throw new ModelFormatException(ModelErrorCode.IndexOutOfRange, deltaOffset, WeightsIndex);
                    }
                }

                stored += count;
            }

            if (position != end)
            {
                throw new ModelFormatException(ModelErrorCode.BadWeightEncoding, position, WeightsIndex);
            }

            return stored;
        }

        /// <summary>An unsigned varint of the CSR stream: at most 5 bytes, below 2^32, inside the index bytes.</summary>
        private static uint ReadStreamVarint(byte[] model, ref int position, int end)
        {
            int start = position;
            ulong value = 0;
            for (int i = 0; i < 5; i++)
            {
                if (position >= end)
                {
                    throw new ModelFormatException(ModelErrorCode.BadWeightEncoding, position, WeightsIndex);
                }

                byte b = model[position];
                position++;
                value |= (ulong)(b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    if (value > 0xFFFFFFFFUL)
                    {
                        break;
                    }

                    return (uint)value;
                }
            }

            throw new ModelFormatException(ModelErrorCode.BadWeightEncoding, start, WeightsIndex);
        }

        /// <summary>
        /// Checks every row bitmap's padding bits (o ≥ columns) are zero (semantics §3.3) and returns the total
        /// number of set bits.
        /// </summary>
        private static long CheckBitmaps(byte[] model, WeightMatrix matrix, int bytesPerRow)
        {
            int usedBitsInLast = matrix.Columns - ((bytesPerRow - 1) * 8);
            int paddingMask = (0xFF << usedBitsInLast) & 0xFF;
            long stored = 0;
            int position = matrix.IndexOffset;
            for (int row = 0; row < matrix.Rows; row++)
            {
                for (int b = 0; b < bytesPerRow; b++)
                {
                    int value = model[position];
                    if (b == bytesPerRow - 1 && (value & paddingMask) != 0)
                    {
                        throw new ModelFormatException(ModelErrorCode.BadWeightEncoding, position, WeightsIndex);
                    }

                    stored += PopCount(value);
                    position++;
                }
            }

            return stored;
        }

        private static int PopCount(int value)
        {
            int count = 0;
            while (value != 0)
            {
                value &= value - 1;
                count++;
            }

            return count;
        }

        /// <summary>
        /// Every stored weight lies in ±(2^(bits−1) − 1) (semantics §3); returns how many are non-zero.
        /// </summary>
        private static long CheckValues(byte[] model, int start, int length, int bits)
        {
            int limit = (1 << (bits - 1)) - 1;
            long nonzero = 0;
            int end = start + length;
            for (int i = start; i < end; i++)
            {
                int value = (sbyte)model[i];
                if (value > limit || value < -limit)
                {
                    throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, i, WeightsValues);
                }

                if (value != 0)
                {
                    nonzero++;
                }
            }

            return nonzero;
        }
    }
}
