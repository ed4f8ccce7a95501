using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The end of a tick for a LIF layer with format-1.1 options (semantics.md §4.1, every step in its order). The leak
    /// (step 5) was applied when the tick began; the tick's rows are in the drive buffer (recurrent weights, current or
    /// soft refractory gain) or already in the membrane (otherwise, which the step order makes equal). Steps 11 (LAYER
    /// scope), 12 and 13, which need the whole layer's outputs, run in <see cref="LayerWideSteps"/>.
    /// </summary>
    internal static class LifOptionsNeuron
    {
        /// <summary>Closes a tick of <paramref name="layer"/>; returns the number of events (y &gt; 0) listed.</summary>
        public static int CloseTick(LayerRuntime layer, int[] state, long[] sums)
        {
            LayerDescriptor d = layer.Descriptor;
            int size = d.OutputSize;
            int membrane = layer.MembraneOffset, count = layer.SpikeCountOffset, list = layer.SpikeListOffset;
            int values = layer.EventValuesOffset, drive = layer.DriveOffset, current = layer.CurrentOffset;
            int counter = layer.CounterOffset, sumsOffset = layer.SumsOffset;
            int[] bias = d.Bias, threshold = d.Threshold, gain = d.RefractoryGain;
            int gainLength = gain == null ? 0 : gain.Length;
            int limit = layer.CounterLimit, currentShift = d.CurrentShift, refractory = d.RefractoryTicks;
            bool leakyRelu = d.Activation == StateActivation.LeakyRelu;
            int slope = d.NegativeSlope;
            LookupTable table = d.OutputTable;
            bool greaterOrEqual = d.Comparison == ThresholdComparison.GreaterOrEqual;
            bool neuronScope = d.ResetScope == ResetScope.Neuron;
            ResetMode reset = layer.Reset;
            int events = 0;
            for (int o = 0; o < size; o++)
            {
                // Step 1: n ← min(n + 1, N).
                int n = 0;
                if (counter >= 0)
                {
                    n = state[counter + o] + 1;
                    if (n > limit)
                    {
                        n = limit;
                    }
                }

                int v;
                if (drive >= 0)
                {
                    // Step 2: the drive; step 3: soft refractory gain; step 4: synaptic current; step 6: integrate.
                    int x = state[drive + o];
                    state[drive + o] = 0;
                    if (bias != null)
                    {
                        x += bias[o];
                    }

                    if (gain != null && n <= gainLength)
                    {
                        x = (int)(((long)x * gain[n - 1]) >> 15);
                    }

                    if (currentShift > 0)
                    {
                        int c = state[current + o];
                        c = StateClamp.Apply(c - (c >> currentShift) + x);
                        state[current + o] = c;
                        x = c;
                    }

                    v = StateClamp.Apply(state[membrane + o] + x);
                }
                else
                {
                    v = BiasAndClamp.Apply(state[membrane + o], bias, o);
                }

                // Step 7: leaky ReLU; step 8: hard refractory; step 9: record.
                if (leakyRelu && v < 0)
                {
                    v = (int)(((long)v * slope) >> 16);
                }

                if (refractory > 0 && n <= refractory)
                {
                    v = 0;
                }

                if (sums != null)
                {
                    sums[sumsOffset + o] += v;
                }

                // Step 10: output; step 11 with scope NEURON.
                int y;
                if (table != null)
                {
                    y = table.Lookup((long)v - threshold[o]);
                }
                else
                {
                    y = (greaterOrEqual ? v >= threshold[o] : v > threshold[o]) ? 1 : 0;
                }

                if (y > 0)
                {
                    n = 0;
                    state[list + events] = o;
                    if (values >= 0)
                    {
                        state[values + events] = y;
                    }

                    events++;
                    state[count + o] += y;
                    if (neuronScope)
                    {
                        v = ResetBy(v, y, reset, threshold[o], table != null);
                    }
                }

                if (counter >= 0)
                {
                    state[counter + o] = n;
                }

                state[membrane + o] = v;
            }

            if (!neuronScope || d.Inhibition != null || d.MembraneFloor != null)
            {
                LayerWideSteps.Apply(layer, state, events);
            }

            return events;
        }

        /// <summary>
        /// Semantics §4.1 step 11 for an output <paramref name="y"/> &gt; 0: ZERO, SUBTRACT (BINARY), NONE, or GATE
        /// <c>(v × (128 − y)) &gt;&gt; 7</c> for GRADED outputs (BINARY GATE arrives here as ZERO).
        /// </summary>
        public static int ResetBy(int v, int y, ResetMode reset, int threshold, bool graded)
        {
            switch (reset)
            {
                case ResetMode.Zero:
                    return 0;
                case ResetMode.Subtract:
                    return v - threshold;
                case ResetMode.Gate:
                    return graded ? (v * (Semantics.GradedFullScale - y)) >> 7 : 0;
                default:
                    return v;
            }
        }
    }
}
