namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// One layer's weights, read in place from the model bytes: adds row i (the synapses of presynaptic input i)
    /// to the layer's membranes. One subclass per encoding of semantics.md §3.
    /// </summary>
    internal abstract class WeightKernel
    {
        /// <summary>
        /// For every stored weight W[row][o]: <c>target[targetOffset + o] += W[row][o]</c>. Returns the number of
        /// stored weights touched (the synaptic operations of semantics §6).
        /// </summary>
        public abstract int AddRow(int row, int[] target, int targetOffset);
    }
}
