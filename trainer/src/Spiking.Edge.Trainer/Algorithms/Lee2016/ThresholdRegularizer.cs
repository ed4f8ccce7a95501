using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// Lee et al.'s threshold regulariser (seed-methods §3.2, recalled) applied once per training step instead of at every
/// input event. The paper's rule — when N_w of a layer's N neurons fire, each of them raises its threshold by ρN and
/// then all N lower theirs by ρN_w — summed over a sample's ticks gives Δθ_i = ρ(N a_i − Σ_h a_h). Here a is the
/// batch-mean count and the step is in units of the layer's initial threshold θ(0) = α√(3/M), so that one ρ suits
/// layers of any fan-in: Δθ_i = ρ θ(0) (N ā_i − Σ_h ā_h). The layer's mean threshold is unchanged.
/// </summary>
public static class ThresholdRegularizer
{
    /// <summary>Δθ [N] for the batch-mean counts ā [N] of one layer.</summary>
    /// <param name="meanCounts">ā.</param>
    /// <param name="rate">ρ ≥ 0.</param>
    /// <param name="initialThreshold">θ(0) of the layer.</param>
    public static Tensor Step(Tensor meanCounts, double rate, double initialThreshold)
    {
        ArgumentNullException.ThrowIfNull(meanCounts);
        using var scope = NewDisposeScope();
        var neurons = meanCounts.shape[0];
        return meanCounts.mul(S(neurons)).sub_(meanCounts.sum()).mul_(S(rate * initialThreshold)).MoveToOuterDisposeScope();
    }
}
