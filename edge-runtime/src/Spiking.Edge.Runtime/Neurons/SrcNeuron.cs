using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The end of a tick for an SRC layer (semantics.md §4.3). The input integrator i lives in the membrane slot; its
    /// decay <c>(i × input_decay) &gt;&gt; 16</c> was applied when the tick began and the tick's rows were added to it (or to
    /// the drive buffer with recurrent weights). Then, per neuron: clamp i, x = input_table(i), the slow gate z from the
    /// previous h, the 64-bit fast pre-activation a, the slow state, h = fast_table(a), record h, output
    /// <c>y = min(128, max(0, h) &gt;&gt; (F − 7))</c>.
    /// </summary>
    internal static class SrcNeuron
    {
        /// <summary>Closes a tick of <paramref name="layer"/>; returns the number of events (y &gt; 0) listed.</summary>
        public static int CloseTick(LayerRuntime layer, int[] state, long[] sums)
        {
            LayerDescriptor d = layer.Descriptor;
            SrcParameters p = d.Src;
            int size = d.OutputSize;
            int membrane = layer.MembraneOffset, count = layer.SpikeCountOffset, list = layer.SpikeListOffset;
            int values = layer.EventValuesOffset, drive = layer.DriveOffset, fast = layer.FastOffset, slow = layer.SlowOffset;
            int sumsOffset = layer.SumsOffset;
            int[] bias = d.Bias;
            int f = p.FractionBits, outputShift = p.FractionBits - 7;
            LookupTable inputTable = p.InputTable, fastTable = p.FastTable;
            int events = 0;
            for (int o = 0; o < size; o++)
            {
                // Step 1 (the decay is already applied, the drive has no bias).
                int i = state[membrane + o];
                if (drive >= 0)
                {
                    i += state[drive + o];
                    state[drive + o] = 0;
                }

                i = StateClamp.Apply(i);
                state[membrane + o] = i;

                // Steps 2–6, with h and h_s of the previous tick on the right.
                int x = inputTable.Lookup(i);
                int h = state[fast + o];
                int hs = state[slow + o];
                long z = h > p.GateThreshold ? p.SlowGateActive : p.SlowGateRest;
                long a = x + (((long)p.FastFeedback * h) >> f) + (((long)p.SlowFeedback * hs) >> f);
                if (bias != null)
                {
                    a += bias[o];
                }

                // Step 5: z h_s + (1 − z) h with one rounding (h_s stays between h and its old value).
                state[slow + o] = h + (int)((z * (hs - h)) >> 16);
                h = fastTable.Lookup(a);
                state[fast + o] = h;

                // Step 7: record; step 8: output.
                if (sums != null)
                {
                    sums[sumsOffset + o] += h;
                }

                if (h > 0)
                {
                    int y = h >> outputShift;
                    if (y > Semantics.GradedFullScale)
                    {
                        y = Semantics.GradedFullScale;
                    }

                    if (y > 0)
                    {
                        state[list + events] = o;
                        state[values + events] = y;
                        events++;
                        state[count + o] += y;
                    }
                }
            }

            return events;
        }
    }
}
