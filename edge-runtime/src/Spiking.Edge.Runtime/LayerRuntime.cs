using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Memory;
using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime
{
    /// <summary>
    /// One layer of a loaded <see cref="Network"/>: its validated parameters, its weight kernel and where its
    /// membranes, spike counts and spike list live in the <see cref="StateArena"/> (semantics.md §7).
    /// </summary>
    internal sealed class LayerRuntime
    {
        /// <summary>Builds the layer's kernel (and row tables) and takes its regions of the arena.</summary>
        public LayerRuntime(byte[] model, LayerDescriptor descriptor, StateArena arena, IRowAccumulator accumulator, bool isLast)
        {
            Descriptor = descriptor;
            int size = descriptor.OutputSize;
            MembraneOffset = arena.TakeInts(size);
            SpikeCountOffset = arena.TakeInts(size);
            SpikeListOffset = arena.TakeInts(size);
            SumsOffset = isLast ? arena.TakeLongs(size) : -1;
            if (descriptor.Encoding == WeightEncoding.Dense)
            {
                Kernel = new DenseKernel(model, descriptor.ValuesOffset, size, accumulator);
            }
            else if (descriptor.Encoding == WeightEncoding.Csr)
            {
                int valueTable = arena.TakeInts(descriptor.InputSize + 1);
                int indexTable = arena.TakeInts(descriptor.InputSize + 1);
                Kernel = new CsrKernel(model, descriptor.ValuesOffset, descriptor.IndexOffset, descriptor.IndexLength, descriptor.InputSize, arena.Ints, valueTable, indexTable);
            }
            else
            {
                int valueTable = arena.TakeInts(descriptor.InputSize + 1);
                Kernel = new BitmapKernel(model, descriptor.ValuesOffset, descriptor.IndexOffset, descriptor.InputSize, size, arena.Ints, valueTable);
            }
        }

        /// <summary>The validated layer.</summary>
        public LayerDescriptor Descriptor { get; }

        /// <summary>The layer's weights.</summary>
        public WeightKernel Kernel { get; }

        /// <summary>Offset of the membranes in the arena's ints.</summary>
        public int MembraneOffset { get; }

        /// <summary>Offset of the spike counts over the sample in the arena's ints.</summary>
        public int SpikeCountOffset { get; }

        /// <summary>Offset of this tick's spike list (indices that fired) in the arena's ints.</summary>
        public int SpikeListOffset { get; }

        /// <summary>Offset of the membrane sums in the arena's longs; −1 except for the last layer.</summary>
        public int SumsOffset { get; }

        /// <summary>Number of entries of the spike list written by the last closed tick.</summary>
        public int SpikesThisTick { get; set; }
    }
}
