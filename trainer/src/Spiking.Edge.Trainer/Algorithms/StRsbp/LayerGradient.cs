using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>One layer's share of an ST-RSBP backward pass (the data terms, batch means, without the regulariser).</summary>
/// <param name="Weight">∂E/∂W [N_out, N_in], the mean over the batch.</param>
/// <param name="Recurrent">∂E/∂W_rec [N_out, N_out] on existing connections (reservoir layers), else null.</param>
/// <param name="DeltaBelow">δ of the layer below, ∂(½E)/∂o_j per sample [B, N_in], or null when not asked for.</param>
public sealed record LayerGradient(Tensor Weight, Tensor? Recurrent, Tensor? DeltaBelow);
