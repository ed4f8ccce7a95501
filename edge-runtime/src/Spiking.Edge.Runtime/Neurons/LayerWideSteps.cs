using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The LIF steps that need the whole layer's outputs of the tick (semantics.md §4.1), after step 10 has run for
    /// every neuron: 11 with scope LAYER (reset by y* = max y), 12 winner-take-all inhibition (by Y = Σ y), 13 floor.
    /// The outputs are read from the layer's event list (increasing indices) and values.
    /// </summary>
    internal static class LayerWideSteps
    {
        /// <summary>Applies steps 11 (LAYER scope), 12 and 13 to <paramref name="layer"/>, whose tick listed <paramref name="events"/> events.</summary>
        public static void Apply(LayerRuntime layer, int[] state, int events)
        {
            LayerDescriptor d = layer.Descriptor;
            int size = d.OutputSize;
            int membrane = layer.MembraneOffset, list = layer.SpikeListOffset, values = layer.EventValuesOffset;
            if (events > 0 && d.ResetScope == ResetScope.Layer)
            {
                ResetLayer(state, membrane, size, layer.Reset, MaxOutput(state, values, events), values >= 0);
            }

            int[] inhibition = d.Inhibition;
            if (events > 0 && inhibition != null)
            {
                int total = values >= 0 ? SumOutputs(state, values, events) : events;
                int next = 0;
                for (int o = 0; o < size; o++)
                {
                    int y = 0;
                    if (next < events && state[list + next] == o)
                    {
                        y = values >= 0 ? state[values + next] : 1;
                        next++;
                    }

                    state[membrane + o] = StateClamp.Apply(state[membrane + o] - ((long)inhibition[o] * (total - y)));
                }
            }

            int[] floor = d.MembraneFloor;
            if (floor != null)
            {
                for (int o = 0; o < size; o++)
                {
                    if (state[membrane + o] < floor[o])
                    {
                        state[membrane + o] = floor[o];
                    }
                }
            }
        }

        /// <summary>Step 11, scope LAYER, y* &gt; 0: ZERO <c>v ← 0</c>; GATE <c>v ← (v × (Y1 − y*)) &gt;&gt; log2(Y1)</c> (BINARY GATE arrives as ZERO).</summary>
        private static void ResetLayer(int[] state, int membrane, int size, ResetMode reset, int maxOutput, bool graded)
        {
            int end = membrane + size;
            if (reset == ResetMode.Gate && graded)
            {
                int keep = Semantics.GradedFullScale - maxOutput;
                for (int i = membrane; i < end; i++)
                {
                    state[i] = (state[i] * keep) >> 7;
                }

                return;
            }

            for (int i = membrane; i < end; i++)
            {
                state[i] = 0;
            }
        }

        /// <summary>y* = the largest output of the tick (1 for BINARY layers with an event).</summary>
        private static int MaxOutput(int[] state, int values, int events)
        {
            if (values < 0)
            {
                return 1;
            }

            int max = 0;
            for (int e = 0; e < events; e++)
            {
                if (state[values + e] > max)
                {
                    max = state[values + e];
                }
            }

            return max;
        }

        /// <summary>Y = Σ y over the tick's events.</summary>
        private static int SumOutputs(int[] state, int values, int events)
        {
            int total = 0;
            for (int e = 0; e < events; e++)
            {
                total += state[values + e];
            }

            return total;
        }
    }
}
