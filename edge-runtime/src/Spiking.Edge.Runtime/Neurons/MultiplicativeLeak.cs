namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// The Q16 multiplicative leak <c>v ← (v × factor) &gt;&gt; 16</c> (semantics.md §4.1 step 5 with decay, §4.3 step 1
    /// with input_decay): 64-bit product, arithmetic shift (floor).
    /// </summary>
    internal static class MultiplicativeLeak
    {
        /// <summary>Leaks <paramref name="count"/> values from <paramref name="offset"/> by <paramref name="factor"/> (0..65536).</summary>
        public static void Apply(int[] values, int offset, int count, int factor)
        {
            int end = offset + count;
            for (int o = offset; o < end; o++)
            {
                values[o] = (int)(((long)values[o] * factor) >> 16);
            }
        }
    }
}
