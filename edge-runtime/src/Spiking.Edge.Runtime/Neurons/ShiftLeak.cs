namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>The shift leak of semantics.md §4.1 step 5, shared by LIF and leaky integrators: <c>v ← v − (v &gt;&gt; leak_shift)</c>.</summary>
    internal static class ShiftLeak
    {
        /// <summary>
        /// Leaks <paramref name="count"/> membranes from <paramref name="offset"/>. The shift is arithmetic (floor
        /// toward −∞, e.g. −5 &gt;&gt; 1 = −3); shift 0 leaves the membranes unchanged.
        /// </summary>
        public static void Apply(int[] membranes, int offset, int count, int leakShift)
        {
            if (leakShift == 0)
            {
                return;
            }

            int end = offset + count;
            for (int o = offset; o < end; o++)
            {
                int v = membranes[o];
                membranes[o] = v - (v >> leakShift);
            }
        }
    }
}
