namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// Every reason a model file can be refused. Numbers are stable so that a device can report a code alone and the
    /// host can turn it into text.
    /// </summary>
    public enum ModelErrorCode
    {
        /// <summary>The file ends inside a varint, a fixed-width value or a length-delimited field.</summary>
        Truncated = 1,

        /// <summary>A varint is longer than 10 bytes or does not fit in 64 bits.</summary>
        VarintTooLong = 2,

        /// <summary>A length prefix is larger than what remains of its enclosing message.</summary>
        LengthOutOfRange = 3,

        /// <summary>A wire type is not one of 0, 1, 2, 5, or is not the one the field is declared with.</summary>
        BadWireType = 4,

        /// <summary>A tag carries field number 0 or one above 2^29 − 1.</summary>
        BadFieldNumber = 5,

        /// <summary>Messages are nested deeper than the reader allows.</summary>
        NestingTooDeep = 6,

        /// <summary><c>format_major</c> is not the one this runtime reads.</summary>
        UnsupportedMajorVersion = 7,

        /// <summary>The file has no <c>checksum</c> field.</summary>
        ChecksumMissing = 8,

        /// <summary>A field follows the <c>checksum</c> field.</summary>
        ChecksumNotLast = 9,

        /// <summary>The CRC-32 of the bytes before the checksum tag differs from the stored checksum.</summary>
        ChecksumMismatch = 10,

        /// <summary>A required field or message is absent.</summary>
        MissingField = 11,

        /// <summary>A singular message field occurs more than once.</summary>
        DuplicateField = 12,

        /// <summary>A value lies outside its allowed range (semantics.md §1, the .proto comments).</summary>
        ValueOutOfRange = 13,

        /// <summary>Sizes or counts that must agree do not (layer chaining, per-neuron arrays, weight lengths).</summary>
        SizeMismatch = 14,

        /// <summary>The weight encoding is unknown or its index stream is malformed (semantics.md §3).</summary>
        BadWeightEncoding = 15,

        /// <summary>A column index in the weight index stream is at or beyond the layer's output size.</summary>
        IndexOutOfRange = 16,

        /// <summary><c>format_minor</c> is newer than this runtime reads: the file needs a newer reader.</summary>
        UnsupportedMinorVersion = 17,

        /// <summary>A file marked <c>format_minor</c> 0 uses a format-1.1 feature (it was written by a broken writer).</summary>
        FeatureNeedsNewerMinorVersion = 18,

        /// <summary>A field is present (or non-zero) where the layer's neuron, output kind or other fields forbid it.</summary>
        FieldNotAllowed = 19,

        /// <summary>A layer's drive could overflow 32 bits: <c>127 × (A_l + B_l) &gt; 2^30</c> (semantics.md §4.5).</summary>
        DriveRangeExceeded = 20,
    }
}
