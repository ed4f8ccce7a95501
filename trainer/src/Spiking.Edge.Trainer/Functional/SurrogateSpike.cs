using Spiking.Edge.ModelFormat.Proto;
using TorchSharp;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// The spike non-linearity with a fast-sigmoid surrogate gradient: forward H(h − θ), backward 1/(1 + k|h − θ|)².
/// Two equivalent implementations: a custom autograd function (<see cref="Spike"/>, used by the cells because it
/// is the faster of the two here, see bench/Spiking.Edge.Bench.Trainer/README.md) and the straight-through pattern
/// (<see cref="SpikeStraightThrough"/>).
/// </summary>
public static class SurrogateSpike
{
    /// <summary>Spikes (0/1, same dtype as <paramref name="membrane"/>) with the surrogate gradient, via a custom autograd function.</summary>
    /// <param name="membrane">Pre-reset membrane h.</param>
    /// <param name="threshold">θ.</param>
    /// <param name="slope">k &gt; 0.</param>
    /// <param name="comparison">≥ or &gt;.</param>
    public static Tensor Spike(Tensor membrane, float threshold, float slope, ThresholdComparison comparison) =>
        FastSigmoidSpikeFunction.apply(membrane, threshold, slope, comparison);

    /// <summary>
    /// The same function written with the straight-through pattern: H(x) + f(x) − detach(f(x)) with
    /// f(x) = x / (1 + k|x|), whose derivative is the fast sigmoid, x = h − θ.
    /// </summary>
    /// <param name="membrane">Pre-reset membrane h.</param>
    /// <param name="threshold">θ.</param>
    /// <param name="slope">k &gt; 0.</param>
    /// <param name="comparison">≥ or &gt;.</param>
    public static Tensor SpikeStraightThrough(Tensor membrane, float threshold, float slope, ThresholdComparison comparison)
    {
        using var scope = NewDisposeScope();
        var x = membrane.sub(S(threshold));
        var smooth = x.div(x.abs().mul_(S(slope)).add_(S(1)));
        Tensor fired;
        using (no_grad())
        {
            fired = (comparison == ThresholdComparison.Greater ? x.gt(S(0)) : x.ge(S(0))).to_type(membrane.dtype);
        }

        return smooth.sub(smooth.detach()).add_(fired).MoveToOuterDisposeScope();
    }

    /// <summary>The surrogate derivative 1/(1 + k|h − θ|)², element-wise, without gradient tracking.</summary>
    /// <param name="membrane">h.</param>
    /// <param name="threshold">θ.</param>
    /// <param name="slope">k.</param>
    public static Tensor FastSigmoidDerivative(Tensor membrane, float threshold, float slope)
    {
        using var noGrad = no_grad();
        return membrane.sub(S(threshold)).abs_().mul_(S(slope)).add_(S(1)).pow_(S(-2));
    }
}
