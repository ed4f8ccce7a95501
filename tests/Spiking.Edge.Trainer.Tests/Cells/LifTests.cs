using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class LifTests
{
    [Theory]
    [InlineData(ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, 4)]
    [InlineData(ResetMode.Zero, ThresholdComparison.Greater, 2)]
    [InlineData(ResetMode.None, ThresholdComparison.GreaterOrEqual, 0)]
    public void Multi_step_spikes_and_input_gradients_equal_the_layer_applied_tick_by_tick(ResetMode reset, ThresholdComparison comparison, int leakShift)
    {
        var options = LifOptions.From(new LifParameters(leakShift, 1f, reset, comparison, detachReset: false));
        using var layer = new LifLayer(5, 5, options, new Generator(3));
        LayerTesting.IdentityWeights(layer);
        LayerTesting.AssertMultiStepEqualsSingleStep(layer, ticks: 12, batch: 3, inputScale: 0.8f, tolerance: 1e-6);
    }

    [Theory]
    [InlineData(ResetMode.Subtract, new[] { 1f, 0f, 1f })]
    [InlineData(ResetMode.Zero, new[] { 1f, 0f, 0f })]
    [InlineData(ResetMode.None, new[] { 1f, 1f, 1f })]
    public void Each_reset_mode_shapes_the_next_ticks_as_the_semantics_say(ResetMode reset, float[] expectedSpikes)
    {
        // No leak, θ = 1, v > θ fires; drives 1.2, 0.5, 0.5. SUBTRACT: 1.2 fires → 0.2, 0.7, 1.2 fires.
        // ZERO: 1.2 fires → 0, 0.5, 1.0 (not > 1). NONE: 1.2, 1.7, 2.2 all fire.
        var options = LifOptions.From(new LifParameters(0, 1f, reset, ThresholdComparison.Greater));
        using var layer = new LifLayer(1, 1, options, new Generator(1), hasBias: false);
        LayerTesting.IdentityWeights(layer);
        var states = LayerTesting.Run(layer, [[1.2f], [0.5f], [0.5f]]);
        Assert.Equal(expectedSpikes, states.Select(s => TensorAssert.Values(s.Output)[0]));
    }

    [Fact]
    public void Inputs_that_are_not_rank_3_are_refused()
    {
        using var layer = new LifLayer(5, 5, LifOptions.From(new LifParameters()), new Generator(1));
        using var currents = zeros(4, 5);
        var error = Assert.Throws<ArgumentException>(() => layer.forward(currents));
        Assert.Contains("[T, B,", error.Message, StringComparison.Ordinal);
    }
}
