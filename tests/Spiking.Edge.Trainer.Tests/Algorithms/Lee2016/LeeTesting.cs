using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

/// <summary>Small helpers for the Lee 2016 tests.</summary>
internal static class LeeTesting
{
    /// <summary>A float64 tensor of the given shape from row-major values.</summary>
    public static Tensor Doubles(long[] shape, params double[] values) => tensor(values).reshape(shape);

    /// <summary>A float32 tensor of the given shape from row-major values.</summary>
    public static Tensor Floats(long[] shape, params float[] values) => tensor(values).reshape(shape);

    /// <summary>The values of a tensor as doubles.</summary>
    public static double[] Values(Tensor tensor)
    {
        using var copy = tensor.detach().to_type(ScalarType.Float64).contiguous();
        return copy.data<double>().ToArray();
    }

    /// <summary>Element-wise |expected − actual| ≤ tolerance · max(1, |expected|), with the index in the message.</summary>
    public static void Near(double[] expected, Tensor actual, double tolerance = 1e-6, string what = "")
    {
        var values = Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var allowed = tolerance * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - values[i]) <= allowed, $"{what} element {i}: expected {expected[i]}, got {values[i]}");
        }
    }

    /// <summary>Float values (test-local alias for <see cref="TensorAssert.Values"/>).</summary>
    public static float[] FloatValues(Tensor tensor) => TensorAssert.Values(tensor);
}
