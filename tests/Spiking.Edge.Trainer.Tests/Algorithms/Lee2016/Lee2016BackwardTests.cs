using Spiking.Edge.Trainer.Algorithms.Lee2016;
using static Spiking.Edge.Trainer.Tests.Algorithms.Lee2016.LeeTesting;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

/// <summary>
/// Each gradient component on a two-neuron layer, by hand: x = [2, 1], W = [[0.5, −1], [1, 0.25]], θ = [0.5, 2],
/// a = [3, 1], winner-take-all coupling c = σκ = 0.2, output error g = [1, −0.5].
/// </summary>
[Collection("TorchSharp")]
public class Lee2016BackwardTests
{
    private const double Coupling = 0.2;
    private static readonly double[] Error = [1, -0.5];
    private static readonly double[] Theta = [0.5, 2];
    private static readonly double[] X = [2, 1];
    private static readonly double[] Counts = [3, 1];

    private static LeeLayerRecord Layer(double coupling = Coupling, double? biasInput = null) => new(
        Doubles([1, 2], X), Doubles([1, 2], Counts), Doubles([2, 2], 0.5, -1, 1, 0.25), Doubles([2], Theta), coupling, biasInput);

    // λ = M⁻¹ g with M = [[1, c], [c, 1]], inverted by hand.
    private static double[] SolvedLambda()
    {
        var determinant = 1 - (Coupling * Coupling);
        return [(Error[0] - (Coupling * Error[1])) / determinant, (Error[1] - (Coupling * Error[0])) / determinant];
    }

    private static LeeLayerGradients Run(LeeLayerRecord layer, WtaBackward wta = WtaBackward.Solve, ThresholdSlope slope = ThresholdSlope.Count) =>
        Lee2016Backward.Run([layer], Doubles([1, 2], Error), wta, slope, InputSlope.Ratio)[0];

    [Fact]
    public void Weight_gradient_is_the_solved_error_over_the_threshold_times_the_effective_input()
    {
        using var scope = NewDisposeScope();
        var lambda = SolvedLambda();
        var gradients = Run(Layer());
        Near([lambda[0] / Theta[0] * X[0], lambda[0] / Theta[0] * X[1], lambda[1] / Theta[1] * X[0], lambda[1] / Theta[1] * X[1]], gradients.Weight);
    }

    [Fact]
    public void Without_inhibition_the_weight_slope_is_x_over_theta()
    {
        using var scope = NewDisposeScope();
        var gradients = Run(Layer(coupling: 0));
        Near([1 / 0.5 * 2, 1 / 0.5 * 1, -0.5 / 2 * 2, -0.5 / 2 * 1], gradients.Weight);
        Near([-1 * 3 / 0.5, 0.5 * 1 / 2], gradients.Threshold);
    }

    [Fact]
    public void Threshold_gradient_uses_minus_count_over_theta()
    {
        using var scope = NewDisposeScope();
        var lambda = SolvedLambda();
        Near([-lambda[0] * Counts[0] / Theta[0], -lambda[1] * Counts[1] / Theta[1]], Run(Layer()).Threshold);
    }

    [Fact]
    public void Inhibited_threshold_slope_adds_the_inhibition_the_drive_paid_for()
    {
        using var scope = NewDisposeScope();
        var lambda = SolvedLambda();
        // q = a + c(Σa − a) = [3 + 0.2·1, 1 + 0.2·3].
        Near([-lambda[0] * 3.2 / Theta[0], -lambda[1] * 1.6 / Theta[1]], Run(Layer(), slope: ThresholdSlope.Inhibited).Threshold);
    }

    [Fact]
    public void Wta_correction_solves_the_coupled_system_or_applies_the_first_order_form()
    {
        using var scope = NewDisposeScope();
        var solved = SolvedLambda();
        Near(solved, WinnerTakeAll.Backward(Doubles([1, 2], Error), Coupling, WtaBackward.Solve));

        // First order: λ_i = g_i − c Σ_{h≠i} g_h = [1 + 0.1, −0.5 − 0.2].
        Near([1.1, -0.7], WinnerTakeAll.Backward(Doubles([1, 2], Error), Coupling, WtaBackward.FirstOrder));
        var firstOrder = Run(Layer(), WtaBackward.FirstOrder);
        Near([1.1 / 0.5 * 2, 1.1 / 0.5 * 1, -0.7 / 2 * 2, -0.7 / 2 * 1], firstOrder.Weight);
    }

    [Fact]
    public void Solved_wta_correction_inverts_the_coupling_matrix_of_a_larger_layer()
    {
        using var scope = NewDisposeScope();
        // Five neurons, c = 0.3: M λ must give back g.
        double[] error = [0.4, -1, 2, 0, 0.5];
        var lambda = Values(WinnerTakeAll.Backward(Doubles([1, 5], error), 0.3, WtaBackward.Solve));
        var total = lambda.Sum();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(error[i], ((1 - 0.3) * lambda[i]) + (0.3 * total), 10);
        }
    }

    [Fact]
    public void Bias_gradient_is_the_drive_error_times_the_bias_effective_input()
    {
        using var scope = NewDisposeScope();
        var lambda = SolvedLambda();
        var gradients = Run(Layer(biasInput: 3));
        Near([lambda[0] / Theta[0] * 3, lambda[1] / Theta[1] * 3], gradients.Bias!);
        Assert.Null(Run(Layer()).Bias);
    }

    [Theory]
    [InlineData(InputSlope.Ratio)]
    [InlineData(InputSlope.One)]
    public void The_error_passed_down_is_w_transpose_times_the_drive_error_times_the_input_slope(InputSlope slope)
    {
        using var scope = NewDisposeScope();
        // Lower layer: 2 inputs, 2 neurons, θ = 1, no coupling; its counts are [4, 0] and the upper layer's x = [2, 0]:
        // ratio x/a = [0.5, 1 (silent)].
        var lower = new LeeLayerRecord(Doubles([1, 2], 1, 3), Doubles([1, 2], 4, 0), Doubles([2, 2], 1, 0, 0, 1), Doubles([2], 1, 1), 0, null);
        var upper = Layer(coupling: 0) with { Inputs = Doubles([1, 2], 2, 0) };
        var gradients = Lee2016Backward.Run([lower, upper], Doubles([1, 2], Error), WtaBackward.Solve, ThresholdSlope.Count, slope);

        // ∂L/∂s = g/θ = [2, −0.25]; Wᵀ of that = [0.5·2 + 1·(−0.25), −1·2 + 0.25·(−0.25)] = [0.75, −2.0625].
        double[] passed = slope == InputSlope.Ratio ? [0.75 * 0.5, -2.0625] : [0.75, -2.0625];
        Near([passed[0] * 1, passed[0] * 3, passed[1] * 1, passed[1] * 3], gradients[0].Weight);
        Near([-passed[0] * 4, 0], gradients[0].Threshold);
    }

    [Fact]
    public void Sums_over_samples_make_the_batch_mean_when_the_error_carries_one_over_b()
    {
        using var scope = NewDisposeScope();
        var single = Run(Layer());
        var doubled = new LeeLayerRecord(
            Doubles([2, 2], 2, 1, 2, 1), Doubles([2, 2], 3, 1, 3, 1), Doubles([2, 2], 0.5, -1, 1, 0.25), Doubles([2], Theta), Coupling, null);
        var batch = Lee2016Backward.Run([doubled], Doubles([2, 2], 0.5, -0.25, 0.5, -0.25), WtaBackward.Solve, ThresholdSlope.Count, InputSlope.Ratio)[0];
        Near(Values(single.Weight), batch.Weight, 1e-12);
        Near(Values(single.Threshold), batch.Threshold, 1e-12);
    }
}
