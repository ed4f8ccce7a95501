using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// Options of the SNU and sSNU (<see cref="SnuLayer"/>, Woźniak et al., seed-methods §4). Defaults follow the official
/// toolkit's cell (decay 0.8, identity g, θ initialised to 1, tanh′ pseudo-derivative, gradient through the reset gate).
/// </summary>
public sealed record SnuOptions
{
    /// <summary>Leak l(τ) in (0, 1), rounded to Q16; the cell computes with exactly DecayQ16/65536.</summary>
    public float Decay { get; init; } = 0.8f;

    /// <summary>State activation g: Identity or LeakyRelu.</summary>
    public StateActivation Activation { get; init; } = StateActivation.Identity;

    /// <summary>Leaky-ReLU slope in [0, 1] for v &lt; 0, rounded to Q16 (used with LeakyRelu).</summary>
    public float NegativeSlope { get; init; } = 0.1f;

    /// <summary>Backward slope of the SNU step (binary SNU only): Tanh or Sigmoid.</summary>
    public PseudoDerivative PseudoDerivative { get; init; } = PseudoDerivative.Tanh;

    /// <summary>Neuron (each neuron gates by its own output) or Layer (lateral inhibition: every neuron gates by the layer's largest output of the tick, per sample).</summary>
    public ResetScope ResetScope { get; init; } = ResetScope.Neuron;

    /// <summary>Initial value of the trainable per-unit threshold θ.</summary>
    public float ThresholdInit { get; init; } = 1f;

    /// <summary>Gate with the detached output (no gradient through the reset gate); the toolkit lets the gradient through.</summary>
    public bool DetachReset { get; init; }

    /// <summary>Decay in Q16 (1..65535).</summary>
    public int DecayQ16 => FixedPoint.ToQ16(Decay);

    /// <summary>Leaky-ReLU slope in Q16 (0..65536).</summary>
    public int NegativeSlopeQ16 => FixedPoint.ToQ16(NegativeSlope);

    /// <summary>Throws <see cref="ConfigException"/> for the first bad value.</summary>
    /// <param name="path">JSON path of these options.</param>
    public void Validate(string path = "snu")
    {
        ConfigCheck.OpenUnitQ16($"{path}.decay", Decay);
        ConfigCheck.OneOf($"{path}.activation", Activation, StateActivation.Identity, StateActivation.LeakyRelu);
        ConfigCheck.Closed($"{path}.negativeSlope", NegativeSlope, 0f, 1f);
        ConfigCheck.OneOf($"{path}.pseudoDerivative", PseudoDerivative, PseudoDerivative.Tanh, PseudoDerivative.Sigmoid);
        ConfigCheck.OneOf($"{path}.resetScope", ResetScope, ResetScope.Neuron, ResetScope.Layer);
        ConfigCheck.Finite($"{path}.thresholdInit", ThresholdInit);
    }
}
