using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Accelerators;

/// <summary>
/// A SIMD <see cref="IRowAccumulator"/>: sign-extends signed 8-bit weights to 32 bits (multiplied by a graded
/// event's value for <see cref="AddScaledRow"/>) and adds them to the 32-bit membranes or drives (semantics.md §4.0,
/// before the clamp) with AVX-512, AVX2 or 128-bit vectors (NEON on ARM64), then finishes the row with a scalar
/// tail. Bit-identical to <see cref="ScalarRowAccumulator"/> for every length, offset and scale: integer
/// multiplication and addition are exact and each membrane is touched once per call.
/// </summary>
public sealed class SimdRowAccumulator : IRowAccumulator
{
    private readonly SimdPath _path;

    /// <summary>Uses the widest instruction set this processor and runtime support.</summary>
    /// <exception cref="PlatformNotSupportedException">No hardware-accelerated 128-bit vectors here.</exception>
    public SimdRowAccumulator()
        : this(WidestSupported() ?? throw new PlatformNotSupportedException(
            "SimdRowAccumulator: no hardware-accelerated 128-bit vectors on this processor; use ScalarRowAccumulator"))
    {
    }

    /// <summary>Forces one path (tests and benchmarks compare the paths on one machine).</summary>
    internal SimdRowAccumulator(SimdPath path)
    {
        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException($"SimdRowAccumulator: the {path} path is not supported on this processor");
        }

        _path = path;
    }

    /// <summary>Whether any SIMD path runs accelerated on this processor.</summary>
    public static bool IsHardwareAccelerated => WidestSupported() != null;

    /// <summary>The path this instance uses.</summary>
    internal SimdPath Path => _path;

    /// <summary>Names the instruction set in use, e.g. "AVX2 (vpmovsxbd, 8 x int32 lanes)".</summary>
    public string Describe() => _path switch
    {
        SimdPath.Avx512 => "AVX-512F (vpmovsxbd zmm, 16 x int32 lanes)",
        SimdPath.Avx2 => "AVX2 (vpmovsxbd ymm, 8 x int32 lanes)",
        _ => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? "AdvSimd/NEON via Vector128 (2 x widen, 4 x int32 lanes)"
            : "Vector128 (2 x widen, 4 x int32 lanes)",
    };

    /// <inheritdoc />
    public void AddRow(byte[] weights, int weightOffset, int[] target, int targetOffset, int length)
    {
        // Same contract as the scalar reference: callers guarantee valid ranges (checked at model load), but a
        // pointer loop must never run past an array, so check once per row (cheap next to an 800-byte row).
        if ((uint)weightOffset > (uint)weights.Length || (uint)length > (uint)(weights.Length - weightOffset)
            || (uint)targetOffset > (uint)target.Length || (uint)length > (uint)(target.Length - targetOffset))
        {
            throw new ArgumentOutOfRangeException(
                nameof(length),
                $"SimdRowAccumulator.AddRow: row [{weightOffset}, +{length}) of {weights.Length} weight bytes or [{targetOffset}, +{length}) of {target.Length} membranes is out of range");
        }

        if (length == 0)
        {
            return;
        }

        unsafe
        {
            fixed (byte* w = &weights[weightOffset])
            fixed (int* t = &target[targetOffset])
            {
                int done = _path switch
                {
                    SimdPath.Avx512 => AddAvx512((sbyte*)w, t, length),
                    SimdPath.Avx2 => AddAvx2((sbyte*)w, t, length),
                    _ => AddVector128((sbyte*)w, t, length),
                };
                for (int j = done; j < length; j++)
                {
                    t[j] += ((sbyte*)w)[j];
                }
            }
        }
    }

    /// <inheritdoc />
    public void AddScaledRow(byte[] weights, int weightOffset, int scale, int[] target, int targetOffset, int length)
    {
        if ((uint)weightOffset > (uint)weights.Length || (uint)length > (uint)(weights.Length - weightOffset)
            || (uint)targetOffset > (uint)target.Length || (uint)length > (uint)(target.Length - targetOffset))
        {
            throw new ArgumentOutOfRangeException(
                nameof(length),
                $"SimdRowAccumulator.AddScaledRow: row [{weightOffset}, +{length}) of {weights.Length} weight bytes or [{targetOffset}, +{length}) of {target.Length} drives is out of range");
        }

        if (length == 0)
        {
            return;
        }

        unsafe
        {
            fixed (byte* w = &weights[weightOffset])
            fixed (int* t = &target[targetOffset])
            {
                int done = _path switch
                {
                    SimdPath.Avx512 => AddScaledAvx512((sbyte*)w, scale, t, length),
                    SimdPath.Avx2 => AddScaledAvx2((sbyte*)w, scale, t, length),
                    _ => AddScaledVector128((sbyte*)w, scale, t, length),
                };
                for (int j = done; j < length; j++)
                {
                    t[j] += scale * ((sbyte*)w)[j];
                }
            }
        }
    }

    internal static bool IsSupported(SimdPath path) => path switch
    {
        SimdPath.Avx512 => Avx512F.IsSupported,
        SimdPath.Avx2 => Avx2.IsSupported,
        SimdPath.Vector128 => Vector128.IsHardwareAccelerated,
        _ => false,
    };

    internal static SimdPath? WidestSupported()
    {
        // 512-bit only where the runtime itself prefers it (Vector512.IsHardwareAccelerated is false on processors
        // that slow down under 512-bit code): measured 13.4 vs 11.6 G SynOps/s on Zen 4 (bench/Spiking.Edge.Bench.Runtime/README.md).
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
        {
            return SimdPath.Avx512;
        }

        if (Avx2.IsSupported)
        {
            return SimdPath.Avx2;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            return SimdPath.Vector128;
        }

        return null;
    }

    /// <summary>Adds 32 weights per iteration, then 8 at a time; returns how many were added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int AddAvx2(sbyte* w, int* t, int length)
    {
        int j = 0;
        for (; j <= length - 32; j += 32)
        {
            Vector256<int> a = Avx2.ConvertToVector256Int32(w + j);
            Vector256<int> b = Avx2.ConvertToVector256Int32(w + j + 8);
            Vector256<int> c = Avx2.ConvertToVector256Int32(w + j + 16);
            Vector256<int> d = Avx2.ConvertToVector256Int32(w + j + 24);
            Avx.Store(t + j, Avx2.Add(Avx.LoadVector256(t + j), a));
            Avx.Store(t + j + 8, Avx2.Add(Avx.LoadVector256(t + j + 8), b));
            Avx.Store(t + j + 16, Avx2.Add(Avx.LoadVector256(t + j + 16), c));
            Avx.Store(t + j + 24, Avx2.Add(Avx.LoadVector256(t + j + 24), d));
        }

        for (; j <= length - 8; j += 8)
        {
            Avx.Store(t + j, Avx2.Add(Avx.LoadVector256(t + j), Avx2.ConvertToVector256Int32(w + j)));
        }

        return j;
    }

    /// <summary>Adds 64 weights per iteration, then 16, then one AVX2 step of 8; returns how many were added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int AddAvx512(sbyte* w, int* t, int length)
    {
        int j = 0;
        for (; j <= length - 64; j += 64)
        {
            Vector512<int> a = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + j));
            Vector512<int> b = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + j + 16));
            Vector512<int> c = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + j + 32));
            Vector512<int> d = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + j + 48));
            Avx512F.Store(t + j, Avx512F.Add(Avx512F.LoadVector512(t + j), a));
            Avx512F.Store(t + j + 16, Avx512F.Add(Avx512F.LoadVector512(t + j + 16), b));
            Avx512F.Store(t + j + 32, Avx512F.Add(Avx512F.LoadVector512(t + j + 32), c));
            Avx512F.Store(t + j + 48, Avx512F.Add(Avx512F.LoadVector512(t + j + 48), d));
        }

        for (; j <= length - 16; j += 16)
        {
            Vector512<int> a = Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + j));
            Avx512F.Store(t + j, Avx512F.Add(Avx512F.LoadVector512(t + j), a));
        }

        if (j <= length - 8)
        {
            Avx.Store(t + j, Avx2.Add(Avx.LoadVector256(t + j), Avx2.ConvertToVector256Int32(w + j)));
            j += 8;
        }

        return j;
    }

    /// <summary>As <see cref="AddAvx2"/> with each sign-extended weight multiplied by <paramref name="scale"/> (vpmulld).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int AddScaledAvx2(sbyte* w, int scale, int* t, int length)
    {
        Vector256<int> s = Vector256.Create(scale);
        int j = 0;
        for (; j <= length - 16; j += 16)
        {
            Vector256<int> a = Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(w + j), s);
            Vector256<int> b = Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(w + j + 8), s);
            Avx.Store(t + j, Avx2.Add(Avx.LoadVector256(t + j), a));
            Avx.Store(t + j + 8, Avx2.Add(Avx.LoadVector256(t + j + 8), b));
        }

        for (; j <= length - 8; j += 8)
        {
            Avx.Store(t + j, Avx2.Add(Avx.LoadVector256(t + j), Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(w + j), s)));
        }

        return j;
    }

    /// <summary>As <see cref="AddAvx512"/> with each sign-extended weight multiplied by <paramref name="scale"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int AddScaledAvx512(sbyte* w, int scale, int* t, int length)
    {
        Vector512<int> s = Vector512.Create(scale);
        int j = 0;
        for (; j <= length - 16; j += 16)
        {
            Vector512<int> a = Avx512F.MultiplyLow(Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + j)), s);
            Avx512F.Store(t + j, Avx512F.Add(Avx512F.LoadVector512(t + j), a));
        }

        if (j <= length - 8)
        {
            Vector256<int> a = Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(w + j), Vector256.Create(scale));
            Avx.Store(t + j, Avx2.Add(Avx.LoadVector256(t + j), a));
            j += 8;
        }

        return j;
    }

    /// <summary>As <see cref="AddVector128"/> with each widened weight multiplied by <paramref name="scale"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int AddScaledVector128(sbyte* w, int scale, int* t, int length)
    {
        Vector128<int> s = Vector128.Create(scale);
        int j = 0;
        for (; j <= length - 16; j += 16)
        {
            (Vector128<short> low, Vector128<short> high) = Vector128.Widen(Vector128.Load(w + j));
            (Vector128<int> a, Vector128<int> b) = Vector128.Widen(low);
            (Vector128<int> c, Vector128<int> d) = Vector128.Widen(high);
            Vector128.Store(Vector128.Load(t + j) + (a * s), t + j);
            Vector128.Store(Vector128.Load(t + j + 4) + (b * s), t + j + 4);
            Vector128.Store(Vector128.Load(t + j + 8) + (c * s), t + j + 8);
            Vector128.Store(Vector128.Load(t + j + 12) + (d * s), t + j + 12);
        }

        return j;
    }

    /// <summary>Portable path: 16 bytes widened to 2 × 8 int16, then to 4 × 4 int32; returns how many were added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int AddVector128(sbyte* w, int* t, int length)
    {
        int j = 0;
        for (; j <= length - 16; j += 16)
        {
            (Vector128<short> low, Vector128<short> high) = Vector128.Widen(Vector128.Load(w + j));
            (Vector128<int> a, Vector128<int> b) = Vector128.Widen(low);
            (Vector128<int> c, Vector128<int> d) = Vector128.Widen(high);
            Vector128.Store(Vector128.Load(t + j) + a, t + j);
            Vector128.Store(Vector128.Load(t + j + 4) + b, t + j + 4);
            Vector128.Store(Vector128.Load(t + j + 8) + c, t + j + 8);
            Vector128.Store(Vector128.Load(t + j + 12) + d, t + j + 12);
        }

        return j;
    }
}
