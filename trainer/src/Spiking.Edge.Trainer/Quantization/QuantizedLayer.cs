using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// One layer in the integer units of semantics.md §3–§4: what the exporter writes and the integer simulation runs.
/// </summary>
/// <param name="Name">Layer name.</param>
/// <param name="Neuron">LIF or leaky integrator.</param>
/// <param name="InputSize">Rows (presynaptic inputs).</param>
/// <param name="OutputSize">Columns (neurons).</param>
/// <param name="Bits">Weight width: every weight lies in [−(2^(Bits−1)−1), 2^(Bits−1)−1].</param>
/// <param name="Weights">Input-major: <c>Weights[i × OutputSize + o]</c> is W[i][o] (semantics §3.1 layout).</param>
/// <param name="Threshold">One per neuron, ≥ 1 (LIF); empty for a leaky integrator.</param>
/// <param name="Bias">One per neuron, in state units.</param>
/// <param name="Scale">One per neuron: real weight = integer weight × Scale[o].</param>
/// <param name="LeakShift">0..24.</param>
/// <param name="Reset">Reset rule (LIF) or Unspecified.</param>
/// <param name="Comparison">Threshold comparison (LIF) or Unspecified.</param>
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
    ThresholdComparison Comparison);
