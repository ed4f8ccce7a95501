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
    }
}
