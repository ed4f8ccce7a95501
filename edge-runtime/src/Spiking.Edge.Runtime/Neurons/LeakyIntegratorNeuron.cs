namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The end of a tick for a leaky-integrator layer (semantics.md §4.2: steps 2, 4, 5, 6 and 9 of §4.1): the leak was
    /// applied when the tick began; this adds the drive (with the bias), clamps to the state range and records the
    /// membrane; it never outputs.
    /// </summary>
    internal static class LeakyIntegratorNeuron
    {
        /// <summary>
        /// Closes a tick for <paramref name="size"/> neurons whose rows went straight into the membrane; when
        /// <paramref name="sums"/> is not null, the recorded membranes are added to it (semantics §5).
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

        /// <summary>
        /// Closes a tick for a layer with a synaptic current (§4.1 step 4): the drive buffer plus the bias feeds
        /// <c>c ← clamp(c − (c &gt;&gt; current_shift) + d)</c>, then <c>v ← clamp(v + c)</c>; the buffer is emptied.
        /// </summary>
        public static void CloseTickWithCurrent(LayerRuntime layer, int[] state, long[] sums)
        {
            int size = layer.Descriptor.OutputSize;
            int[] bias = layer.Descriptor.Bias;
            int shift = layer.Descriptor.CurrentShift;
            int membrane = layer.MembraneOffset, drive = layer.DriveOffset, current = layer.CurrentOffset, sumsOffset = layer.SumsOffset;
            for (int o = 0; o < size; o++)
            {
                int x = state[drive + o];
                state[drive + o] = 0;
                if (bias != null)
                {
                    x += bias[o];
                }

                int c = state[current + o];
                c = StateClamp.Apply(c - (c >> shift) + x);
                state[current + o] = c;
                int v = StateClamp.Apply(state[membrane + o] + c);
                if (sums != null)
                {
                    sums[sumsOffset + o] += v;
                }

                state[membrane + o] = v;
            }
        }
    }
}
