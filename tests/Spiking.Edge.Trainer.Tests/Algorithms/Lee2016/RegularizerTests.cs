using Spiking.Edge.Trainer.Algorithms.Lee2016;
using static Spiking.Edge.Trainer.Tests.Algorithms.Lee2016.LeeTesting;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

[Collection("TorchSharp")]
public class RegularizerTests
{
    [Fact]
    public void Weight_regulariser_gradient_is_lambda_beta_w_exp_of_beta_times_the_row_norm_excess()
    {
        using var scope = NewDisposeScope();
        // Rows: Σw² = 0.36 + 0.64 = 1 (factor e⁰ = 1) and 1 + 1 = 2 (factor e^β); λ = 0.1, β = 2.
        var weight = Doubles([2, 2], 0.6, -0.8, 1, 1);
        var gradient = WeightRegularizer.Gradient(weight, 0.1, 2);
        var e2 = Math.Exp(2);
        Near([0.2 * 0.6, 0.2 * -0.8, 0.2 * e2, 0.2 * e2], gradient, 1e-12);
        Assert.Equal(0.5 * 0.1 * (1 + e2), WeightRegularizer.Value(weight, 0.1, 2), 12);
    }

    [Fact]
    public void Weight_regulariser_gradient_matches_finite_differences_of_its_value()
    {
        using var scope = NewDisposeScope();
        var weight = Doubles([2, 3], 0.3, -0.5, 0.9, 0.1, 0.2, -0.4);
        var gradient = Values(WeightRegularizer.Gradient(weight, 0.05, 3));
        const double h = 1e-6;
        for (var k = 0; k < 6; k++)
        {
            var plus = weight.clone();
            plus.view(-1)[k] = plus.view(-1)[k] + h;
            var minus = weight.clone();
            minus.view(-1)[k] = minus.view(-1)[k] - h;
            var numeric = (WeightRegularizer.Value(plus, 0.05, 3) - WeightRegularizer.Value(minus, 0.05, 3)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) < 1e-7, $"w[{k}]: analytic {gradient[k]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Threshold_regulariser_raises_busy_neurons_lowers_all_by_the_total_and_keeps_the_mean()
    {
        using var scope = NewDisposeScope();
        // N = 4, mean counts [3, 1, 0, 0], ρ = 0.01, θ(0) = 2: Δθ_i = ρθ(0)(4 a_i − 4) = 0.02·[8, 0, −4, −4].
        var step = ThresholdRegularizer.Step(Doubles([4], 3, 1, 0, 0), 0.01, 2);
        Near([0.16, 0, -0.08, -0.08], step, 1e-12);
        Assert.Equal(0, Values(step).Sum(), 12);
    }
}
