using Spiking.Edge.Trainer.Models;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>Being written this session.</summary>
public sealed class StRsbpGradients : IGradientMethod
{
    /// <summary>Binds the method to a network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Settings.</param>
    public StRsbpGradients(SpikingNetwork network, StRsbpOptions options)
    {
        throw new NotSupportedException("StRsbp is being implemented.");
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
