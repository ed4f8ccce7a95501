using Spiking.Edge.Trainer.Algorithms.Lee2016;
using static Spiking.Edge.Trainer.Tests.Algorithms.Lee2016.LeeTesting;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

[Collection("TorchSharp")]
public class CountLossFunctionTests
{
    private static CountLossResult Evaluate(float[] counts, long[] labels, CountLoss loss, CountNormaliser normaliser = CountNormaliser.Max, long ticks = 10)
    {
        var batch = labels.Length;
        return CountLossFunction.Evaluate(Floats([batch, counts.Length / batch], counts), tensor(labels), loss, normaliser, ticks);
    }

    [Fact]
    public void Max_normalised_mse_scales_counts_by_the_winner_and_holds_the_scale_constant()
    {
        using var scope = NewDisposeScope();
        // a = [2, 4, 0], label 0: m = 4, a/m − y = [−0.5, 1, 0], L = ½·1.25, ∂L/∂a = (a/m − y)/m.
        var result = Evaluate([2, 4, 0], [0], CountLoss.NormalisedMse);
        Assert.Equal(0.625, result.Loss, 6);
        Near([-0.125, 0.25, 0], result.Error);
        Assert.Equal(0, result.Correct);
    }

    [Fact]
    public void A_silent_output_is_scaled_by_one_and_predicts_the_lowest_class()
    {
        using var scope = NewDisposeScope();
        var result = Evaluate([0, 0, 0, 0, 0, 0], [2, 0], CountLoss.NormalisedMse);
        Assert.Equal(0.5, result.Loss, 6);
        Near([0, 0, -0.5, -0.5, 0, 0], result.Error);
        Assert.Equal(1, result.Correct);
    }

    [Fact]
    public void Ties_predict_the_lowest_index()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(1, Evaluate([1, 3, 3], [1], CountLoss.CrossEntropy).Correct);
        Assert.Equal(0, Evaluate([1, 3, 3], [2], CountLoss.CrossEntropy).Correct);
    }

    [Fact]
    public void Tick_normalised_mse_targets_one_output_per_tick()
    {
        using var scope = NewDisposeScope();
        // T = 10: a/T − y = [0.2 − 1, 0.4] for label 0.
        var result = Evaluate([2, 4], [0], CountLoss.NormalisedMse, CountNormaliser.Ticks, ticks: 10);
        Assert.Equal(0.5 * ((0.8 * 0.8) + (0.4 * 0.4)), result.Loss, 6);
        Near([-0.08, 0.04], result.Error);
    }

    [Fact]
    public void Cross_entropy_uses_counts_as_logits_and_the_batch_mean()
    {
        using var scope = NewDisposeScope();
        // Two samples: [1, 2, 0] label 1 and [0, 0, 0] label 2; the error of each is (softmax − y)/B.
        var result = Evaluate([1, 2, 0, 0, 0, 0], [1, 2], CountLoss.CrossEntropy);
        var z = Math.Exp(1) + Math.Exp(2) + 1;
        var first = Math.Log(z) - 2;
        var second = Math.Log(3);
        Assert.Equal((first + second) / 2, result.Loss, 6);
        Near([Math.Exp(1) / z / 2, ((Math.Exp(2) / z) - 1) / 2, 1 / z / 2, 1.0 / 6, 1.0 / 6, (1.0 / 3 - 1) / 2], result.Error);
        Assert.Equal(1, result.Correct);
    }
}
