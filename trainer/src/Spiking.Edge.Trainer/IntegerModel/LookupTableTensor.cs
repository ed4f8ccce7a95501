using Spiking.Edge.ModelFormat.Proto;
using TorchSharp;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// A lookup table of semantics.md §4.4 as a float64 tensor of its values: <c>table(x) = values[clamp((x &gt;&gt; shift) −
/// offset, 0, len − 1)]</c>, the shift being a floor division by 2^shift (exact in float64 for |x| &lt; 2^53). Owns its tensor.
/// </summary>
internal sealed class LookupTableTensor : IDisposable
{
    private readonly double _divisor;
    private readonly double _offset;
    private readonly long _last;
    private readonly Tensor _values;

    public LookupTableTensor(LookupTable table)
    {
        var values = new double[table.Values.Count];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = table.Values[k];
        }

        _divisor = Math.Pow(2, table.InputShift);
        _offset = table.InputOffset;
        _last = values.Length - 1;
        _values = torch.tensor(values, [values.Length], ScalarType.Float64);
    }

    /// <summary>The table's value for every element of <paramref name="x"/> (integers held in float64); the caller owns
    /// the result and the intermediates through a dispose scope.</summary>
    public Tensor Lookup(Tensor x)
    {
        Tensor index = floor(x.div(S(_divisor))).sub(S(_offset)).clamp(S(0), S(_last)).to_type(ScalarType.Int64);
        return _values.take(index);
    }

    /// <inheritdoc />
    public void Dispose() => _values.Dispose();
}
