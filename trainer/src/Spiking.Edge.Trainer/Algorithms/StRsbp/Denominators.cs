using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>Keeps ST-RSBP's denominators (S_i, L_ii, the lateral factor's) away from 0, as the reference does for L_ii.</summary>
public static class Denominators
{
    /// <summary>Each value whose magnitude is below <paramref name="minimum"/> becomes ±minimum with its sign (0 → +minimum).</summary>
    /// <param name="values">Denominators.</param>
    /// <param name="minimum">Smallest magnitude (&gt; 0).</param>
    /// <returns>A new tensor.</returns>
    public static Tensor Guard(Tensor values, double minimum)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var scope = NewDisposeScope();
        var small = values.abs().lt(S(minimum));
        var replacement = values.ge(S(0)).to_type(values.dtype).mul_(S(2 * minimum)).sub_(S(minimum));
        return where(small, replacement, values).MoveToOuterDisposeScope();
    }
}
