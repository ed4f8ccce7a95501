using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>Output of one LIF tick.</summary>
/// <param name="Spikes">0/1 spikes, [B, N], carrying the surrogate gradient.</param>
/// <param name="Membrane">Membrane after the reset, the state for the next tick, [B, N].</param>
public readonly record struct LifStepResult(Tensor Spikes, Tensor Membrane);
