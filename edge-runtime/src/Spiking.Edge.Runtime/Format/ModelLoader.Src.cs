using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The SrcParameters message of an SRC layer (semantics.md §4.3).</summary>
    internal static partial class ModelLoader
    {
        private const int SrcFractionBits = 1;
        private const int SrcInputDecay = 2;
        private const int SrcInputTable = 3;
        private const int SrcFastTable = 4;
        private const int SrcFastFeedback = 5;
        private const int SrcSlowFeedback = 6;
        private const int SrcGateThreshold = 7;
        private const int SrcSlowGateRest = 8;
        private const int SrcSlowGateActive = 9;
        private const int SrcRestFast = 10;
        private const int SrcRestSlow = 11;
        private const int SrcFieldSlots = 12;

        /// <summary>
        /// Reads the SRC parameters, checked in field order: fraction_bits 8..14; input_decay ≤ 65536; input_table
        /// (state range) and fast_table ([−2^F, 2^F]) present; feedbacks and gate threshold in the state range; slow
        /// gates ≤ 65536; rest states in [−2^F, 2^F].
        /// </summary>
        private static SrcParameters ReadSrc(WireReader reader, int srcTag)
        {
            WireReader start = reader;
            var values = new ulong[SrcFieldSlots];
            var offsets = new int[SrcFieldSlots];
            int inputTableStart = 0, inputTableLength = 0, fastTableStart = 0, fastTableLength = 0;
            for (int f = 0; f < SrcFieldSlots; f++)
            {
                offsets[f] = -1;
            }

            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (field == SrcInputTable || field == SrcFastTable)
                {
                    reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                    RejectDuplicate(offsets[field], tagOffset, field);
                    offsets[field] = tagOffset;
                    if (field == SrcInputTable)
                    {
                        inputTableLength = reader.ReadLengthDelimited(out inputTableStart);
                    }
                    else
                    {
                        fastTableLength = reader.ReadLengthDelimited(out fastTableStart);
                    }
                }
                else if (field < SrcFieldSlots)
                {
                    values[field] = ReadVarintField(ref reader, wireType, tagOffset);
                    offsets[field] = tagOffset;
                }
                else
                {
                    reader.SkipValue(wireType);
                }
            }

            var src = new SrcParameters();
            CheckRange(values[SrcFractionBits], Semantics.MinFractionBits, Semantics.MaxFractionBits, At(offsets, SrcFractionBits, srcTag), SrcFractionBits);
            src.FractionBits = (int)values[SrcFractionBits];
            int one = 1 << src.FractionBits;
            CheckRange(values[SrcInputDecay], 0, Semantics.OneQ16, At(offsets, SrcInputDecay, srcTag), SrcInputDecay);
            src.InputDecay = (int)values[SrcInputDecay];
            if (offsets[SrcInputTable] < 0)
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, srcTag, SrcInputTable);
            }

            src.InputTable = ReadTable(start.Nested(inputTableStart, inputTableLength), offsets[SrcInputTable], Semantics.StateMin, Semantics.StateMax);
            if (offsets[SrcFastTable] < 0)
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, srcTag, SrcFastTable);
            }

            src.FastTable = ReadTable(start.Nested(fastTableStart, fastTableLength), offsets[SrcFastTable], -one, one);
            src.FastFeedback = CheckedSInt32Field(values[SrcFastFeedback], Semantics.StateMin, Semantics.StateMax, At(offsets, SrcFastFeedback, srcTag), SrcFastFeedback);
            src.SlowFeedback = CheckedSInt32Field(values[SrcSlowFeedback], Semantics.StateMin, Semantics.StateMax, At(offsets, SrcSlowFeedback, srcTag), SrcSlowFeedback);
            src.GateThreshold = CheckedSInt32Field(values[SrcGateThreshold], Semantics.StateMin, Semantics.StateMax, At(offsets, SrcGateThreshold, srcTag), SrcGateThreshold);
            CheckRange(values[SrcSlowGateRest], 0, Semantics.OneQ16, At(offsets, SrcSlowGateRest, srcTag), SrcSlowGateRest);
            CheckRange(values[SrcSlowGateActive], 0, Semantics.OneQ16, At(offsets, SrcSlowGateActive, srcTag), SrcSlowGateActive);
            src.SlowGateRest = (int)values[SrcSlowGateRest];
            src.SlowGateActive = (int)values[SrcSlowGateActive];
            src.RestFast = CheckedSInt32Field(values[SrcRestFast], -one, one, At(offsets, SrcRestFast, srcTag), SrcRestFast);
            src.RestSlow = CheckedSInt32Field(values[SrcRestSlow], -one, one, At(offsets, SrcRestSlow, srcTag), SrcRestSlow);
            return src;
        }

        /// <summary>The field's tag offset, or <paramref name="messageTag"/> when the field is absent.</summary>
        private static int At(int[] offsets, int field, int messageTag)
        {
            return offsets[field] >= 0 ? offsets[field] : messageTag;
        }
    }
}
