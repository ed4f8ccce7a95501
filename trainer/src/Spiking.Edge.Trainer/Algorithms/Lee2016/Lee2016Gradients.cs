using Spiking.Edge.Trainer.Models;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>Being written this session.</summary>
public sealed class Lee2016Gradients : IGradientMethod
{
    /// <summary>Binds the method to a network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Settings.</param>
    public Lee2016Gradients(SpikingNetwork network, Lee2016Options options)
    {
        throw new NotSupportedException("Lee2016 is being implemented.");
    }

    /// <inheritdoc/>
    public GradientStep ComputeGradients(Tensor frames, Tensor labels, ReadOnlySpan<int> samples) => throw new NotSupportedException();

    /// <inheritdoc/>
    public void AfterStep() => throw new NotSupportedException();

    /// <inheritdoc/>
    public void EndEpoch(int epoch) => throw new NotSupportedException();

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
