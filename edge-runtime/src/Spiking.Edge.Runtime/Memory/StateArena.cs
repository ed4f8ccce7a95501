using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Neurons;

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

        /// <summary>Membranes, output counts, event lists and values, drives, currents, counters, SRC states and row tables.</summary>
        public int[] Ints { get; }

        /// <summary>The last layer's membrane sums.</summary>
        public long[] Longs { get; }

        /// <summary>Bytes held: 4 per int and 8 per long.</summary>
        public long RequiredBytes => (4L * Ints.Length) + (8L * Longs.Length);

        /// <summary>True once every int and long region has been handed out.</summary>
        public bool IsFullyTaken => _intCursor == Ints.Length && _longCursor == Longs.Length;

        /// <summary>
        /// Number of 32-bit slots semantics §7 asks for: per neuron of every layer 3 (membrane, output count, event
        /// list), plus 1 each for the event values (GRADED or SRC), the drive buffer, the current c and the counter n
        /// where the layer has them, plus 2 (h, h_s) for SRC; then (rows + 1) per CSR or BITMAP matrix for value
        /// offsets and another (rows + 1) per CSR matrix for index offsets, recurrent matrices included.
        /// </summary>
        public static int CountInts(ModelDescriptor model)
        {
            int count = 0;
            for (int l = 0; l < model.Layers.Length; l++)
            {
                LayerDescriptor layer = model.Layers[l];
                count += IntsPerNeuron(layer) * layer.OutputSize;
                count += RowTableInts(layer.Weights);
                count += RowTableInts(layer.RecurrentWeights);
            }

            return count;
        }

        /// <summary>The 32-bit slots each neuron of <paramref name="layer"/> holds (semantics §7).</summary>
        public static int IntsPerNeuron(LayerDescriptor layer)
        {
            int perNeuron = 3;
            if (layer.HasEventValues)
            {
                perNeuron++;
            }

            if (layer.HasDriveBuffer)
            {
                perNeuron++;
            }

            if (layer.CurrentShift > 0)
            {
                perNeuron++;
            }

            if (layer.HasCounter)
            {
                perNeuron++;
            }

            if (layer.Neuron == NeuronModel.Src)
            {
                perNeuron += 2;
            }

            return perNeuron;
        }

        /// <summary>The row tables of one matrix: none for DENSE (or no matrix), rows + 1 for BITMAP, 2 (rows + 1) for CSR.</summary>
        public static int RowTableInts(WeightMatrix matrix)
        {
            if (matrix == null || matrix.Encoding == WeightEncoding.Dense)
            {
                return 0;
            }

            return matrix.Encoding == WeightEncoding.Csr ? 2 * (matrix.Rows + 1) : matrix.Rows + 1;
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
