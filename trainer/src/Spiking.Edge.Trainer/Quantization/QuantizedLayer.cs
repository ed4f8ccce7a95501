using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// One layer in the integer units of semantics.md §3–§4: what the exporter writes and the integer simulation runs.
/// The init-only properties carry the format-1.1 options (semantics §4.1, §4.3); their defaults mean "absent", so a
/// layer that sets none of them is a format-1.0 layer.
/// </summary>
/// <param name="Name">Layer name.</param>
/// <param name="Neuron">LIF, leaky integrator or SRC.</param>
/// <param name="InputSize">Rows (presynaptic inputs).</param>
/// <param name="OutputSize">Columns (neurons).</param>
/// <param name="Bits">Weight width: every weight lies in [−(2^(Bits−1)−1), 2^(Bits−1)−1].</param>
/// <param name="Weights">Input-major: <c>Weights[i × OutputSize + o]</c> is W[i][o] (semantics §3.1 layout).</param>
/// <param name="Threshold">One per neuron (LIF): ≥ 1 for BINARY outputs, any state value for GRADED; empty otherwise.</param>
/// <param name="Bias">One per neuron, in state units (SRC: in Q(F) units of the fast pre-activation).</param>
/// <param name="Scale">One per neuron: real weight = integer weight × Scale[o].</param>
/// <param name="LeakShift">0..24.</param>
/// <param name="Reset">Reset rule (LIF) or Unspecified.</param>
/// <param name="Comparison">Threshold comparison (BINARY LIF) or Unspecified.</param>
public sealed record QuantizedLayer(
    string Name,
    NeuronModel Neuron,
    int InputSize,
    int OutputSize,
    int Bits,
    sbyte[] Weights,
    int[] Threshold,
    int[] Bias,
    float[] Scale,
    int LeakShift,
    ResetMode Reset,
    ThresholdComparison Comparison)
{
    /// <summary>The state unit per neuron: a membrane (or SRC input integrator) value v means v × StateUnit[o] in real units.
    /// Equals <see cref="Scale"/> unless the layer's inputs are graded (then Scale / 128). Empty when not recorded.</summary>
    public float[] StateUnit { get; init; } = [];

    /// <summary>Multiplicative leak in Q16 (1..65535); 0 = <see cref="LeakShift"/> (semantics §4.1 step 5).</summary>
    public int DecayQ16 { get; init; }

    /// <summary>Synaptic current shift 1..24; 0 = none (semantics §4.1 step 4).</summary>
    public int CurrentShift { get; init; }

    /// <summary>Hard refractory ticks; 0 = none (semantics §4.1 step 8).</summary>
    public int RefractoryTicks { get; init; }

    /// <summary>Soft refractory gains in Q15 (0..32768); empty = none (semantics §4.1 step 3).</summary>
    public int[] RefractoryGain { get; init; } = [];

    /// <summary>Winner-take-all inhibition per neuron, state units per unit of output (Y1); empty = none (semantics §4.1 step 12).</summary>
    public int[] Inhibition { get; init; } = [];

    /// <summary>Membrane floor per neuron in state units; empty = none (semantics §4.1 step 13).</summary>
    public int[] MembraneFloor { get; init; } = [];

    /// <summary>Unspecified (identity) or LeakyRelu (semantics §4.1 step 7).</summary>
    public StateActivation Activation { get; init; }

    /// <summary>Leaky-ReLU slope in Q16 (0..65536); 0 unless <see cref="Activation"/> is LeakyRelu.</summary>
    public int NegativeSlopeQ16 { get; init; }

    /// <summary>Unspecified (BINARY for LIF) or Graded; the BINARY default is written as Unspecified so a 1.0 layer stays 1.0.</summary>
    public OutputKind Output { get; init; }

    /// <summary>GRADED LIF only: y = OutputTable(v − threshold[o]), values in [0, 128] (semantics §4.1 step 10).</summary>
    public QuantizedLookupTable? OutputTable { get; init; }

    /// <summary>Unspecified (NEURON) or Layer (semantics §4.1 step 11).</summary>
    public ResetScope ResetScope { get; init; }

    /// <summary>Recurrent weights, presynaptic-major like <see cref="Weights"/>: <c>RecurrentWeights[p × OutputSize + o]</c>
    /// is R[p][o], p being the layer's own neuron of the previous tick. Empty = none.</summary>
    public sbyte[] RecurrentWeights { get; init; } = [];

    /// <summary>One per neuron when <see cref="RecurrentWeights"/> is present: real recurrent weight = R × RecurrentScale[o].</summary>
    public float[] RecurrentScale { get; init; } = [];

    /// <summary>The SRC constants (semantics §4.3); null for every other neuron model.</summary>
    public QuantizedSrc? Src { get; init; }

    /// <summary>True when the layer's outputs are graded (Y1 = 128): GRADED LIF or SRC.</summary>
    public bool HasGradedOutput => Output == OutputKind.Graded || Neuron == NeuronModel.Src;

    /// <summary>True when the layer has recurrent weights.</summary>
    public bool HasRecurrentWeights => RecurrentWeights.Length > 0;
}
