using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Memory
{
    /// <summary>
    /// All mutable state of a loaded network: one <c>int[]</c> and one <c>long[]</c>, each allocated once at load
    /// and sized by the formula of semantics.md §7. Regions are handed out in order by <see cref="TakeInts"/> and
    /// <see cref="TakeLongs"/>; after load every region is taken and nothing more is allocated.
    /// </summary>
    internal sealed class StateArena
    {
        private int _intCursor;
        private int _longCursor;

        /// <summary>Allocates the arena for <paramref name="model"/> (semantics §7).</summary>
        public StateArena(ModelDescriptor model)
        {
            Ints = new int[CountInts(model)];
            Longs = new long[model.Layers[model.Layers.Length - 1].OutputSize];
        }

        /// <summary>Membranes, spike counts, spike lists and row tables.</summary>
        public int[] Ints { get; }

        /// <summary>The last layer's membrane sums.</summary>
        public long[] Longs { get; }

        /// <summary>Bytes held: 4 per int and 8 per long.</summary>
        public long RequiredBytes => (4L * Ints.Length) + (8L * Longs.Length);

        /// <summary>True once every int and long region has been handed out.</summary>
        public bool IsFullyTaken => _intCursor == Ints.Length && _longCursor == Longs.Length;

        /// <summary>
        /// Number of 32-bit slots semantics §7 asks for: 3 per neuron of every layer, (in + 1) per CSR or BITMAP
        /// layer for value offsets and another (in + 1) per CSR layer for index offsets.
        /// </summary>
        public static int CountInts(ModelDescriptor model)
        {
            int count = 0;
            for (int l = 0; l < model.Layers.Length; l++)
            {
                LayerDescriptor layer = model.Layers[l];
                count += 3 * layer.OutputSize;
                if (layer.Encoding != WeightEncoding.Dense)
                {
                    count += layer.InputSize + 1;
                }

                if (layer.Encoding == WeightEncoding.Csr)
                {
                    count += layer.InputSize + 1;
                }
            }

            return count;
        }

        /// <summary>Hands out the next <paramref name="count"/> ints; returns the region's offset in <see cref="Ints"/>.</summary>
        public int TakeInts(int count)
        {
            if (count < 0 || Ints.Length - _intCursor < count)
            {
                throw new System.InvalidOperationException("state arena exhausted");
            }

            int offset = _intCursor;
            _intCursor += count;
            return offset;
        }

        /// <summary>Hands out the next <paramref name="count"/> longs; returns the region's offset in <see cref="Longs"/>.</summary>
        public int TakeLongs(int count)
        {
            if (count < 0 || Longs.Length - _longCursor < count)
            {
                throw new System.InvalidOperationException("state arena exhausted");
            }

            int offset = _longCursor;
            _longCursor += count;
            return offset;
        }
    }
}
