using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// ∂e_{i|j}/∂o_i of ST-RSBP (seed-methods §2.4(c)): for every presynaptic count n_j = 1 … rows, a least-squares
/// quartic P_{n_j}(n_i) through the generator's mean S-PSP at n_i = 1 … max (<see cref="EffectRatioGenerator"/>), and
/// its analytic derivative. n_i = 0 is left out of the fit: e jumps from 0 to its single-spike value there, a step no
/// quartic follows (the mean rises steeply to a maximum, then falls as refractory periods cut more of the potential).
/// The fit runs on x = n_i / max (conditioning); a presynaptic count outside 1 … rows uses the nearest row (the
/// reference clips to [1, 100]); with fewer than five postsynaptic counts (very short T) the degree drops to max − 1. Instances are immutable and shared (<see cref="EffectRatioCache"/>); the coefficient tensor is never disposed.
/// </summary>
public sealed class EffectRatioPolynomial
{
    /// <summary>Polynomial degree of the reference (quartic).</summary>
    public const int Degree = 4;

    private readonly double[,] _means;
    private readonly double[,] _coefficients;
    private readonly Lazy<Tensor> _table;

    private EffectRatioPolynomial(EffectRatioKey key, double[,] means, double[,] coefficients)
    {
        Key = key;
        _means = means;
        _coefficients = coefficients;
        _table = new Lazy<Tensor>(CreateTable, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>What the polynomials were generated for.</summary>
    public EffectRatioKey Key { get; }

    /// <summary>The largest postsynaptic count (the fit's range is 1 … this).</summary>
    public int MaxPostsynapticCount => Key.MaxCount;

    /// <summary>The largest presynaptic count with its own polynomial.</summary>
    public int PresynapticRows => Key.PresynapticRows;

    /// <summary>Runs the generator and fits the polynomials.</summary>
    /// <param name="key">Neuron constants, T and generator settings.</param>
    public static EffectRatioPolynomial Fit(EffectRatioKey key)
    {
        var means = EffectRatioGenerator.MeanPsp(key);
        var maxPost = key.MaxCount;
        var rows = key.PresynapticRows;
        var degree = Math.Min(Degree, maxPost - 1);
        var coefficients = new double[rows + 1, Degree + 1];
        var gram = new double[degree + 1, degree + 1];
        var powers = new double[degree + 1];
        for (var n = 1; n <= maxPost; n++)
        {
            Powers((double)n / maxPost, powers);
            for (var a = 0; a <= degree; a++)
            {
                for (var b = 0; b <= degree; b++)
                {
                    gram[a, b] += powers[a] * powers[b];
                }
            }
        }

        var rhs = new double[degree + 1];
        for (var j = 1; j <= rows; j++)
        {
            Array.Clear(rhs);
            for (var n = 1; n <= maxPost; n++)
            {
                Powers((double)n / maxPost, powers);
                for (var a = 0; a <= degree; a++)
                {
                    rhs[a] += powers[a] * means[n, j];
                }
            }

            var solution = Solve((double[,])gram.Clone(), (double[])rhs.Clone());
            for (var a = 0; a <= degree; a++)
            {
                coefficients[j, a] = solution[a];
            }
        }

        return new EffectRatioPolynomial(key, means, coefficients);
    }

    /// <summary>The generator's Monte-Carlo mean S-PSP for the given counts (0 when either is 0).</summary>
    /// <param name="postCount">n_i in 0 … <see cref="MaxPostsynapticCount"/>.</param>
    /// <param name="preCount">n_j in 0 … <see cref="PresynapticRows"/>.</param>
    public double MonteCarloMean(int postCount, int preCount) => _means[postCount, preCount];

    /// <summary>The fitted P_{n_j}(n_i).</summary>
    /// <param name="postCount">n_i.</param>
    /// <param name="preCount">n_j (clipped to 1 … rows).</param>
    public double Value(double postCount, double preCount)
    {
        var row = Row(preCount);
        var x = postCount / MaxPostsynapticCount;
        var sum = 0.0;
        for (var k = Degree; k >= 0; k--)
        {
            sum = (sum * x) + _coefficients[row, k];
        }

        return sum;
    }

    /// <summary>The derivative P′_{n_j}(n_i) (∂e_{i|j}/∂o_i); n_i = 0 is an ordinary point here (callers decide to zero or clamp it).</summary>
    /// <param name="postCount">n_i.</param>
    /// <param name="preCount">n_j (clipped to 1 … rows).</param>
    public double Derivative(double postCount, double preCount)
    {
        var row = Row(preCount);
        var x = postCount / MaxPostsynapticCount;
        var sum = 0.0;
        for (var k = Degree; k >= 1; k--)
        {
            sum = (sum * x) + (k * _coefficients[row, k]);
        }

        return sum / MaxPostsynapticCount;
    }

    /// <summary>
    /// Σ_j w_ij · P′_{n_j}(n_i) for every sample and postsynaptic neuron, without forming the [B, N_out, N_in] tensor:
    /// with A_k[b, j] the k-th coefficient of row n_j, it is Σ_k k x_i^{k−1} (A_k Wᵀ)[b, i] / max, x_i = n_i / max.
    /// </summary>
    /// <param name="postCounts">n_i [B, N_out].</param>
    /// <param name="preCounts">n_j [B, N_in] (rounded, clipped to 1 … rows).</param>
    /// <param name="weight">w [N_out, N_in].</param>
    /// <returns>[B, N_out].</returns>
    public Tensor WeightedDerivative(Tensor postCounts, Tensor preCounts, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(postCounts);
        ArgumentNullException.ThrowIfNull(preCounts);
        ArgumentNullException.ThrowIfNull(weight);
        using var scope = NewDisposeScope();
        var batch = preCounts.shape[0];
        var inputs = preCounts.shape[1];
        var rows = preCounts.round().clamp(S(1), S(PresynapticRows)).to_type(ScalarType.Int64).reshape(-1);
        var coefficients = _table.Value.index_select(0, rows).reshape(batch, inputs, Degree + 1).permute(0, 2, 1);
        var sums = coefficients.matmul(weight.t()).unbind(1);
        var x = postCounts.div(S(MaxPostsynapticCount));
        var result = sums[Degree].mul(S(Degree));
        for (var k = Degree - 1; k >= 1; k--)
        {
            result = result.mul(x).add_(sums[k], S(k));
        }

        return result.div_(S(MaxPostsynapticCount)).MoveToOuterDisposeScope();
    }

    private int Row(double preCount) => (int)Math.Clamp(Math.Round(preCount), 1, PresynapticRows);

    private Tensor CreateTable()
    {
        var values = new float[(PresynapticRows + 1) * (Degree + 1)];
        for (var j = 0; j <= PresynapticRows; j++)
        {
            for (var k = 0; k <= Degree; k++)
            {
                values[(j * (Degree + 1)) + k] = (float)_coefficients[j, k];
            }
        }

        return tensor(values).reshape(PresynapticRows + 1, Degree + 1).DetachFromDisposeScope();
    }

    private static void Powers(double x, double[] powers)
    {
        var p = 1.0;
        for (var k = 0; k < powers.Length; k++)
        {
            powers[k] = p;
            p *= x;
        }
    }

    private static double[] Solve(double[,] matrix, double[] rhs)
    {
        var n = rhs.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(matrix[row, col]) > Math.Abs(matrix[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (matrix[col, k], matrix[pivot, k]) = (matrix[pivot, k], matrix[col, k]);
            }

            (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            for (var row = col + 1; row < n; row++)
            {
                var factor = matrix[row, col] / matrix[col, col];
                for (var k = col; k < n; k++)
                {
                    matrix[row, k] -= factor * matrix[col, k];
                }

                rhs[row] -= factor * rhs[col];
            }
        }

        var solution = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = rhs[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= matrix[row, k] * solution[k];
            }

            solution[row] = sum / matrix[row, row];
        }

        return solution;
    }
}
