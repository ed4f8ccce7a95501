namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>
    /// A host-computed function of one integer (semantics.md §4.4): <c>index = (x &gt;&gt; input_shift) − input_offset</c>,
    /// clamped to <c>[0, values.Length − 1]</c>; the result is <c>values[index]</c>. Decoded and checked at load.
    /// </summary>
    internal sealed class LookupTable
    {
        /// <summary>Creates a table; <paramref name="values"/> holds at least one entry.</summary>
        public LookupTable(int inputShift, int inputOffset, int[] values)
        {
            InputShift = inputShift;
            InputOffset = inputOffset;
            Values = values;
        }

        /// <summary>Arithmetic right shift applied to the argument first (0..30).</summary>
        public int InputShift { get; }

        /// <summary>The value of <c>x &gt;&gt; input_shift</c> that maps to the first entry.</summary>
        public int InputOffset { get; }

        /// <summary>The table's entries (1..65,536).</summary>
        public int[] Values { get; }

        /// <summary>The table at <paramref name="x"/> (64-bit argument, floor shift, index clamped to the table).</summary>
        public int Lookup(long x)
        {
            long index = (x >> InputShift) - InputOffset;
            int[] values = Values;
            if (index <= 0)
            {
                return values[0];
            }

            int last = values.Length - 1;
            return index >= last ? values[last] : values[(int)index];
        }
    }
}
