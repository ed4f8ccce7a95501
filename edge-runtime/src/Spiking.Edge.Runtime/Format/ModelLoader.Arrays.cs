using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>Repeated fields: counted on the first walk, decoded and range-checked on the second.</summary>
    internal static partial class ModelLoader
    {
        /// <summary>Counts the varint elements of one occurrence of a repeated field, packed or not.</summary>
        private static int CountVarints(ref WireReader reader, int wireType, int tagOffset)
        {
            if (wireType == WireType.Varint)
            {
                reader.ReadVarint();
                return 1;
            }

            reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
            int length = reader.ReadLengthDelimited(out int payload);
            WireReader packed = reader.Nested(payload, length);
            int count = 0;
            while (!packed.IsAtEnd)
            {
                packed.ReadVarint();
                count++;
            }

            return count;
        }

        /// <summary>Counts the float elements of one occurrence of a repeated float field, packed or not, and checks each is finite.</summary>
        private static int CountFloats(ref WireReader reader, int wireType, int tagOffset)
        {
            if (wireType == WireType.Fixed32)
            {
                CheckFinite(reader.Position, reader.ReadFixed32());
                return 1;
            }

            reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
            int length = reader.ReadLengthDelimited(out int payload);
            if ((length & 3) != 0)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, tagOffset, LayerWeightScale);
            }

            WireReader packed = reader.Nested(payload, length);
            while (!packed.IsAtEnd)
            {
                CheckFinite(packed.Position, packed.ReadFixed32());
            }

            return length / 4;
        }

        /// <summary>A weight scale must be a finite float (exponent bits not all ones); the runtime never uses it.</summary>
        private static void CheckFinite(int offset, uint bits)
        {
            if ((bits & 0x7F800000u) == 0x7F800000u)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, LayerWeightScale);
            }
        }

        /// <summary>
        /// Second walk of the layer: decodes thresholds ([1, STATE_MAX] for BINARY, the state range for GRADED),
        /// biases, inhibition and membrane floors (state range) and refractory gains (0..32768). Every count is known
        /// by now to be what the layer allows, and each element took at least one byte of the file.
        /// </summary>
        private static void DecodeArrays(WireReader reader, LayerScan scan)
        {
            LayerDescriptor layer = scan.Layer;
            layer.Threshold = NewArray(scan, LayerThreshold);
            layer.Bias = NewArray(scan, LayerBias);
            layer.RefractoryGain = NewArray(scan, LayerRefractoryGain);
            layer.Inhibition = NewArray(scan, LayerInhibition);
            layer.MembraneFloor = NewArray(scan, LayerMembraneFloor);
            int thresholdMin = layer.Output == OutputKind.Graded ? Semantics.StateMin : 1;
            int thresholdIndex = 0, biasIndex = 0, gainIndex = 0, inhibitionIndex = 0, floorIndex = 0;
            while (!reader.IsAtEnd)
            {
                reader.ReadTag(out int field, out int wireType);
                switch (field)
                {
                    case LayerThreshold:
                        thresholdIndex = DecodeVarints(ref reader, wireType, layer.Threshold, thresholdIndex, thresholdMin, Semantics.StateMax, field, true);
                        break;
                    case LayerBias:
                        biasIndex = DecodeVarints(ref reader, wireType, layer.Bias, biasIndex, Semantics.StateMin, Semantics.StateMax, field, true);
                        break;
                    case LayerRefractoryGain:
                        gainIndex = DecodeVarints(ref reader, wireType, layer.RefractoryGain, gainIndex, 0, Semantics.MaxRefractoryGain, field, false);
                        break;
                    case LayerInhibition:
                        inhibitionIndex = DecodeVarints(ref reader, wireType, layer.Inhibition, inhibitionIndex, Semantics.StateMin, Semantics.StateMax, field, true);
                        break;
                    case LayerMembraneFloor:
                        floorIndex = DecodeVarints(ref reader, wireType, layer.MembraneFloor, floorIndex, Semantics.StateMin, Semantics.StateMax, field, true);
                        break;
                    default:
                        reader.SkipValue(wireType);
                        break;
                }
            }
        }

        /// <summary>An array for the counted elements of a repeated field, or null when it has none.</summary>
        private static int[] NewArray(LayerScan scan, int field)
        {
            return scan.Counts[field] == 0 ? null : new int[scan.Counts[field]];
        }

        /// <summary>
        /// Decodes one occurrence (packed or not) of a repeated sint32 (<paramref name="zigZag"/>) or uint32 field into
        /// <paramref name="target"/> from <paramref name="index"/>, each value in [min, max]; returns the next index.
        /// </summary>
        private static int DecodeVarints(ref WireReader reader, int wireType, int[] target, int index, int min, int max, int field, bool zigZag)
        {
            if (wireType == WireType.Varint)
            {
                int offset = reader.Position;
                target[index] = CheckedInt32(ref reader, min, max, offset, field, zigZag);
                return index + 1;
            }

            int length = reader.ReadLengthDelimited(out int payload);
            WireReader packed = reader.Nested(payload, length);
            while (!packed.IsAtEnd)
            {
                int offset = packed.Position;
                target[index] = CheckedInt32(ref packed, min, max, offset, field, zigZag);
                index++;
            }

            return index;
        }

        /// <summary>Reads a 32-bit varint (zigzag-decoded for sint32) and refuses it outside [min, max].</summary>
        private static int CheckedInt32(ref WireReader reader, int min, int max, int offset, int field, bool zigZag)
        {
            ulong raw = reader.ReadVarint();
            if (raw > 0xFFFFFFFFUL)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }

            long value = zigZag ? (int)((uint)raw >> 1) ^ -(int)((uint)raw & 1) : (long)raw;
            if (value < min || value > max)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }

            return (int)value;
        }
    }
}
