using TorchSharp;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// The SNU output non-linearity: forward the strict step 1[x &gt; 0] (exactly 0 at x = 0), backward the derivative of a
/// smooth f, by the straight-through pattern <c>f(x) + (step(x) − f(x)).detach()</c> (no custom autograd function).
/// </summary>
public static class StepSpike
{
    /// <summary>Spikes (0/1, same dtype as <paramref name="x"/>) whose gradient is f′(x).</summary>
    /// <param name="x">v − θ.</param>
    /// <param name="pseudoDerivative">f = tanh (default) or the logistic sigmoid.</param>
    public static Tensor Step(Tensor x, PseudoDerivative pseudoDerivative = PseudoDerivative.Tanh)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewDisposeScope();
        var smooth = pseudoDerivative switch
        {
            PseudoDerivative.Tanh => x.tanh(),
            PseudoDerivative.Sigmoid => x.sigmoid(),
            _ => throw new ArgumentOutOfRangeException(nameof(pseudoDerivative), pseudoDerivative, "Pseudo-derivative must be Tanh or Sigmoid."),
        };
        Tensor fired;
        using (no_grad())
        {
            fired = x.gt(S(0)).to_type(x.dtype);
        }

        return smooth.sub(smooth.detach()).add_(fired).MoveToOuterDisposeScope();
    }
}
