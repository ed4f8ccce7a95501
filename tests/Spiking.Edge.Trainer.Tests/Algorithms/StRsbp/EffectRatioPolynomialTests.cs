using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class EffectRatioPolynomialTests
{
    // Our CUBA-LIF defaults (τ_s = 8, τ_m = 64, R = 2).
    private const double Alpha = 0.875;
    private const double Beta = 0.984375;

    private static EffectRatioKey Key(int ticks, int samples = 200, long seed = 1, int maxPre = 100) => new(Alpha, Beta, 2, ticks, samples, seed, maxPre);

    [Fact]
    public void Random_trains_have_the_asked_count_ascending_spikes_at_least_r_plus_one_apart()
    {
        var random = new SplitMix64(9);
        var spikes = new int[20];
        foreach (var count in new[] { 1, 5, 12, 20 })
        {
            for (var draw = 0; draw < 200; draw++)
            {
                EffectRatioGenerator.Draw(random, 58, 2, count, spikes);
                Assert.InRange(spikes[0], 0, 57);
                Assert.InRange(spikes[count - 1], 0, 57);
                for (var f = 1; f < count; f++)
                {
                    Assert.True(spikes[f] - spikes[f - 1] >= 3, $"count {count}: {spikes[f - 1]} then {spikes[f]}");
                }
            }
        }

        // 20 spikes in 58 ticks with R = 2 is the densest train: every third tick from 0.
        EffectRatioGenerator.Draw(random, 58, 2, 20, spikes);
        Assert.Equal(Enumerable.Range(0, 20).Select(k => 3 * k), spikes);
        Assert.Equal(20, Key(58).MaxCount);
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seed_and_another_seed_draws_other_trains()
    {
        var first = EffectRatioGenerator.MeanPsp(Key(40, samples: 50, seed: 3));
        var again = EffectRatioGenerator.MeanPsp(Key(40, samples: 50, seed: 3));
        var other = EffectRatioGenerator.MeanPsp(Key(40, samples: 50, seed: 4));
        Assert.Equal(first.Cast<double>(), again.Cast<double>());
        Assert.NotEqual(first.Cast<double>(), other.Cast<double>());
        Assert.Equal(0.0, first[0, 5]);
        Assert.Equal(0.0, first[5, 0]);
    }

    [Fact]
    public void The_mean_s_psp_is_the_mean_over_pairs_of_trains_of_the_tick_loop()
    {
        // The generator multiplies mean kernels by mean traces; for independent trains that is the mean over all pairs.
        const int ticks = 30, samples = 300;
        var key = new EffectRatioKey(Alpha, Beta, 2, ticks, samples, 21, 100);
        var means = EffectRatioGenerator.MeanPsp(key);
        var random = new SplitMix64(77);
        var post = new int[10];
        var pre = new int[10];
        foreach (var (ni, nj) in new[] { (1, 1), (3, 6), (8, 2), (10, 10) })
        {
            var sum = 0.0;
            const int pairs = 20_000;
            for (var n = 0; n < pairs; n++)
            {
                EffectRatioGenerator.Draw(random, ticks, 2, ni, post);
                EffectRatioGenerator.Draw(random, ticks, 2, nj, pre);
                sum += NaiveStRsbp.Psp(Train(post, ni, ticks), Train(pre, nj, ticks), Alpha, Beta, 2);
            }

            var direct = sum / pairs;
            Assert.True(Math.Abs(direct - means[ni, nj]) <= 0.03 * direct, $"n_i {ni}, n_j {nj}: pairs {direct:F3}, generator {means[ni, nj]:F3}");
        }
    }

    [Theory]
    [InlineData(400, 0.25)]
    [InlineData(100, 0.08)]
    [InlineData(30, 0.03)]
    [InlineData(6, 1e-9)]
    public void The_fitted_quartic_reproduces_the_monte_carlo_means(int ticks, double tolerance)
    {
        // Tolerance: the largest |fit − mean| over n_i = 1 … max of a row, relative to the row's largest mean. Measured
        // worst cases (200 trains per count, seed 1): 22.9 % at T = 400 (at n_i = 1: the mean rises steeply over the first
        // few counts, which a quartic over 1 … 134 cannot follow), 7.0 % at T = 100, 2.5 % at T = 30. At T = 6 (R = 2)
        // there are two postsynaptic counts and the degree drops to 1: the fit is exact.
        var polynomial = EffectRatioPolynomial.Fit(Key(ticks));
        for (var j = 1; j <= polynomial.PresynapticRows; j++)
        {
            var largest = 0.0;
            var worst = 0.0;
            for (var i = 1; i <= polynomial.MaxPostsynapticCount; i++)
            {
                largest = Math.Max(largest, polynomial.MonteCarloMean(i, j));
                worst = Math.Max(worst, Math.Abs(polynomial.Value(i, j) - polynomial.MonteCarloMean(i, j)));
            }

            Assert.True(worst <= tolerance * largest, $"T {ticks}, n_j {j}: residual {worst:F4} of {largest:F4}");
        }
    }

    [Fact]
    public void The_derivative_is_the_slope_of_the_fit_and_finite_at_a_silent_postsynaptic_neuron()
    {
        var polynomial = EffectRatioCache.Get(Key(30));
        foreach (var (ni, nj) in new[] { (0.0, 1.0), (0.0, 7.0), (3.0, 4.0), (9.0, 10.0) })
        {
            var h = 1e-4;
            var slope = (polynomial.Value(ni + h, nj) - polynomial.Value(ni - h, nj)) / (2 * h);
            var derivative = polynomial.Derivative(ni, nj);
            Assert.True(double.IsFinite(derivative));
            Assert.Equal(slope, derivative, 6);
        }

        // Presynaptic counts outside 1 … rows use the nearest row (the reference clips to [1, 100]).
        Assert.Equal(polynomial.Derivative(2, 1), polynomial.Derivative(2, 0));
        Assert.Equal(polynomial.Derivative(2, polynomial.PresynapticRows), polynomial.Derivative(2, 500));
    }

    [Fact]
    public void The_weighted_derivative_equals_the_sum_over_synapses_of_the_scalar_derivative()
    {
        using var scope = NewDisposeScope();
        var polynomial = EffectRatioCache.Get(Key(30));
        float[] post = [0, 1, 4, 10, 7, 2];
        float[] pre = [0, 3, 1, 15, 6];
        var weights = TensorAssert.Values(TensorAssert.Random([3, 5], 4, 2f).sub(1f));
        var actual = TensorAssert.Values(polynomial.WeightedDerivative(NaiveStRsbp.Tensor(post, 2, 3), NaiveStRsbp.Tensor(pre, 1, 5).expand(2, 5), NaiveStRsbp.Tensor(weights, 3, 5)));
        for (var b = 0; b < 2; b++)
        {
            for (var i = 0; i < 3; i++)
            {
                var expected = 0.0;
                for (var j = 0; j < 5; j++)
                {
                    expected += weights[(i * 5) + j] * polynomial.Derivative(post[(b * 3) + i], pre[j]);
                }

                Assert.True(Math.Abs(expected - actual[(b * 3) + i]) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"b {b}, i {i}: {actual[(b * 3) + i]} vs {expected}");
            }
        }
    }

    private static float[] Train(int[] spikes, int count, int ticks)
    {
        var train = new float[ticks];
        for (var f = 0; f < count; f++)
        {
            train[spikes[f]] = 1f;
        }

        return train;
    }
}
