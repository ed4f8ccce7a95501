using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The LookupTable message (semantics.md §4.4).</summary>
    internal static partial class ModelLoader
    {
        private const int TableInputShift = 1;
        private const int TableInputOffset = 2;
        private const int TableValues = 3;

        /// <summary>
        /// Reads a lookup table: input_shift ≤ 30, input_offset any sint32, 1..65,536 values each in
        /// [<paramref name="min"/>, <paramref name="max"/>] (the state range or tighter).
        /// </summary>
        private static LookupTable ReadTable(WireReader reader, int tableTag, int min, int max)
        {
            WireReader start = reader;
            ulong shift = 0, offsetRaw = 0;
            int shiftOffset = tableTag, offsetOffset = tableTag, valuesOffset = tableTag;
            int count = 0;
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (field == TableInputShift)
                {
                    shift = ReadVarintField(ref reader, wireType, tagOffset);
                    shiftOffset = tagOffset;
                }
                else if (field == TableInputOffset)
                {
                    offsetRaw = ReadVarintField(ref reader, wireType, tagOffset);
                    offsetOffset = tagOffset;
                }
                else if (field == TableValues)
                {
                    valuesOffset = count == 0 ? tagOffset : valuesOffset;
                    count += CountVarints(ref reader, wireType, tagOffset);
                }
                else
                {
                    reader.SkipValue(wireType);
                }
            }

            CheckRange(shift, 0, Semantics.MaxTableInputShift, shiftOffset, TableInputShift);
            int inputOffset = SInt32(offsetRaw, offsetOffset, TableInputOffset);
            if (count < 1 || count > Semantics.MaxTableLength)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, valuesOffset, TableValues);
            }

            var values = new int[count];
            int index = 0;
            while (!start.IsAtEnd)
            {
                start.ReadTag(out int field, out int wireType);
                if (field == TableValues)
                {
                    index = DecodeVarints(ref start, wireType, values, index, min, max, field, true);
                }
                else
                {
                    start.SkipValue(wireType);
                }
            }

            return new LookupTable((int)shift, inputOffset, values);
        }

        /// <summary>A scalar sint32 field's raw varint, zigzag-decoded; refused when it does not fit 32 bits.</summary>
        private static int SInt32(ulong raw, int offset, int field)
        {
            if (raw > 0xFFFFFFFFUL)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }

            return (int)((uint)raw >> 1) ^ -(int)((uint)raw & 1);
        }

        /// <summary>A scalar sint32 field refused outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
        private static int CheckedSInt32Field(ulong raw, int min, int max, int offset, int field)
        {
            int value = SInt32(raw, offset, field);
            if (value < min || value > max)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }

            return value;
        }
    }
}
