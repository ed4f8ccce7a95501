using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Memory;
using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime
{
    /// <summary>
    /// One layer of a loaded <see cref="Network"/>: its validated parameters, its weight kernels, the rule that closes
    /// its ticks, and where its regions live in the <see cref="StateArena"/> (semantics.md §7). Offsets of regions the
    /// layer does not have are −1.
    /// </summary>
    internal sealed class LayerRuntime
    {
        /// <summary>Builds the layer's kernels (and row tables) and takes its regions of the arena, in the order of §7.</summary>
        public LayerRuntime(byte[] model, LayerDescriptor descriptor, StateArena arena, IRowAccumulator accumulator, bool isLast)
        {
            Descriptor = descriptor;
            int size = descriptor.OutputSize;
            MembraneOffset = arena.TakeInts(size);
            SpikeCountOffset = arena.TakeInts(size);
            SpikeListOffset = arena.TakeInts(size);
            EventValuesOffset = descriptor.HasEventValues ? arena.TakeInts(size) : -1;
            DriveOffset = descriptor.HasDriveBuffer ? arena.TakeInts(size) : -1;
            CurrentOffset = descriptor.CurrentShift > 0 ? arena.TakeInts(size) : -1;
            CounterOffset = descriptor.HasCounter ? arena.TakeInts(size) : -1;
            bool src = descriptor.Neuron == NeuronModel.Src;
            FastOffset = src ? arena.TakeInts(size) : -1;
            SlowOffset = src ? arena.TakeInts(size) : -1;
            SumsOffset = isLast ? arena.TakeLongs(size) : -1;
            InputOffset = DriveOffset >= 0 ? DriveOffset : MembraneOffset;
            Kernel = CreateKernel(model, descriptor.Weights, arena, accumulator);
            RecurrentKernel = descriptor.RecurrentWeights != null ? CreateKernel(model, descriptor.RecurrentWeights, arena, accumulator) : null;

            // For BINARY outputs GATE is ZERO: (v × (1 − 1)) >> 0 = 0 (semantics §4.1 step 11).
            Reset = descriptor.Reset == ResetMode.Gate && descriptor.Output == OutputKind.Binary ? ResetMode.Zero : descriptor.Reset;
            int gains = descriptor.RefractoryGain == null ? 0 : descriptor.RefractoryGain.Length;
            CounterLimit = (descriptor.RefractoryTicks > gains ? descriptor.RefractoryTicks : gains) + 1;
            Rule = ChooseRule(descriptor);
            ChooseLeak(descriptor);
        }

        /// <summary>The validated layer.</summary>
        public LayerDescriptor Descriptor { get; }

        /// <summary>How the layer's ticks close.</summary>
        public LayerRule Rule { get; }

        /// <summary>The feed-forward weights.</summary>
        public WeightKernel Kernel { get; }

        /// <summary>The recurrent weights; null when the layer has none.</summary>
        public WeightKernel RecurrentKernel { get; }

        /// <summary>Offset of the membranes (SRC: input integrators) in the arena's ints.</summary>
        public int MembraneOffset { get; }

        /// <summary>Offset of the output counts over the sample (Σ y, semantics §5) in the arena's ints.</summary>
        public int SpikeCountOffset { get; }

        /// <summary>Offset of this tick's event list (indices with y &gt; 0, increasing) in the arena's ints.</summary>
        public int SpikeListOffset { get; }

        /// <summary>Offset of this tick's event values (y of each listed event) in the arena's ints; −1 for BINARY outputs.</summary>
        public int EventValuesOffset { get; }

        /// <summary>Offset of the drive buffer of the tick being accumulated; −1 when the drive goes straight into the membrane.</summary>
        public int DriveOffset { get; }

        /// <summary>Offset of the synaptic currents c; −1 without a current.</summary>
        public int CurrentOffset { get; }

        /// <summary>Offset of the ticks-since-output counters n; −1 without refractory fields.</summary>
        public int CounterOffset { get; }

        /// <summary>Offset of the SRC fast states h; −1 for other neurons.</summary>
        public int FastOffset { get; }

        /// <summary>Offset of the SRC slow states h_s; −1 for other neurons.</summary>
        public int SlowOffset { get; }

        /// <summary>Offset of the membrane sums in the arena's longs; −1 except for the last layer.</summary>
        public int SumsOffset { get; }

        /// <summary>Where rows into this layer are added: the drive buffer when there is one, else the membranes.</summary>
        public int InputOffset { get; }

        /// <summary>The reset applied after an output, with GATE of a BINARY layer resolved to ZERO.</summary>
        public ResetMode Reset { get; }

        /// <summary>N = max(refractory_ticks, len(refractory_gain)) + 1: the counter's value at the start of a sample and its ceiling.</summary>
        public int CounterLimit { get; }

        /// <summary>The leak applied when a tick begins.</summary>
        public LeakKind Leak { get; private set; }

        /// <summary>The leak's shift (<see cref="LeakKind.Shift"/>) or Q16 factor (<see cref="LeakKind.Multiply"/>).</summary>
        public int LeakAmount { get; private set; }

        /// <summary>Number of entries of the event list written by the last closed tick.</summary>
        public int SpikesThisTick { get; set; }

        /// <summary>
        /// The format-1.0 LIF rule runs on its own loop (no extra work per neuron); any LIF option, a GRADED output
        /// or a drive buffer takes the full §4.1 loop.
        /// </summary>
        private static LayerRule ChooseRule(LayerDescriptor d)
        {
            if (d.Neuron == NeuronModel.Src)
            {
                return LayerRule.Src;
            }

            if (d.Neuron == NeuronModel.LeakyIntegrator)
            {
                return LayerRule.LeakyIntegrator;
            }

            bool plain = d.Output == OutputKind.Binary && !d.HasDriveBuffer && !d.HasCounter
                && d.Activation != StateActivation.LeakyRelu && d.ResetScope == ResetScope.Neuron
                && d.Inhibition == null && d.MembraneFloor == null;
            return plain ? LayerRule.PlainLif : LayerRule.Lif;
        }

        /// <summary>
        /// Semantics §4.1 step 5 and §4.3 step 1: decay (Q16) when set, else leak_shift; an SRC input integrator
        /// always multiplies by input_decay (65,536 leaves it unchanged).
        /// </summary>
        private void ChooseLeak(LayerDescriptor d)
        {
            int factor = d.Neuron == NeuronModel.Src ? d.Src.InputDecay : d.Decay;
            if (d.Neuron == NeuronModel.Src ? factor != Semantics.OneQ16 : factor > 0)
            {
                Leak = LeakKind.Multiply;
                LeakAmount = factor;
            }
            else if (d.LeakShift > 0)
            {
                Leak = LeakKind.Shift;
                LeakAmount = d.LeakShift;
            }
            else
            {
                Leak = LeakKind.None;
            }
        }

        /// <summary>The kernel of one weight matrix; CSR and BITMAP row tables are taken from the arena.</summary>
        private static WeightKernel CreateKernel(byte[] model, WeightMatrix matrix, StateArena arena, IRowAccumulator accumulator)
        {
            if (matrix.Encoding == WeightEncoding.Dense)
            {
                return new DenseKernel(model, matrix.ValuesOffset, matrix.Columns, accumulator);
            }

            if (matrix.Encoding == WeightEncoding.Csr)
            {
                int valueTable = arena.TakeInts(matrix.Rows + 1);
                int indexTable = arena.TakeInts(matrix.Rows + 1);
                return new CsrKernel(model, matrix.ValuesOffset, matrix.IndexOffset, matrix.IndexLength, matrix.Rows, arena.Ints, valueTable, indexTable);
            }

            int bitmapTable = arena.TakeInts(matrix.Rows + 1);
            return new BitmapKernel(model, matrix.ValuesOffset, matrix.IndexOffset, matrix.Rows, matrix.Columns, arena.Ints, bitmapTable);
        }
    }
}
