namespace Spiking.Edge.Runtime
{
    /// <summary>
    /// The constants of model-format/spec/semantics.md §1. Both the runtime and the trainer's integer simulation
    /// read them from here, so the two cannot disagree on a limit.
    /// </summary>
    public static class Semantics
    {
        /// <summary>Lowest membrane value (semantics §1).</summary>
        public const int StateMin = -8388608;

        /// <summary>Highest membrane value (semantics §1).</summary>
        public const int StateMax = 8388607;

        /// <summary>Input events accepted per tick; later events of the same tick are dropped (semantics §2).</summary>
        public const int MaxEventsPerTick = 65535;

        /// <summary>Largest input or output size of a layer (semantics §1).</summary>
        public const int MaxLayerSize = 65535;

        /// <summary>Largest number of layers (semantics §1).</summary>
        public const int MaxLayers = 64;

        /// <summary>Largest number of ticks per sample (semantics §1).</summary>
        public const int MaxTicks = 1000000;

        /// <summary>Largest leak shift (semantics §4).</summary>
        public const int MaxLeakShift = 24;

        /// <summary>The only format major version this runtime reads.</summary>
        public const int FormatMajor = 1;

        /// <summary>The newest format minor version this runtime reads (1.1 added layer fields 12–24).</summary>
        public const int FormatMinor = 1;

        /// <summary>Largest multiplicative leak <c>decay</c>, Q16 (semantics §4.1 step 5).</summary>
        public const int MaxDecay = 65535;

        /// <summary>Largest <c>current_shift</c> of the synaptic current (semantics §4.1 step 4).</summary>
        public const int MaxCurrentShift = 24;

        /// <summary>Largest <c>refractory_ticks</c> and largest number of <c>refractory_gain</c> entries (semantics §4.1).</summary>
        public const int MaxRefractoryTicks = 65535;

        /// <summary>Largest soft refractory gain, Q15 (32768 = 1.0, semantics §4.1 step 3).</summary>
        public const int MaxRefractoryGain = 32768;

        /// <summary>One in Q16: the largest <c>negative_slope</c>, <c>input_decay</c> and slow gate (semantics §4.1, §4.3).</summary>
        public const int OneQ16 = 65536;

        /// <summary>Full scale Y1 of a GRADED output (Q7: 128 means 1.0, semantics §4).</summary>
        public const int GradedFullScale = 128;

        /// <summary>Smallest SRC <c>fraction_bits</c> F (semantics §4.3).</summary>
        public const int MinFractionBits = 8;

        /// <summary>Largest SRC <c>fraction_bits</c> F (semantics §4.3).</summary>
        public const int MaxFractionBits = 14;

        /// <summary>Largest lookup-table <c>input_shift</c> (semantics §4.4).</summary>
        public const int MaxTableInputShift = 30;

        /// <summary>Largest number of lookup-table values (semantics §4.4).</summary>
        public const int MaxTableLength = 65536;

        /// <summary>Largest magnitude of one stored weight (8 bits: ±127, semantics §3).</summary>
        public const int MaxWeightMagnitude = 127;

        /// <summary>Bound of the range rule <c>127 × (A_l + B_l) ≤ 2^30</c> (semantics §4.5).</summary>
        public const long DriveLimit = 1073741824;
    }
}
