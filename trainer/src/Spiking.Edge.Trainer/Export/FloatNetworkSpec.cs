using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Export;

/// <summary>
/// One trained layer in plain arrays, independent of TorchSharp: what the quantizer and exporter consume.
/// Float dynamics (semantics.md §4.2): v = β v + W x + b with β = 1 − 2^−<see cref="LeakShift"/>;
/// a LIF neuron fires when v ≥ <see cref="Threshold"/> (or v &gt; it) and resets by <see cref="Reset"/>.
/// </summary>
/// <param name="Name">Layer name, kept in the model file.</param>
/// <param name="Neuron">LIF, leaky integrator or SRC; the init-only properties carry the format-1.1 options (semantics §4.1, §4.3).</param>
/// <param name="InputSize">Number of presynaptic inputs.</param>
/// <param name="OutputSize">Number of neurons.</param>
/// <param name="Weight">Row-major [output, input] (TorchSharp Linear layout), OutputSize × InputSize values.</param>
/// <param name="Bias">One per neuron (all zero when the layer has none).</param>
/// <param name="Threshold">Firing threshold in real units (LIF only).</param>
/// <param name="LeakShift">0..24; 0 means no leak.</param>
/// <param name="Reset">Reset rule (LIF only; Unspecified for a leaky integrator).</param>
/// <param name="Comparison">Threshold comparison (LIF only; Unspecified for a leaky integrator).</param>
public sealed record FloatLayerSpec(
    string Name,
    NeuronModel Neuron,
    int InputSize,
    int OutputSize,
    float[] Weight,
    float[] Bias,
    float Threshold,
    int LeakShift,
    ResetMode Reset,
    ThresholdComparison Comparison)
{
    /// <summary>Per-neuron thresholds in real units (trainable thresholds); empty = every neuron uses <see cref="Threshold"/>.
    /// For a GRADED layer, the offset subtracted before the output sigmoid.</summary>
    public float[] Thresholds { get; init; } = [];

    /// <summary>Multiplicative leak β in Q16 (1..65535, β = DecayQ16 / 65536); 0 = use <see cref="LeakShift"/> (semantics §4.1 step 5).</summary>
    public int DecayQ16 { get; init; }

    /// <summary>Synaptic current shift (1..24, α_c = 1 − 2^−shift); 0 = no current (semantics §4.1 step 4).</summary>
    public int CurrentShift { get; init; }

    /// <summary>Hard refractory ticks after an output (v held at 0); 0 = none (semantics §4.1 step 8).</summary>
    public int RefractoryTicks { get; init; }

    /// <summary>Soft refractory gains in [0, 1] for 1..n ticks after an output (Lee's dynamic weight), quantized to Q15; empty = none.</summary>
    public float[] RefractoryGain { get; init; } = [];

    /// <summary>Winner-take-all inhibition per neuron in real units, subtracted per unit of the other neurons' outputs; empty = none.</summary>
    public float[] Inhibition { get; init; } = [];

    /// <summary>Per-neuron lower bound of the membrane in real units (e.g. −θ for Lee's LIF); empty = none.</summary>
    public float[] MembraneFloor { get; init; } = [];

    /// <summary>State activation g after integration (SNU); Unspecified = identity.</summary>
    public StateActivation Activation { get; init; }

    /// <summary>Slope of the leaky ReLU for v &lt; 0, in [0, 1], quantized to Q16.</summary>
    public float NegativeSlope { get; init; }

    /// <summary>BINARY spikes (default) or GRADED outputs y = σ(v − θ) (sSNU).</summary>
    public OutputKind Output { get; init; }

    /// <summary>Reset scope: NEURON (default) or LAYER (SNU lateral inhibition: every neuron resets by the layer's largest output).</summary>
    public ResetScope ResetScope { get; init; }

    /// <summary>Recurrent weights on the layer's own previous-tick outputs, row-major [output (post), output (pre)]
    /// like <see cref="Weight"/>, OutputSize × OutputSize values; zeros are absent connections. Empty = feed-forward.</summary>
    public float[] RecurrentWeight { get; init; } = [];

    /// <summary>The SRC cell's constants (semantics §4.3); null for every other neuron model.</summary>
    public SrcFloatParameters? Src { get; init; }

    /// <summary>True when outputs are graded values in [0, 1] (GRADED LIF or SRC), false for binary spikes or none.</summary>
    public bool HasGradedOutput => Output == OutputKind.Graded || Neuron == NeuronModel.Src;

    /// <summary>Threshold of neuron <paramref name="o"/>: <see cref="Thresholds"/>[o] when given, else <see cref="Threshold"/>.</summary>
    public float ThresholdOf(int o) => Thresholds.Length == 0 ? Threshold : Thresholds[o];
}

/// <summary>
/// Float constants of an SRC layer (De Geeter et al. 2023; seed-methods §1.2 with z = 0):
/// <c>i = α i + W s</c>, <c>x = ρ tanh(i/ρ)</c>, <c>h = tanh(x + r h + r_s h_s + b)</c>,
/// <c>h_s = z_s h_s + (1 − z_s) h_prev</c> with <c>z_s = SlowGateActive</c> when <c>h_prev &gt; GateThreshold</c>, else
/// <c>SlowGateRest</c>; output ReLU(h). The per-neuron b is the layer's Bias; h and h_s start a sample at the rest values.
/// </summary>
/// <param name="Alpha">Input integrator decay α (quantized to Q16).</param>
/// <param name="Rho">Input saturation bound ρ.</param>
/// <param name="FastFeedback">r (2 in the paper).</param>
/// <param name="SlowFeedback">r_s (−7 in the paper).</param>
/// <param name="GateThreshold">θ_z (0.5).</param>
/// <param name="SlowGateRest">z_s^hyp (0.9).</param>
/// <param name="SlowGateActive">z_s^dep (0).</param>
/// <param name="RestFast">h at the start of a sample (the zero-input equilibrium).</param>
/// <param name="RestSlow">h_s at the start of a sample.</param>
public sealed record SrcFloatParameters(
    float Alpha,
    float Rho,
    float FastFeedback,
    float SlowFeedback,
    float GateThreshold,
    float SlowGateRest,
    float SlowGateActive,
    float RestFast,
    float RestSlow);

/// <summary>A whole trained network in plain arrays, plus the input geometry and timing it was trained with.</summary>
/// <param name="Width">Sensor width in pixels.</param>
/// <param name="Height">Sensor height in pixels.</param>
/// <param name="Polarities">1 (merged) or 2.</param>
/// <param name="TickMicroseconds">Length of one tick.</param>
/// <param name="TicksPerSample">T.</param>
/// <param name="Layers">Input side first.</param>
/// <param name="Readout">How the class is read from the last layer.</param>
/// <param name="Labels">Class names, one per output neuron.</param>
public sealed record FloatNetworkSpec(
    int Width,
    int Height,
    int Polarities,
    int TickMicroseconds,
    int TicksPerSample,
    IReadOnlyList<FloatLayerSpec> Layers,
    ReadoutMode Readout,
    IReadOnlyList<string> Labels);
