using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Export;

/// <summary>
/// One trained layer in plain arrays, independent of TorchSharp: what the quantizer and exporter consume.
/// Float dynamics (semantics.md §4.2): v = β v + W x + b with β = 1 − 2^−<see cref="LeakShift"/>;
/// a LIF neuron fires when v ≥ <see cref="Threshold"/> (or v &gt; it) and resets by <see cref="Reset"/>.
/// </summary>
/// <param name="Name">Layer name, kept in the model file.</param>
/// <param name="Neuron">LIF or leaky integrator.</param>
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
    ThresholdComparison Comparison);

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
