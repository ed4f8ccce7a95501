using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The reference code's rescue of a silent label neuron (seed-methods §2.3, g_modifySpikes): when the label neuron of a
/// sample fired no spike, n = round(DesiredLevel) evenly spaced spikes are inserted into its train, at ticks
/// (k + 1)·s − 1 for k = 0 … n − 1 with spacing s = max(⌊T/n⌋, R + 1) (fewer when T runs out), so that its S-PSPs and
/// hence its weight gradients are not all 0. The output error was computed before, with the true count 0.
/// </summary>
public static class SilentTargetSpikes
{
    /// <summary>The output trains with the spikes inserted where the label neuron was silent (a new tensor).</summary>
    /// <param name="train">Output trains [T, B, classes].</param>
    /// <param name="labels">Labels [B] (int64).</param>
    /// <param name="level">Spikes to insert (rounded; below 0.5 nothing is inserted).</param>
    /// <param name="refractoryTicks">R of the output layer (the smallest spacing).</param>
    public static Tensor Insert(Tensor train, Tensor labels, double level, int refractoryTicks)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(labels);
        var steps = (int)train.shape[0];
        var count = (int)Math.Round(level);
        if (count < 1)
        {
            return train.alias();
        }

        var spacing = Math.Max(steps / count, refractoryTicks + 1);
        var pattern = new float[steps];
        for (var k = 0; k < count && ((k + 1) * spacing) - 1 < steps; k++)
        {
            pattern[((k + 1) * spacing) - 1] = 1f;
        }

        using var scope = NewDisposeScope();
        var target = nn.functional.one_hot(labels, train.shape[2]).to_type(train.dtype);
        var silent = train.sum([0]).mul(target).sum(1, keepdim: true).eq(S(0)).to_type(train.dtype);
        var insert = tensor(pattern, dtype: train.dtype, device: train.device).reshape(steps, 1, 1).mul(target.mul(silent).unsqueeze(0));
        return train.add(insert).MoveToOuterDisposeScope();
    }
}
