using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// The layer-wise backward pass of Lee et al. on the linearised count model (seed-methods §3.2), for a batch of
/// per-sample records, output layer last. For each layer, from the top, with g = ∂L/∂a of its counts:
/// λ = M⁻¹ g (<see cref="WinnerTakeAll"/>); ∂L/∂s = λ/θ (slope 1/θ); ∂L/∂W = Σ_samples (λ/θ) xᵀ;
/// ∂L/∂θ_i = −Σ_samples λ_i q_i/θ_i with q = a (<see cref="ThresholdSlope.Count"/>) or M a
/// (<see cref="ThresholdSlope.Inhibited"/>); ∂L/∂b = Σ_samples (λ/θ)·x_bias. The error handed to the layer below is
/// g′ = (Wᵀ ∂L/∂s) ⊙ ∂x/∂a′, with ∂x_j/∂a′_j = x_j/a′_j (1 when a′_j = 0) or 1 (<see cref="InputSlope"/>).
/// The batch mean is in the output error (each sample's ∂L/∂a divided by B), so sums over samples give means.
/// </summary>
public static class Lee2016Backward
{
    /// <summary>Runs the backward pass.</summary>
    /// <param name="layers">Records, input side first; layer l's inputs are layer l − 1's effective outputs.</param>
    /// <param name="outputError">∂L/∂a of the last layer's counts [B, N_last].</param>
    /// <param name="wta">Winner-take-all backward form.</param>
    /// <param name="thresholdSlope">∂a/∂θ form.</param>
    /// <param name="inputSlope">∂x/∂a form between layers.</param>
    /// <returns>One gradient set per layer, input side first.</returns>
    public static LeeLayerGradients[] Run(IReadOnlyList<LeeLayerRecord> layers, Tensor outputError, WtaBackward wta, ThresholdSlope thresholdSlope, InputSlope inputSlope)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(outputError);
        if (layers.Count == 0)
        {
            throw new ArgumentException("The backward pass needs at least one layer.", nameof(layers));
        }

        var gradients = new LeeLayerGradients[layers.Count];
        var error = outputError;
        for (var l = layers.Count - 1; l >= 0; l--)
        {
            var layer = layers[l];
            var lambda = WinnerTakeAll.Backward(error, layer.Coupling, wta);
            var drive = lambda.div(layer.Threshold);
            var weight = drive.t().matmul(layer.Inputs);
            using var paid = thresholdSlope == ThresholdSlope.Inhibited ? WinnerTakeAll.DriveCounts(layer.Counts, layer.Coupling) : layer.Counts.alias();
            var threshold = lambda.mul(paid).sum([0]).div_(layer.Threshold).neg_();
            var bias = layer.BiasInput is { } biasInput ? drive.sum([0]).mul_(Functional.Scalars.S(biasInput)) : null;
            gradients[l] = new LeeLayerGradients(weight, threshold, bias);
            if (l > 0)
            {
                var toInputs = drive.matmul(layer.Weight);
                error = inputSlope == InputSlope.One ? toInputs : toInputs.mul_(InputRatio(layer.Inputs, layers[l - 1].Counts));
            }
        }

        return gradients;
    }

    /// <summary>∂x_j/∂a_j ≈ x_j/a_j where a_j &gt; 0, else 1.</summary>
    /// <param name="inputs">x [B, in].</param>
    /// <param name="counts">The lower layer's counts a [B, in].</param>
    public static Tensor InputRatio(Tensor inputs, Tensor counts)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(counts);
        using var scope = NewDisposeScope();
        var fired = counts.gt(Functional.Scalars.S(0));
        var ones = ones_like(inputs);
        return where(fired, inputs.div(where(fired, counts, ones)), ones).MoveToOuterDisposeScope();
    }
}
