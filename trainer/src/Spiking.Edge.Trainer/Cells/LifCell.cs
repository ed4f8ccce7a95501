using Spiking.Edge.Trainer.Functional;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// One tick of a LIF population (see <see cref="LifStep"/> for the order of operations). Has no trainable
/// parameters; the caller owns the membrane state and passes it back each tick.
/// </summary>
public sealed class LifCell : nn.Module<Tensor, Tensor, LifStepResult>
{
    /// <summary>Creates a cell with validated parameters.</summary>
    /// <param name="parameters">β, θ, reset, comparison, surrogate.</param>
    /// <param name="name">Module name.</param>
    public LifCell(LifParameters parameters, string name = "lif_cell")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        LifParameters = parameters;
    }

    /// <summary>The cell's fixed parameters.</summary>
    public LifParameters LifParameters { get; }

    /// <summary>A zero membrane for <paramref name="batchSize"/> samples of <paramref name="size"/> neurons (the state at the start of a sample).</summary>
    /// <param name="batchSize">B.</param>
    /// <param name="size">N.</param>
    public static Tensor InitialMembrane(long batchSize, long size) => zeros(batchSize, size);

    /// <summary>Advances one tick: input current [B, N] and membrane [B, N] → spikes and the membrane after reset.</summary>
    /// <param name="input">Input current.</param>
    /// <param name="membrane">State from the previous tick (zeros at the start).</param>
    public override LifStepResult forward(Tensor input, Tensor membrane) => LifStep.Step(input, membrane, LifParameters);
}
