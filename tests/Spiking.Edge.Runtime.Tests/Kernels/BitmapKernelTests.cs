using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Tests.Kernels;

public class BitmapKernelTests
{
    [Theory]
    [InlineData(1, 800, 0.5)]
    [InlineData(2, 800, 0.1)]
    [InlineData(3, 13, 0.9)]
    [InlineData(4, 8, 1.0)]
    [InlineData(5, 1, 0.5)]
    [InlineData(6, 301, 0.02)]
    public void Rows_added_byte_by_byte_equal_the_dense_reference(int seed, int outputs, double density)
    {
        var random = new Random(seed);
        var weights = SparseWeights.Random(random, 24, outputs, density);
        byte[] model = weights.Bitmap(out int indexOffset, out int valuesOffset);
        var tables = new int[7 + weights.Inputs + 1];
        var kernel = new BitmapKernel(model, valuesOffset, indexOffset, weights.Inputs, outputs, tables, 7);
        SparseWeights.AssertKernelMatchesReference(random, weights, kernel, targetOffset: 2);
    }

    [Theory]
    [InlineData(7, 800, 0.5)]
    [InlineData(8, 8, 1.0)]
    [InlineData(9, 301, 0.02)]
    public void Scaled_rows_equal_the_dense_reference_times_the_event_value(int seed, int outputs, double density)
    {
        var random = new Random(seed);
        var weights = SparseWeights.Random(random, 24, outputs, density);
        byte[] model = weights.Bitmap(out int indexOffset, out int valuesOffset);
        var tables = new int[weights.Inputs + 1];
        var kernel = new BitmapKernel(model, valuesOffset, indexOffset, weights.Inputs, outputs, tables, 0);
        SparseWeights.AssertScaledKernelMatchesReference(random, weights, kernel, targetOffset: 1);
    }
}
