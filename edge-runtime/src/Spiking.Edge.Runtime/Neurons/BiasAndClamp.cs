namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// Semantics.md §4 step 2, shared by every neuron rule: the tick's synaptic input is already in the membrane;
    /// add the bias and clamp to [StateMin, StateMax].
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
