namespace Spiking.Edge.Runtime.Accelerators;

/// <summary>The instruction-set paths of <see cref="SimdRowAccumulator"/>, widest first.</summary>
internal enum SimdPath
{
    /// <summary>AVX-512F: 16 sign-extended bytes → 16 int32 lanes per add (vpmovsxbd zmm).</summary>
    Avx512 = 0,

    /// <summary>AVX2: 8 sign-extended bytes → 8 int32 lanes per add (vpmovsxbd ymm).</summary>
    Avx2 = 1,

    /// <summary>Portable 128-bit vectors (NEON on ARM64, SSE4.1 on x64): 16 bytes widened twice to 4 × 4 int32 lanes.</summary>
    Vector128 = 2,
}
