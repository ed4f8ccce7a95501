namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The end of a tick for a leaky integrate-and-fire layer (semantics.md §4.1, steps 2–5). The synaptic part of
    /// step 2 has already been added event by event; this adds the bias, clamps to the state range, records the
    /// pre-reset membrane, fires, and resets.
    /// </summary>
    internal static class LifNeuron
    {
        /// <summary>
        /// Closes a tick for <paramref name="size"/> neurons. Spiking neurons' indices are written to the spike
        /// list at <paramref name="spikeListOffset"/> and their counts incremented; when <paramref name="sums"/> is
        /// not null, the recorded membranes are added to it (the last layer's MEMBRANE_SUM, semantics §5).
        /// Returns the number of spikes.
        /// </summary>
        public static int CloseTick(
            int[] state,
            int membraneOffset,
            int countOffset,
            int spikeListOffset,
            int size,
            int[] bias,
            int[] threshold,
            ResetMode reset,
            ThresholdComparison comparison,
            long[] sums,
            int sumsOffset)
        {
            int spikes = 0;
            bool greaterOrEqual = comparison == ThresholdComparison.GreaterOrEqual;
            for (int o = 0; o < size; o++)
            {
                int v = BiasAndClamp.Apply(state[membraneOffset + o], bias, o);

                if (sums != null)
                {
                    sums[sumsOffset + o] += v;
                }

                int theta = threshold[o];
                if (greaterOrEqual ? v >= theta : v > theta)
                {
                    state[spikeListOffset + spikes] = o;
                    spikes++;
                    state[countOffset + o]++;
                    if (reset == ResetMode.Zero)
                    {
                        v = 0;
                    }
                    else if (reset == ResetMode.Subtract)
                    {
                        v -= theta;
                    }
                }

                state[membraneOffset + o] = v;
            }

            return spikes;
        }
    }
}
