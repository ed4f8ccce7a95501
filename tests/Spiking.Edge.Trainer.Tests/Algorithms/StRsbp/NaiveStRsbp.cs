using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

/// <summary>Straightforward per-synapse reference computations the vectorised code is checked against.</summary>
internal static class NaiveStRsbp
{
    /// <summary>The S-PSP by a plain tick loop (seed-methods §2.2 with our dynamics): p, q, q held at 0 on refractory ticks, e += q at post spikes.</summary>
    public static double Psp(float[] post, float[] pre, double alpha, double beta, int refractory)
    {
        double p = 0, q = 0, e = 0;
        var hold = 0;
        for (var k = 0; k < post.Length; k++)
        {
            p = (alpha * p) + pre[k];
            q = (beta * q) + p;
            if (hold > 0)
            {
                q = 0;
                hold--;
            }

            if (post[k] > 0)
            {
                e += q;
                q = 0;
                hold = refractory;
            }
        }

        return e;
    }

    /// <summary>Column (b, n) of a [T, B, N] tensor as an array.</summary>
    public static float[] Column(float[] values, int ticks, int batch, int size, int b, int n)
    {
        var column = new float[ticks];
        for (var t = 0; t < ticks; t++)
        {
            column[t] = values[(((t * batch) + b) * size) + n];
        }

        return column;
    }

    /// <summary>A random 0/1 train tensor [T, B, N] whose spikes respect a refractory period (ISI ≥ R + 1) when asked.</summary>
    public static float[] RandomTrains(int ticks, int batch, int size, double rate, int refractory, int seed)
    {
        var random = new Random(seed);
        var values = new float[ticks * batch * size];
        for (var b = 0; b < batch; b++)
        {
            for (var n = 0; n < size; n++)
            {
                var last = -refractory - 1;
                for (var t = 0; t < ticks; t++)
                {
                    if (t - last > refractory && random.NextDouble() < rate)
                    {
                        values[(((t * batch) + b) * size) + n] = 1f;
                        last = t;
                    }
                }
            }
        }

        return values;
    }

    /// <summary>Solves A x = b (Gaussian elimination with partial pivoting, double).</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            }

            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var k = c; k < n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }

                x[r] -= f * x[c];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var k = r + 1; k < n; k++)
            {
                x[r] -= m[r, k] * x[k];
            }

            x[r] /= m[r, r];
        }

        return x;
    }

    public static Tensor Tensor(float[] values, params long[] shape) => tensor(values).reshape(shape);
}
