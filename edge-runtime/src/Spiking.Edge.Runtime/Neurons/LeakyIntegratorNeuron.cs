namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The end of a tick for a leaky-integrator layer (semantics.md §4.2, steps 2–3): adds the bias, clamps to the
    /// state range and records the membrane; it never spikes.
    /// </summary>
    internal static class LeakyIntegratorNeuron
    {
        /// <summary>
        /// Closes a tick for <paramref name="size"/> neurons; when <paramref name="sums"/> is not null, the recorded
        /// membranes are added to it (semantics §5).
        /// </summary>
        public static void CloseTick(int[] state, int membraneOffset, int size, int[] bias, long[] sums, int sumsOffset)
        {
            for (int o = 0; o < size; o++)
            {
                int v = BiasAndClamp.Apply(state[membraneOffset + o], bias, o);

                if (sums != null)
                {
                    sums[sumsOffset + o] += v;
                }

                state[membraneOffset + o] = v;
            }
        }
    }
}
