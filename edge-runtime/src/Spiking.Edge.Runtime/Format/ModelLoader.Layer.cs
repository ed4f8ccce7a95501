using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The Layer message: sizes, neuron parameters and per-neuron arrays (semantics.md §1, §4).</summary>
    internal static partial class ModelLoader
    {
        private const int LayerInputSize = 2;
        private const int LayerOutputSize = 3;
        private const int LayerNeuron = 4;
        private const int LayerLeakShift = 5;
        private const int LayerReset = 6;
        private const int LayerComparison = 7;
        private const int LayerThreshold = 8;
        private const int LayerBias = 9;
        private const int LayerWeightScale = 10;
        private const int LayerWeights = 11;

        private static LayerDescriptor ReadLayer(WireReader reader, byte[] model, int layerTag, int expectedInput)
        {
            WireReader start = reader;
            var layer = new LayerDescriptor();
            ulong inputSize = 0, outputSize = 0, neuron = 0, leakShift = 0, reset = 0, comparison = 0;
            int inputOffset = layerTag, outputOffset = layerTag, neuronOffset = layerTag, leakOffset = layerTag;
            int resetOffset = layerTag, comparisonOffset = layerTag;
            int thresholdCount = 0, biasCount = 0, scaleCount = 0;
            int thresholdOffset = layerTag, biasOffset = layerTag, scaleOffset = layerTag;
            int weightsOffset = -1, weightsStart = 0, weightsLength = 0;

            // Pass 1: scalars, where the weights are, and how many elements each repeated field holds.
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                switch (field)
                {
                    case LayerInputSize:
                        inputSize = ReadVarintField(ref reader, wireType, tagOffset);
                        inputOffset = tagOffset;
                        break;
                    case LayerOutputSize:
                        outputSize = ReadVarintField(ref reader, wireType, tagOffset);
                        outputOffset = tagOffset;
                        break;
                    case LayerNeuron:
                        neuron = ReadVarintField(ref reader, wireType, tagOffset);
                        neuronOffset = tagOffset;
                        break;
                    case LayerLeakShift:
                        leakShift = ReadVarintField(ref reader, wireType, tagOffset);
                        leakOffset = tagOffset;
                        break;
                    case LayerReset:
                        reset = ReadVarintField(ref reader, wireType, tagOffset);
                        resetOffset = tagOffset;
                        break;
                    case LayerComparison:
                        comparison = ReadVarintField(ref reader, wireType, tagOffset);
                        comparisonOffset = tagOffset;
                        break;
                    case LayerThreshold:
                        thresholdOffset = thresholdCount == 0 ? tagOffset : thresholdOffset;
                        thresholdCount += CountVarints(ref reader, wireType, tagOffset);
                        break;
                    case LayerBias:
                        biasOffset = biasCount == 0 ? tagOffset : biasOffset;
                        biasCount += CountVarints(ref reader, wireType, tagOffset);
                        break;
                    case LayerWeightScale:
                        scaleOffset = scaleCount == 0 ? tagOffset : scaleOffset;
                        scaleCount += CountFloats(ref reader, wireType, tagOffset);
                        break;
                    case LayerWeights:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        RejectDuplicate(weightsOffset, tagOffset, field);
                        weightsOffset = tagOffset;
                        weightsLength = reader.ReadLengthDelimited(out weightsStart);
                        break;
                    default:
                        // name (1) and unknown fields.
                        reader.SkipValue(wireType);
                        break;
                }
            }

            CheckRange(inputSize, 1, Semantics.MaxLayerSize, inputOffset, LayerInputSize);
            CheckRange(outputSize, 1, Semantics.MaxLayerSize, outputOffset, LayerOutputSize);
            if ((int)inputSize != expectedInput)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, inputOffset, LayerInputSize);
            }

            CheckRange(neuron, (long)NeuronModel.Lif, (long)NeuronModel.LeakyIntegrator, neuronOffset, LayerNeuron);
            CheckRange(leakShift, 0, Semantics.MaxLeakShift, leakOffset, LayerLeakShift);
            layer.InputSize = (int)inputSize;
            layer.OutputSize = (int)outputSize;
            layer.Neuron = (NeuronModel)(int)neuron;
            layer.LeakShift = (int)leakShift;
            int size = layer.OutputSize;

            if (layer.Neuron == NeuronModel.Lif)
            {
                CheckRange(reset, (long)ResetMode.Zero, (long)ResetMode.None, resetOffset, LayerReset);
                CheckRange(comparison, (long)ThresholdComparison.GreaterOrEqual, (long)ThresholdComparison.Greater, comparisonOffset, LayerComparison);
                RequireCount(thresholdCount, size, thresholdOffset, LayerThreshold);
            }
            else
            {
                CheckRange(reset, 0, 0, resetOffset, LayerReset);
                CheckRange(comparison, 0, 0, comparisonOffset, LayerComparison);
                RequireCount(thresholdCount, 0, thresholdOffset, LayerThreshold);
            }

            layer.Reset = (ResetMode)(int)reset;
            layer.Comparison = (ThresholdComparison)(int)comparison;
            if (biasCount != 0)
            {
                RequireCount(biasCount, size, biasOffset, LayerBias);
            }

            RequireCount(scaleCount, size, scaleOffset, LayerWeightScale);

            // Pass 2: decode thresholds and biases (counts are now known to equal output_size, and each element
            // took at least one byte of the file, so these arrays are bounded by the file).
            if (thresholdCount != 0)
            {
                layer.Threshold = new int[size];
            }

            if (biasCount != 0)
            {
                layer.Bias = new int[size];
            }

            DecodeArrays(start, layer);

            if (weightsOffset < 0)
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, layerTag, LayerWeights);
            }

            ReadWeights(start.Nested(weightsStart, weightsLength), model, weightsOffset, layer);
            return layer;
        }

        private static ulong ReadVarintField(ref WireReader reader, int wireType, int tagOffset)
        {
            reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
            return reader.ReadVarint();
        }

        private static void RequireCount(int count, int expected, int offset, int field)
        {
            if (count != expected)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, offset, field);
            }
        }

        /// <summary>Counts the sint32 elements of one occurrence of a repeated field, packed or not.</summary>
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

        /// <summary>Second walk of the layer: decodes thresholds (each in [1, STATE_MAX]) and biases (state range).</summary>
        private static void DecodeArrays(WireReader reader, LayerDescriptor layer)
        {
            int thresholdIndex = 0, biasIndex = 0;
            while (!reader.IsAtEnd)
            {
                reader.ReadTag(out int field, out int wireType);
                if (field == LayerThreshold)
                {
                    thresholdIndex = DecodeSInt32s(ref reader, wireType, layer.Threshold, thresholdIndex, 1, Semantics.StateMax, field);
                }
                else if (field == LayerBias)
                {
                    biasIndex = DecodeSInt32s(ref reader, wireType, layer.Bias, biasIndex, Semantics.StateMin, Semantics.StateMax, field);
                }
                else
                {
                    reader.SkipValue(wireType);
                }
            }
        }

        private static int DecodeSInt32s(ref WireReader reader, int wireType, int[] target, int index, int min, int max, int field)
        {
            if (wireType == WireType.Varint)
            {
                int offset = reader.Position;
                target[index] = CheckedSInt32(ref reader, min, max, offset, field);
                return index + 1;
            }

            int length = reader.ReadLengthDelimited(out int payload);
            WireReader packed = reader.Nested(payload, length);
            while (!packed.IsAtEnd)
            {
                int offset = packed.Position;
                target[index] = CheckedSInt32(ref packed, min, max, offset, field);
                index++;
            }

            return index;
        }

        private static int CheckedSInt32(ref WireReader reader, int min, int max, int offset, int field)
        {
            ulong raw = reader.ReadVarint();
            if (raw > 0xFFFFFFFFUL)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }

            int value = (int)((uint)raw >> 1) ^ -(int)((uint)raw & 1);
            if (value < min || value > max)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }

            return value;
        }
    }
}
