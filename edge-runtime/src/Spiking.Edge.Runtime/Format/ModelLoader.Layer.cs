using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The Layer message: one walk to find every field, then the rules in a fixed order (semantics.md §1, §4).</summary>
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
        private const int LayerDecay = 12;
        private const int LayerCurrentShift = 13;
        private const int LayerRefractoryTicks = 14;
        private const int LayerRefractoryGain = 15;
        private const int LayerInhibition = 16;
        private const int LayerMembraneFloor = 17;
        private const int LayerActivation = 18;
        private const int LayerNegativeSlope = 19;
        private const int LayerOutput = 20;
        private const int LayerOutputTable = 21;
        private const int LayerResetScope = 22;
        private const int LayerRecurrentWeights = 23;
        private const int LayerSrc = 24;

        /// <summary>
        /// Reads and checks one layer. Order: sizes and chaining, 1.1 features in a format_minor 0 file, neuron, leak
        /// and current, the rules of the layer's neuron (§4.1–§4.3), bias and weight-scale counts, the per-neuron
        /// arrays, then the embedded messages (weights, recurrent weights, output table, SRC parameters).
        /// </summary>
        private static LayerScan ReadLayer(WireReader reader, byte[] model, int layerTag, int expectedInput, ulong formatMinor)
        {
            WireReader start = reader;
            LayerScan scan = ScanLayer(reader, layerTag);
            var layer = new LayerDescriptor();
            scan.Layer = layer;

            CheckRange(scan.Values[LayerInputSize], 1, Semantics.MaxLayerSize, scan.OffsetOf(LayerInputSize), LayerInputSize);
            CheckRange(scan.Values[LayerOutputSize], 1, Semantics.MaxLayerSize, scan.OffsetOf(LayerOutputSize), LayerOutputSize);
            if ((int)scan.Values[LayerInputSize] != expectedInput)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, scan.OffsetOf(LayerInputSize), LayerInputSize);
            }

            layer.InputSize = (int)scan.Values[LayerInputSize];
            layer.OutputSize = (int)scan.Values[LayerOutputSize];
            if (formatMinor == 0)
            {
                RejectFormat11Features(scan);
            }

            CheckRange(scan.Values[LayerNeuron], (long)NeuronModel.Lif, (long)NeuronModel.Src, scan.OffsetOf(LayerNeuron), LayerNeuron);
            layer.Neuron = (NeuronModel)(int)scan.Values[LayerNeuron];
            CheckLeakAndCurrent(scan, layer);
            if (layer.Neuron == NeuronModel.Lif)
            {
                CheckLif(scan, layer);
            }
            else
            {
                CheckNonLif(scan, layer);
            }

            int size = layer.OutputSize;
            if (scan.Counts[LayerBias] != 0)
            {
                RequireCount(scan.Counts[LayerBias], size, scan.OffsetOf(LayerBias), LayerBias);
            }

            RequireCount(scan.Counts[LayerWeightScale], size, scan.OffsetOf(LayerWeightScale), LayerWeightScale);
            DecodeArrays(start, scan);

            if (!scan.Has(LayerWeights))
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, layerTag, LayerWeights);
            }

            layer.Weights = new WeightMatrix(layer.InputSize, size);
            ReadWeights(Embedded(start, scan, LayerWeights), model, scan.Offsets[LayerWeights], layer.Weights);
            if (scan.Has(LayerRecurrentWeights))
            {
                layer.RecurrentWeights = new WeightMatrix(size, size);
                ReadWeights(Embedded(start, scan, LayerRecurrentWeights), model, scan.Offsets[LayerRecurrentWeights], layer.RecurrentWeights);
            }

            if (scan.Has(LayerOutputTable))
            {
                layer.OutputTable = ReadTable(Embedded(start, scan, LayerOutputTable), scan.Offsets[LayerOutputTable], 0, Semantics.GradedFullScale);
            }

            if (scan.Has(LayerSrc))
            {
                layer.Src = ReadSrc(Embedded(start, scan, LayerSrc), scan.Offsets[LayerSrc]);
            }

            return scan;
        }

        /// <summary>First walk: every field's value or element count and where it lies; the wire types are checked here.</summary>
        private static LayerScan ScanLayer(WireReader reader, int layerTag)
        {
            var scan = new LayerScan(layerTag);
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (field >= LayerScan.FieldSlots || field == 1)
                {
                    // name (1) and unknown fields.
                    reader.SkipValue(wireType);
                }
                else if (LayerScan.IsMessage(field))
                {
                    reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                    RejectDuplicate(scan.Offsets[field], tagOffset, field);
                    scan.Offsets[field] = tagOffset;
                    scan.MessageLengths[field] = reader.ReadLengthDelimited(out scan.MessageStarts[field]);
                }
                else if (LayerScan.IsRepeated(field))
                {
                    if (scan.Counts[field] == 0)
                    {
                        scan.Offsets[field] = tagOffset;
                    }

                    scan.Counts[field] += field == LayerWeightScale
                        ? CountFloats(ref reader, wireType, tagOffset)
                        : CountVarints(ref reader, wireType, tagOffset);
                }
                else
                {
                    scan.Values[field] = ReadVarintField(ref reader, wireType, tagOffset);
                    scan.Offsets[field] = tagOffset;
                }
            }

            return scan;
        }

        /// <summary>A reader over the payload of the embedded message <paramref name="field"/> of the layer.</summary>
        private static WireReader Embedded(WireReader layerReader, LayerScan scan, int field)
        {
            return layerReader.Nested(scan.MessageStarts[field], scan.MessageLengths[field]);
        }

        /// <summary>
        /// A file marked format_minor 0 may not use a 1.1 feature: neuron SRC, reset GATE, a non-zero decay,
        /// current_shift, refractory_ticks, negative_slope, activation, output or reset_scope, a non-empty
        /// refractory_gain, inhibition or membrane_floor, or an output_table, recurrent_weights or src message. The
        /// feature written first in the layer is named.
        /// </summary>
        private static void RejectFormat11Features(LayerScan scan)
        {
            int offset = -1, field = 0;
            for (int f = LayerDecay; f <= LayerSrc; f++)
            {
                if (scan.IsSet(f) && (offset < 0 || scan.Offsets[f] < offset))
                {
                    offset = scan.Offsets[f];
                    field = f;
                }
            }

            if (scan.Values[LayerNeuron] == (ulong)NeuronModel.Src && (offset < 0 || scan.Offsets[LayerNeuron] < offset))
            {
                offset = scan.Offsets[LayerNeuron];
                field = LayerNeuron;
            }

            if (scan.Values[LayerReset] == (ulong)ResetMode.Gate && (offset < 0 || scan.Offsets[LayerReset] < offset))
            {
                offset = scan.Offsets[LayerReset];
                field = LayerReset;
            }

            if (offset >= 0)
            {
                throw new ModelFormatException(ModelErrorCode.FeatureNeedsNewerMinorVersion, offset, field);
            }
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

        /// <summary>Refuses a field that the layer's kind forbids.</summary>
        private static void NotAllowed(LayerScan scan, int field)
        {
            throw new ModelFormatException(ModelErrorCode.FieldNotAllowed, scan.OffsetOf(field), field);
        }
    }
}
