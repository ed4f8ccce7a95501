using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// One validated layer as <see cref="ModelLoader"/> found it: sizes, neuron parameters (decoded), and where its
    /// weight matrices lie inside the original model bytes (never copied, semantics.md §7). Format-1.1 fields hold
    /// their "absent" value (0, null) when the file does not use them.
    /// </summary>
    internal sealed class LayerDescriptor
    {
        /// <summary>Rows of the weight matrix (presynaptic neurons or input pixels).</summary>
        public int InputSize;

        /// <summary>Neurons of the layer.</summary>
        public int OutputSize;

        /// <summary>Neuron rule (semantics §4.1, §4.2 or §4.3).</summary>
        public NeuronModel Neuron;

        /// <summary>Shift of the leak <c>v ← v − (v &gt;&gt; shift)</c>, 0 = no leak.</summary>
        public int LeakShift;

        /// <summary>Reset after an output (LIF only).</summary>
        public ResetMode Reset;

        /// <summary>Threshold comparison (BINARY LIF only).</summary>
        public ThresholdComparison Comparison;

        /// <summary>
        /// Per-neuron thresholds: in [1, STATE_MAX] for BINARY LIF, in the state range for GRADED LIF (the offset
        /// subtracted before the output table); null for leaky integrators and SRC layers.
        /// </summary>
        public int[] Threshold;

        /// <summary>Per-neuron biases in the state range; null when the file has none (all 0).</summary>
        public int[] Bias;

        /// <summary>The feed-forward weights, InputSize × OutputSize.</summary>
        public WeightMatrix Weights;

        /// <summary>Multiplicative leak in Q16 (1..65535), 0 = none (semantics §4.1 step 5).</summary>
        public int Decay;

        /// <summary>Synaptic current shift (1..24), 0 = no current (semantics §4.1 step 4).</summary>
        public int CurrentShift;

        /// <summary>Hard refractory ticks (LIF), 0 = none (semantics §4.1 step 8).</summary>
        public int RefractoryTicks;

        /// <summary>Soft refractory gains in Q15 (LIF), null when absent (semantics §4.1 step 3).</summary>
        public int[] RefractoryGain;

        /// <summary>Winner-take-all inhibition per neuron (LIF), null when absent (semantics §4.1 step 12).</summary>
        public int[] Inhibition;

        /// <summary>Lower bound per neuron on the membrane at the end of a tick (LIF), null when absent (step 13).</summary>
        public int[] MembraneFloor;

        /// <summary>State activation (LIF, semantics §4.1 step 7).</summary>
        public StateActivation Activation;

        /// <summary>Leaky-ReLU slope in Q16 (0..65536).</summary>
        public int NegativeSlope;

        /// <summary>
        /// What the layer outputs, resolved: BINARY or GRADED for LIF, GRADED for SRC, <see cref="OutputKind.Unspecified"/>
        /// (nothing) for a leaky integrator.
        /// </summary>
        public OutputKind Output;

        /// <summary>GRADED LIF: <c>y = output_table(v − threshold)</c>; null otherwise.</summary>
        public LookupTable OutputTable;

        /// <summary>Reset scope (LIF), resolved: <see cref="ResetScope.Neuron"/> unless the file says LAYER.</summary>
        public ResetScope ResetScope;

        /// <summary>Recurrent weights, OutputSize × OutputSize (LIF and SRC); null when absent.</summary>
        public WeightMatrix RecurrentWeights;

        /// <summary>SRC parameters; null unless <see cref="Neuron"/> is SRC.</summary>
        public SrcParameters Src;

        /// <summary>True when the layer keeps an event values list (GRADED LIF and SRC outputs, semantics §7).</summary>
        public bool HasEventValues => Output == OutputKind.Graded;

        /// <summary>
        /// True when the layer accumulates its drive in a buffer (recurrent weights, a synaptic current or a soft
        /// refractory gain, semantics §7); other layers add their drive straight into the membrane after the leak.
        /// </summary>
        public bool HasDriveBuffer => RecurrentWeights != null || CurrentShift > 0 || RefractoryGain != null;

        /// <summary>True when the layer keeps the ticks-since-output counter n (semantics §4.1 step 1).</summary>
        public bool HasCounter => RefractoryTicks > 0 || RefractoryGain != null;

        /// <summary>Full scale Y1 of the outputs: 1 for BINARY, 128 for GRADED and SRC, 0 for a leaky integrator (semantics §4).</summary>
        public int FullScale
        {
            get
            {
                if (Output == OutputKind.Graded)
                {
                    return Semantics.GradedFullScale;
                }

                return Output == OutputKind.Binary ? 1 : 0;
            }
        }
    }
}
