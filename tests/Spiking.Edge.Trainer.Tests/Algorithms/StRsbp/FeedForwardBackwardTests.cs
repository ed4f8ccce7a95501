using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class FeedForwardBackwardTests
{
    [Fact]
    public void A_single_neuron_gets_hand_computed_weight_gradients_and_passes_hand_computed_errors_down()
    {
        // One neuron, two inputs. e = (2, 4), o_i = 3, o_j = (2, 0), w = (0.5, −1), self term 0.25 → S = 0.75.
        // δ̂ = 1.5 → g = δ̂/S = 2. ∂E/∂w = g·e = (4, 8).
        // r = (e_1/o_1, silent ratio 4 because o_2 = 0) = (1, 4) → δ_below = g·w·r = (2·0.5·1, 2·(−1)·4) = (1, −8).
        using var scope = NewDisposeScope();
        var psp = tensor(new float[] { 2, 4 }).reshape(1, 1, 2);
        var post = tensor(new float[] { 3 }).reshape(1, 1);
        var pre = tensor(new float[] { 2, 0 }).reshape(1, 2);
        var weight = tensor(new float[] { 0.5f, -1 }).reshape(1, 2);
        var deltaHat = tensor(new float[] { 1.5f }).reshape(1, 1);
        var self = tensor(new float[] { 0.25f }).reshape(1, 1);
        var result = FeedForwardBackward.Compute(psp, post, pre, weight, deltaHat, self, null, 4, 1e-4, passDown: true);
        LayerTesting.Near([4f, 8f], result.Weight);
        LayerTesting.Near([1f, -8f], result.DeltaBelow!);

        // A lateral factor of 0.5 halves the weight gradient and leaves the error passed down alone.
        var lateral = FeedForwardBackward.Compute(psp, post, pre, weight, deltaHat, self, tensor(new float[] { 0.5f }).reshape(1, 1), 4, 1e-4, passDown: true);
        LayerTesting.Near([2f, 4f], lateral.Weight);
        LayerTesting.Near([1f, -8f], lateral.DeltaBelow!);
        Assert.Null(FeedForwardBackward.Compute(psp, post, pre, weight, deltaHat, self, null, 4, 1e-4, passDown: false).DeltaBelow);
    }

    [Fact]
    public void A_vanishing_self_consistency_denominator_is_held_at_the_minimum_with_its_sign()
    {
        using var scope = NewDisposeScope();
        var psp = tensor(new float[] { 1 }).reshape(1, 1, 1);
        var one = tensor(new float[] { 1 }).reshape(1, 1);
        var result = FeedForwardBackward.Compute(psp, one, one, one, one, tensor(new float[] { 1 - 1e-6f }).reshape(1, 1), null, 4, 0.01, passDown: false);
        LayerTesting.Near([100f], result.Weight, 1e-2);
    }

    [Fact]
    public void Gradients_match_finite_differences_of_the_linearised_spike_count_model()
    {
        // The model ST-RSBP differentiates: o_i = o⁰_i + (1/θ)[Σ_j w_ij ẽ_ij − Σ_j w⁰_ij e⁰_ij] with
        // ẽ_ij = e⁰_ij + r_ij (o_j − o⁰_j) + P′_ij (o_i − o⁰_i), r = e⁰/o⁰_j, P′ from the fitted polynomial; loss ℓ = Σ_i g_i o_i.
        const int outputs = 3, inputs = 4;
        const double threshold = 20;
        var random = new Random(7);
        var polynomial = EffectRatioCache.Get(new EffectRatioKey(0.875, 0.984375, 2, 30, 200, 1, 100));
        double[] post = [3, 1, 6];
        double[] pre = [2, 5, 1, 4];
        var e = new double[outputs, inputs];
        var w = new double[outputs, inputs];
        var derivative = new double[outputs, inputs];
        var g = new double[outputs];
        for (var i = 0; i < outputs; i++)
        {
            g[i] = (random.NextDouble() * 2) - 1;
            for (var j = 0; j < inputs; j++)
            {
                e[i, j] = 0.5 + (4.5 * random.NextDouble());
                w[i, j] = (random.NextDouble() * 2) - 1;
                derivative[i, j] = polynomial.Derivative(post[i], pre[j]);
            }
        }

        double Loss(double[,] weights, double[] counts)
        {
            var loss = 0.0;
            for (var i = 0; i < outputs; i++)
            {
                double numerator = 0, slope = 0;
                for (var j = 0; j < inputs; j++)
                {
                    numerator += (weights[i, j] * (e[i, j] + (e[i, j] / pre[j] * (counts[j] - pre[j])))) - (w[i, j] * e[i, j]);
                    slope += weights[i, j] * derivative[i, j];
                }

                loss += g[i] * (post[i] + (numerator / threshold / (1 - (slope / threshold))));
            }

            return loss;
        }

        using var scope = NewDisposeScope();
        var weight = Float(w);
        var postCounts = tensor(post.Select(v => (float)v).ToArray()).reshape(1, outputs);
        var preCounts = tensor(pre.Select(v => (float)v).ToArray()).reshape(1, inputs);
        var self = polynomial.WeightedDerivative(postCounts, preCounts, weight).div(threshold);
        var deltaHat = tensor(g.Select(v => (float)(v / threshold)).ToArray()).reshape(1, outputs);
        var result = FeedForwardBackward.Compute(Float(e).unsqueeze(0), postCounts, preCounts, weight, deltaHat, self, null, 4, 1e-4, passDown: true);
        var weightGradient = TensorAssert.Values(result.Weight);
        var below = TensorAssert.Values(result.DeltaBelow!);
        const double h = 1e-5;
        for (var i = 0; i < outputs; i++)
        {
            for (var j = 0; j < inputs; j++)
            {
                var plus = (double[,])w.Clone();
                var minus = (double[,])w.Clone();
                plus[i, j] += h;
                minus[i, j] -= h;
                var numeric = (Loss(plus, pre) - Loss(minus, pre)) / (2 * h);
                Assert.True(Math.Abs(numeric - weightGradient[(i * inputs) + j]) <= 1e-4 * Math.Max(1, Math.Abs(numeric)), $"w[{i},{j}]: {weightGradient[(i * inputs) + j]} vs {numeric}");
            }
        }

        for (var j = 0; j < inputs; j++)
        {
            var plus = (double[])pre.Clone();
            var minus = (double[])pre.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (Loss(w, plus) - Loss(w, minus)) / (2 * h);
            Assert.True(Math.Abs(numeric - below[j]) <= 1e-4 * Math.Max(1, Math.Abs(numeric)), $"o_j[{j}]: {below[j]} vs {numeric}");
        }
    }

    internal static Tensor Float(double[,] values)
    {
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        var flat = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                flat[(r * columns) + c] = (float)values[r, c];
            }
        }

        return tensor(flat).reshape(rows, columns);
    }
}
