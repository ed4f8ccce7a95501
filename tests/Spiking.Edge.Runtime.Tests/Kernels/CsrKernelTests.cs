using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Tests.Kernels;

public class CsrKernelTests
{
    [Theory]
    [InlineData(1, 800, 0.5)]
    [InlineData(2, 800, 0.1)]
    [InlineData(3, 13, 0.9)]
    [InlineData(4, 1000, 0.003)]
    [InlineData(5, 1, 0.5)]
    [InlineData(6, 20_000, 0.0002)]
    public void Rows_with_one_and_multi_byte_deltas_equal_the_dense_reference(int seed, int outputs, double density)
    {
        var random = new Random(seed);
        var weights = SparseWeights.Random(random, 24, outputs, density);
        byte[] model = weights.Csr(out int indexOffset, out int indexLength, out int valuesOffset);
        var tables = new int[3 + (2 * (weights.Inputs + 1))];
        var kernel = new CsrKernel(model, valuesOffset, indexOffset, indexLength, weights.Inputs, tables, 3, 3 + weights.Inputs + 1);
        SparseWeights.AssertKernelMatchesReference(random, weights, kernel, targetOffset: 2);
    }

    [Theory]
    [InlineData(7, 800, 0.5)]
    [InlineData(8, 13, 0.9)]
    [InlineData(9, 20_000, 0.0002)]
    public void Scaled_rows_equal_the_dense_reference_times_the_event_value(int seed, int outputs, double density)
    {
        var random = new Random(seed);
        var weights = SparseWeights.Random(random, 24, outputs, density);
        byte[] model = weights.Csr(out int indexOffset, out int indexLength, out int valuesOffset);
        var tables = new int[2 * (weights.Inputs + 1)];
        var kernel = new CsrKernel(model, valuesOffset, indexOffset, indexLength, weights.Inputs, tables, 0, weights.Inputs + 1);
        SparseWeights.AssertScaledKernelMatchesReference(random, weights, kernel, targetOffset: 1);
    }
}
