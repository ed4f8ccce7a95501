using Spiking.Edge.Trainer.Functional;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// A LIF population run over a whole sequence: input currents [T, B, N] → spikes [T, B, N], starting from v = 0.
/// The recurrence walks the slices of <c>unbind(0)</c> (never <c>x[t]</c>, whose backward is O(T²)).
/// Gives exactly the spikes of <see cref="LifCell"/> applied tick by tick.
/// </summary>
public sealed class Lif : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates a population with validated parameters.</summary>
    /// <param name="parameters">β, θ, reset, comparison, surrogate.</param>
    /// <param name="name">Module name.</param>
    public Lif(LifParameters parameters, string name = "lif")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        LifParameters = parameters;
    }

    /// <summary>The population's fixed parameters.</summary>
    public LifParameters LifParameters { get; }

    /// <summary>Runs T ticks.</summary>
    /// <param name="currents">Input currents [T, B, N].</param>
    /// <returns>Spikes [T, B, N].</returns>
    public override Tensor forward(Tensor currents)
    {
        ArgumentNullException.ThrowIfNull(currents);
        if (currents.dim() != 3)
        {
            throw new ArgumentException($"Lif expects currents shaped [T, B, N]; got rank {currents.dim()}.", nameof(currents));
        }

        var slices = currents.unbind(0);
        var spikes = new Tensor[slices.Length];
        var membrane = zeros(currents.shape[1], currents.shape[2], dtype: currents.dtype);
        try
        {
            for (var t = 0; t < slices.Length; t++)
            {
                var result = LifStep.Step(slices[t], membrane, LifParameters);
                membrane.Dispose();
                membrane = result.Membrane;
                spikes[t] = result.Spikes;
            }

            return stack(spikes, 0);
        }
        finally
        {
            membrane.Dispose();
            foreach (var tensor in spikes)
            {
                tensor?.Dispose();
            }

            foreach (var slice in slices)
            {
                slice.Dispose();
            }
        }
    }
}
