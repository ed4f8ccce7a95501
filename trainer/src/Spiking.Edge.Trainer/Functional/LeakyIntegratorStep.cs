using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// One tick of a leaky integrator (semantics.md §4.2, float form): v' = β v + I, never spikes, never resets.
/// </summary>
public static class LeakyIntegratorStep
{
    /// <summary>Advances one tick and returns the new membrane (a new tensor).</summary>
    /// <param name="input">Input current I, [B, N].</param>
    /// <param name="membrane">Previous membrane v, [B, N].</param>
    /// <param name="beta">Decay factor β in [0, 1].</param>
    public static Tensor Step(Tensor input, Tensor membrane, float beta)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(membrane);
        return input.add(membrane, S(beta));
    }
}
