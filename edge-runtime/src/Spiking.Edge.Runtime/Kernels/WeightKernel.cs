namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// One weight matrix, read in place from the model bytes: adds row i (the synapses of presynaptic index i) to a
    /// layer's membranes or drive buffer. One subclass per encoding of semantics.md §3.
    /// </summary>
    internal abstract class WeightKernel
    {
        /// <summary>
        /// For every stored weight W[row][o]: <c>target[targetOffset + o] += W[row][o]</c> (a binary spike). Returns
        /// the number of stored weights touched (the synaptic operations of semantics §6).
        /// </summary>
        public abstract int AddRow(int row, int[] target, int targetOffset);

        /// <summary>
        /// For every stored weight W[row][o]: <c>target[targetOffset + o] += scale × W[row][o]</c> (a graded event of
        /// value <paramref name="scale"/>, semantics §4). Returns the number of stored weights touched (§6: a graded
        /// event counts like a spike).
        /// </summary>
        public abstract int AddScaledRow(int row, int scale, int[] target, int targetOffset);
    }
}
