namespace Spiking.Edge.Runtime.Events.Evt21
{
    /// <summary>
    /// The constants of Prophesee's EVT 2.1 format (64-bit words; type in bits 63–60). Bit positions are given in the
    /// 32-bit header half (word bits 63–32) and the 32-bit payload half (word bits 31–0).
    /// </summary>
    public static class Evt21Format
    {
        /// <summary>Bytes per word.</summary>
        public const int WordBytes = 8;

        /// <summary>Events a vector word can carry (one per payload bit).</summary>
        public const int MaxEventsPerWord = 32;

        /// <summary>Largest sensor side the 11-bit address fields can express.</summary>
        public const int MaxSensorSize = 2048;

        /// <summary>Word type of an OFF vector (polarity 0).</summary>
        public const int TypeNegative = 0x0;

        /// <summary>Word type of an ON vector (polarity 1).</summary>
        public const int TypePositive = 0x1;

        /// <summary>Word type carrying time bits 33–6 in header bits 27–0.</summary>
        public const int TypeTimeHigh = 0x8;

        /// <summary>Word type of an external trigger.</summary>
        public const int TypeExternalTrigger = 0xA;

        /// <summary>Word type of vendor extensions (counters, monitoring).</summary>
        public const int TypeOthers = 0xE;

        /// <summary>Word type carrying extra data of a previous word.</summary>
        public const int TypeContinued = 0xF;

        /// <summary>Shift of the 4-bit type in the header half.</summary>
        public const int TypeShift = 28;

        /// <summary>Shift of the 6 timestamp LSBs in the header half of a vector word.</summary>
        public const int TimeLowShift = 22;

        /// <summary>Shift of the 11-bit x (first pixel of the vector) in the header half.</summary>
        public const int XShift = 11;

        /// <summary>Mask of an 11-bit address field.</summary>
        public const int AddressMask = 0x7FF;

        /// <summary>Mask of the 6 timestamp LSBs.</summary>
        public const int TimeLowMask = 0x3F;

        /// <summary>Bits of the timestamp a vector word carries (the time-high unit is 2^6 µs).</summary>
        public const int TimeLowBits = 6;

        /// <summary>Mask of the 28-bit time-high field.</summary>
        public const int TimeHighMask = 0x0FFFFFFF;

        /// <summary>Bits of the whole EVT 2.0 / 2.1 timestamp: it wraps every 2^34 µs (about 4.77 h).</summary>
        public const int TimestampBits = 34;

        /// <summary>
        /// A time-high value smaller than the current one by at least this much (half the 28-bit range) is a
        /// wrap-around of the 34-bit time, not a step back.
        /// </summary>
        public const int TimeHighHalfRange = 1 << 27;
    }
}
