namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>Clamps to the state range [STATE_MIN, STATE_MAX] (semantics.md §1).</summary>
    internal static class StateClamp
    {
        /// <summary>A 32-bit value clamped to the state range.</summary>
        public static int Apply(int v)
        {
            if (v < Semantics.StateMin)
            {
                return Semantics.StateMin;
            }

            return v > Semantics.StateMax ? Semantics.StateMax : v;
        }

        /// <summary>A 64-bit value clamped to the state range.</summary>
        public static int Apply(long v)
        {
            if (v < Semantics.StateMin)
            {
                return Semantics.StateMin;
            }

            return v > Semantics.StateMax ? Semantics.StateMax : (int)v;
        }
    }
}
