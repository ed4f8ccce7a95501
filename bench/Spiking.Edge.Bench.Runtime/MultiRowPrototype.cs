using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// Measures a kernel shape the current <see cref="Spiking.Edge.Runtime.Kernels.IRowAccumulator"/> cannot express:
/// all rows of one tick added in one call, register-blocked, so each membrane is loaded and stored once per tick
/// instead of once per event. The one-row kernel moves 9 bytes per SynOp (1 weight + 4 membrane read + 4 written);
/// this one moves about 1. Used to size the gain of a batched accumulator API (README, "What Network would need").
/// </summary>
internal static class MultiRowPrototype
{
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>For every r in [0, count): target[o] += (sbyte)weights[rowOffsets[r] + o], o in [0, width).</summary>
    public static unsafe void AddRows(byte[] weights, int[] rowOffsets, int count, int[] target, int width)
    {
        fixed (byte* w0 = weights)
        fixed (int* offsets = rowOffsets)
        fixed (int* t = target)
        {
            sbyte* w = (sbyte*)w0;
            int j = 0;
            for (; j <= width - 64; j += 64)
            {
                Vector512<int> a = Avx512F.LoadVector512(t + j);
                Vector512<int> b = Avx512F.LoadVector512(t + j + 16);
                Vector512<int> c = Avx512F.LoadVector512(t + j + 32);
                Vector512<int> d = Avx512F.LoadVector512(t + j + 48);
                for (int r = 0; r < count; r++)
                {
                    sbyte* row = w + offsets[r] + j;
                    a = Avx512F.Add(a, Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(row)));
                    b = Avx512F.Add(b, Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(row + 16)));
                    c = Avx512F.Add(c, Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(row + 32)));
                    d = Avx512F.Add(d, Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(row + 48)));
                }

                Avx512F.Store(t + j, a);
                Avx512F.Store(t + j + 16, b);
                Avx512F.Store(t + j + 32, c);
                Avx512F.Store(t + j + 48, d);
            }

            for (; j <= width - 16; j += 16)
            {
                Vector512<int> a = Avx512F.LoadVector512(t + j);
                for (int r = 0; r < count; r++)
                {
                    a = Avx512F.Add(a, Avx512F.ConvertToVector512Int32(Sse2.LoadVector128(w + offsets[r] + j)));
                }

                Avx512F.Store(t + j, a);
            }

            for (; j < width; j++)
            {
                int sum = t[j];
                for (int r = 0; r < count; r++)
                {
                    sum += w[offsets[r] + j];
                }

                t[j] = sum;
            }
        }
    }
}
