namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// Adds one row of signed 8-bit weights to a run of 32-bit membranes or drives: the inner loop of every DENSE
    /// synaptic event. The portable core ships <see cref="ScalarRowAccumulator"/>; full-.NET hosts may plug in a SIMD
    /// implementation (Spiking.Edge.Runtime.Accelerators). Every implementation must give identical results.
    /// </summary>
    public interface IRowAccumulator
    {
        /// <summary>
        /// For j in [0, length): <c>target[targetOffset + j] += (sbyte)weights[weightOffset + j]</c> (a binary spike).
        /// Callers guarantee the ranges are valid (checked at load).
        /// </summary>
        void AddRow(byte[] weights, int weightOffset, int[] target, int targetOffset, int length);

        /// <summary>
        /// For j in [0, length): <c>target[targetOffset + j] += scale × (sbyte)weights[weightOffset + j]</c> (a graded
        /// event, semantics.md §4: scale in 1..128, so every product fits 16 bits and every sum the 32 bits that §4.5
        /// guarantees). Callers guarantee the ranges are valid (checked at load).
        /// </summary>
        void AddScaledRow(byte[] weights, int weightOffset, int scale, int[] target, int targetOffset, int length);
    }
}
