using Spiking.Edge.Trainer.Functional;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// A leaky-integrator readout (semantics.md §4.2): v' = β v + I, no spikes, no reset, starting from v = 0.
/// Multi-step <see cref="forward"/> over [T, B, N] and single-step <see cref="Step"/>.
/// </summary>
public sealed class LeakyIntegrator : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates a readout with the given leak shift.</summary>
    /// <param name="leakShift">0..24; β = 1 − 2^−leakShift, 0 means no leak.</param>
    /// <param name="name">Module name.</param>
    public LeakyIntegrator(int leakShift = LifParameters.DefaultLeakShift, string name = "leaky_integrator")
        : base(name)
    {
        Beta = LifParameters.BetaOf(leakShift);
        LeakShift = leakShift;
    }

    /// <summary>Leak shift.</summary>
    public int LeakShift { get; }

    /// <summary>Decay factor β.</summary>
    public float Beta { get; }

    /// <summary>Runs T ticks.</summary>
    /// <param name="currents">Input currents [T, B, N].</param>
    /// <returns>Membranes [T, B, N] (v after each tick).</returns>
    public override Tensor forward(Tensor currents)
    {
        ArgumentNullException.ThrowIfNull(currents);
        if (currents.dim() != 3)
        {
            throw new ArgumentException($"LeakyIntegrator expects currents shaped [T, B, N]; got rank {currents.dim()}.", nameof(currents));
        }

        var slices = currents.unbind(0);
        var membranes = new Tensor[slices.Length];
        try
        {
            using var initial = zeros(currents.shape[1], currents.shape[2], dtype: currents.dtype);
            var membrane = initial;
            for (var t = 0; t < slices.Length; t++)
            {
                membrane = LeakyIntegratorStep.Step(slices[t], membrane, Beta);
                membranes[t] = membrane;
            }

            return stack(membranes, 0);
        }
        finally
        {
            foreach (var tensor in membranes)
            {
                tensor?.Dispose();
            }

            foreach (var slice in slices)
            {
                slice.Dispose();
            }
        }
    }

    /// <summary>Advances one tick.</summary>
    /// <param name="input">Input current [B, N].</param>
    /// <param name="membrane">Previous membrane [B, N] (zeros at the start).</param>
    /// <returns>The new membrane.</returns>
    public Tensor Step(Tensor input, Tensor membrane) => LeakyIntegratorStep.Step(input, membrane, Beta);
}
