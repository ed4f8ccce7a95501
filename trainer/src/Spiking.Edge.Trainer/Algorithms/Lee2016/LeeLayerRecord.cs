using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>What the backward pass needs from one layer's forward pass (all tensors belong to the caller).</summary>
/// <param name="Inputs">Effective inputs x [B, in] (<see cref="EffectiveInputs"/>).</param>
/// <param name="Counts">Spike counts a [B, N].</param>
/// <param name="Weight">W [N, in] as used in the forward pass.</param>
/// <param name="Threshold">θ [N] as used in the forward pass (positive).</param>
/// <param name="Coupling">c = σκ of the layer's winner-take-all (0 for none).</param>
/// <param name="BiasInput">The effective input of a bias, Σ_t β^(T−1−t), or null when the layer has no bias.</param>
public sealed record LeeLayerRecord(Tensor Inputs, Tensor Counts, Tensor Weight, Tensor Threshold, double Coupling, double? BiasInput);

/// <summary>The gradients of one layer's parameters (owned by the caller's dispose scope).</summary>
/// <param name="Weight">∂L/∂W [N, in].</param>
/// <param name="Threshold">∂L/∂θ [N].</param>
/// <param name="Bias">∂L/∂b [N], or null when the layer has no bias.</param>
public sealed record LeeLayerGradients(Tensor Weight, Tensor Threshold, Tensor? Bias);
