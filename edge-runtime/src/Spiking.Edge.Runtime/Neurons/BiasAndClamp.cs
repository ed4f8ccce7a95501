namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// Semantics.md §4.1 steps 2 and 6 for a layer without a drive buffer, shared by LIF and leaky integrators: the
    /// tick's synaptic input is already in the leaked membrane; add the bias and clamp to [StateMin, StateMax].
    /// </summary>
    internal static class BiasAndClamp
    {
        /// <summary>Returns <c>clamp(v + bias[o], StateMin, StateMax)</c>; a null bias counts as 0.</summary>
        public static int Apply(int v, int[] bias, int o)
        {
            if (bias != null)
            {
                v += bias[o];
            }

            if (v < Semantics.StateMin)
            {
                return Semantics.StateMin;
            }

            return v > Semantics.StateMax ? Semantics.StateMax : v;
        }
    }
}
