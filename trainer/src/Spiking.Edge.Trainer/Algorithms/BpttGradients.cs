using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms;

/// <summary>Surrogate-gradient BPTT: cross-entropy of the model's logits, backpropagated by autograd through every tick.</summary>
public sealed class BpttGradients : IGradientMethod
{
    private readonly nn.Module<Tensor, Tensor> _model;

    /// <summary>Binds the method to a model.</summary>
    /// <param name="model">Any classifier module (logits [B, classes] from frames [T, B, inputs]).</param>
    public BpttGradients(nn.Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <inheritdoc/>
    public GradientStep ComputeGradients(Tensor frames, Tensor labels, ReadOnlySpan<int> samples)
    {
        var logits = _model.forward(frames);
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        using var noGrad = no_grad();
        var correct = logits.argmax(1).eq(labels).sum().item<long>();
        return new GradientStep(loss.item<float>(), correct);
    }

    /// <inheritdoc/>
    public void AfterStep()
    {
    }

    /// <inheritdoc/>
    public void EndEpoch(int epoch)
    {
    }

    /// <inheritdoc/>
    public float[] SaveState() => [];

    /// <inheritdoc/>
    public void RestoreState(float[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != 0)
        {
            throw new InvalidDataException($"bptt keeps no state between epochs, but the checkpoint holds {state.Length} values.");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
