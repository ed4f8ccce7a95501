namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The end of a tick for a format-1.0 style LIF layer (semantics.md §4.1 steps 6, 9, 10, 11 with BINARY output and
    /// scope NEURON; the leak of step 5 was applied when the tick began). The synaptic part of the drive has already
    /// been added event by event; this adds the bias, clamps to the state range, records the pre-reset membrane,
    /// fires, and resets (ZERO, SUBTRACT or NONE; a BINARY GATE arrives as ZERO). Layers with any other option run
    /// <see cref="LifOptionsNeuron"/>.
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
