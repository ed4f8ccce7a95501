using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Accelerators;

/// <summary>Picks the fastest <see cref="IRowAccumulator"/> this processor supports.</summary>
public static class RowAccumulators
{
    /// <summary>A <see cref="SimdRowAccumulator"/> when SIMD is hardware-accelerated, else the portable <see cref="ScalarRowAccumulator"/>.</summary>
    public static IRowAccumulator Best() =>
        SimdRowAccumulator.IsHardwareAccelerated ? new SimdRowAccumulator() : new ScalarRowAccumulator();

    /// <summary>Names the instruction set <see cref="Best"/> uses on this processor, e.g. "AVX2 (vpmovsxbd ymm, 8 x int32 lanes)".</summary>
    public static string Describe() => Best() is SimdRowAccumulator simd ? simd.Describe() : "scalar (no hardware-accelerated SIMD)";
}
