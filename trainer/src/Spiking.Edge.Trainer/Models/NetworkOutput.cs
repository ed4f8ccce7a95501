using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Models;

/// <summary>A forward pass with the activity of every configured layer (for firing-rate statistics or regularisers).</summary>
/// <param name="Logits">[B, classes].</param>
/// <param name="LayerOutputs">Each configured layer's outputs [T, B, N], input side first (spikes or graded values).</param>
public sealed record NetworkOutput(Tensor Logits, IReadOnlyList<Tensor> LayerOutputs);
