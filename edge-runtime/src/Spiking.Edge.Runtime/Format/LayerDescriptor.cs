using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// One validated layer as <see cref="ModelLoader"/> found it: sizes, neuron parameters (decoded), and the
    /// offsets of the weight values and index inside the original model bytes (never copied, semantics.md §7).
    /// </summary>
    internal sealed class LayerDescriptor
    {
        /// <summary>Rows of the weight matrix (presynaptic neurons or input pixels).</summary>
        public int InputSize;

        /// <summary>Neurons of the layer.</summary>
        public int OutputSize;

        /// <summary>Neuron rule (semantics §4.1 or §4.2).</summary>
        public NeuronModel Neuron;

        /// <summary>Shift of the leak <c>v ← v − (v &gt;&gt; shift)</c>, 0 = no leak.</summary>
        public int LeakShift;

        /// <summary>Reset after a spike (LIF only).</summary>
        public ResetMode Reset;

        /// <summary>Threshold comparison (LIF only).</summary>
        public ThresholdComparison Comparison;

        /// <summary>Per-neuron thresholds, each in [1, STATE_MAX]; null for leaky integrators.</summary>
        public int[] Threshold;

        /// <summary>Per-neuron biases in the state range; null when the file has none (all 0).</summary>
        public int[] Bias;

        /// <summary>Weight encoding.</summary>
        public WeightEncoding Encoding;

        /// <summary>Bits per stored weight (2..8).</summary>
        public int Bits;

        /// <summary>Offset of the first weight value byte in the model bytes.</summary>
        public int ValuesOffset;

        /// <summary>Number of weight value bytes.</summary>
        public int ValuesLength;

        /// <summary>Offset of the first index byte in the model bytes.</summary>
        public int IndexOffset;

        /// <summary>Number of index bytes (0 for DENSE).</summary>
        public int IndexLength;
    }
}
