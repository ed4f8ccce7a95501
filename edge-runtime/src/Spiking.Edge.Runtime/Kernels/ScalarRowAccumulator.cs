namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>The portable row accumulator: a plain loop, correct everywhere, the reference for SIMD ones.</summary>
    public sealed class ScalarRowAccumulator : IRowAccumulator
    {
        /// <inheritdoc />
        public void AddRow(byte[] weights, int weightOffset, int[] target, int targetOffset, int length)
        {
            for (int j = 0; j < length; j++)
            {
                target[targetOffset + j] += (sbyte)weights[weightOffset + j];
            }
        }

        /// <inheritdoc />
        public void AddScaledRow(byte[] weights, int weightOffset, int scale, int[] target, int targetOffset, int length)
        {
            for (int j = 0; j < length; j++)
            {
                target[targetOffset + j] += scale * (sbyte)weights[weightOffset + j];
            }
        }
    }
}
