namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// What the first walk of one Layer message found, indexed by field number: the last value and tag offset of
    /// each scalar, the element count and first tag offset of each repeated field, and where each embedded message
    /// lies. Offsets are −1 for an absent field. Used only while loading.
    /// </summary>
    internal sealed class LayerScan
    {
        /// <summary>One past the highest Layer field number the runtime knows (src = 24).</summary>
        public const int FieldSlots = 25;

        /// <summary>Creates an empty scan of the layer whose tag lies at <paramref name="layerTag"/>.</summary>
        public LayerScan(int layerTag)
        {
            LayerTag = layerTag;
            for (int f = 0; f < FieldSlots; f++)
            {
                Offsets[f] = -1;
            }
        }

        /// <summary>Offset of the layer's tag in the model file.</summary>
        public int LayerTag { get; }

        /// <summary>The layer being built.</summary>
        public LayerDescriptor Layer;

        /// <summary>Scalar fields: the value read (the last one when a field repeats, as protobuf says).</summary>
        public readonly ulong[] Values = new ulong[FieldSlots];

        /// <summary>
        /// Tag offset per field: of the last occurrence of a scalar or message, of the first occurrence that added
        /// elements to a repeated field; −1 when absent.
        /// </summary>
        public readonly int[] Offsets = new int[FieldSlots];

        /// <summary>Element count of each repeated field.</summary>
        public readonly int[] Counts = new int[FieldSlots];

        /// <summary>First payload byte of each embedded message.</summary>
        public readonly int[] MessageStarts = new int[FieldSlots];

        /// <summary>Payload length of each embedded message.</summary>
        public readonly int[] MessageLengths = new int[FieldSlots];

        /// <summary>True when the field occurred (scalar, message) or holds elements (repeated).</summary>
        public bool Has(int field)
        {
            return IsRepeated(field) ? Counts[field] > 0 : Offsets[field] >= 0;
        }

        /// <summary>True when the field occurred with a non-zero value, or holds elements, or is a message that occurred.</summary>
        public bool IsSet(int field)
        {
            if (IsRepeated(field))
            {
                return Counts[field] > 0;
            }

            return Offsets[field] >= 0 && (IsMessage(field) || Values[field] != 0);
        }

        /// <summary>The repeated fields of Layer: threshold, bias, weight_scale, refractory_gain, inhibition, membrane_floor.</summary>
        public static bool IsRepeated(int field)
        {
            return field == 8 || field == 9 || field == 10 || field == 15 || field == 16 || field == 17;
        }

        /// <summary>The message fields of Layer: weights, output_table, recurrent_weights, src.</summary>
        public static bool IsMessage(int field)
        {
            return field == 11 || field == 21 || field == 23 || field == 24;
        }

        /// <summary>The field's tag offset, or the layer's tag offset when the field is absent.</summary>
        public int OffsetOf(int field)
        {
            return Offsets[field] >= 0 ? Offsets[field] : LayerTag;
        }
    }
}
