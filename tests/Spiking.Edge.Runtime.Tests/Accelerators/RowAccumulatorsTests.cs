using System.Runtime.Intrinsics;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Tests.Accelerators;

public sealed class RowAccumulatorsTests
{
    [Fact]
    public void Best_is_simd_exactly_when_vectors_are_hardware_accelerated()
    {
        var best = RowAccumulators.Best();

        if (Vector128.IsHardwareAccelerated)
        {
            Assert.IsType<SimdRowAccumulator>(best);
        }
        else
        {
            Assert.IsType<ScalarRowAccumulator>(best);
        }
    }

    [SkippableFact]
    public void Best_uses_512_bit_vectors_only_where_the_runtime_prefers_them_then_avx2_then_128_bit()
    {
        var best = RowAccumulators.Best();

        Skip.IfNot(best is SimdRowAccumulator, "no SIMD on this processor");
        var expected = System.Runtime.Intrinsics.X86.Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? SimdPath.Avx512
            : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? SimdPath.Avx2
            : SimdPath.Vector128;
        Assert.Equal(expected, ((SimdRowAccumulator)best).Path);
    }

    [Fact]
    public void Describe_names_the_instruction_set_of_best()
    {
        string description = RowAccumulators.Describe();

        string expected = RowAccumulators.Best() is SimdRowAccumulator simd ? simd.Describe() : "scalar";
        Assert.StartsWith(expected, description);
    }

    [Fact]
    public void Best_adds_a_row_like_the_scalar_reference()
    {
        var weights = new byte[] { 0x7F, 0x80, 0x81, 0xFF, 0x00, 0x01, 0x02, 0x40, 0xC0, 0x10, 0x20 };
        var expected = new int[weights.Length + 3];
        var actual = new int[weights.Length + 3];

        new ScalarRowAccumulator().AddRow(weights, 1, expected, 3, weights.Length - 1);
        RowAccumulators.Best().AddRow(weights, 1, actual, 3, weights.Length - 1);

        Assert.Equal(expected, actual);
    }
}
