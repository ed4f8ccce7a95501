using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

internal static class TensorAssert
{
    public static float[] Values(Tensor tensor)
    {
        using var copy = tensor.detach().contiguous();
        return copy.data<float>().ToArray();
    }

    public static void Close(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = Values(expected);
        var a = Values(actual);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"element {i}: expected {e[i]}, got {a[i]} (tolerance {tolerance})");
        }
    }

    public static Tensor Random(long[] shape, int seed, float scale)
    {
        using var generator = new Generator((ulong)seed);
        return rand(shape, generator: generator).mul_(scale);
    }
}
