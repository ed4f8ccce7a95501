using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class SpikeCountCostTests
{
    [Fact]
    public void Errors_beyond_the_margin_count_and_errors_within_it_do_not()
    {
        // Levels 35 / 5, margin 5. Sample 0, label 0, counts 36, 2, 12: differences 1, −3, 7 → only 7 is beyond the
        // margin: δ = (0, 0, 7), E = 49. Sample 1, label 2, silent: differences −5, −5, −35 → |−5| is not > 5:
        // δ = (0, 0, −35), E = 1225.
        using var scope = NewDisposeScope();
        var counts = tensor(new float[] { 36, 2, 12, 0, 0, 0 }).reshape(2, 3);
        var labels = tensor(new long[] { 0, 2 });
        var error = SpikeCountCost.Compute(counts, labels, new StRsbpOptions());
        Assert.Equal([0f, 0f, 7f, 0f, 0f, -35f], TensorAssert.Values(error.Delta));
        Assert.Equal([49f, 1225f], TensorAssert.Values(error.Cost));
        Assert.Equal([35f, 5f, 5f, 5f, 5f, 35f], TensorAssert.Values(SpikeCountCost.Targets(counts, labels, new StRsbpOptions())));
    }

    [Fact]
    public void The_prediction_is_the_most_active_output_with_ties_and_silence_going_to_the_lowest_index()
    {
        using var scope = NewDisposeScope();
        var counts = tensor(new float[] { 0, 0, 0, 3, 7, 7, 2, 1, 9, 4, 4, 1 }).reshape(4, 3);
        Assert.Equal([0L, 1L, 2L, 0L], SpikeCountCost.Predict(counts).data<long>().ToArray());
    }

    [Fact]
    public void Scaling_to_a_shorter_run_keeps_the_target_rates_and_scales_lambda_by_the_square()
    {
        var scaled = new StRsbpOptions().ScaledTo(40);
        Assert.Equal((3.5, 0.5, 0.5), (scaled.DesiredLevel, scaled.UndesiredLevel, scaled.Margin));
        Assert.Equal(10 * 0.1 * 0.1, scaled.RegularizerLambda, 12);
        Assert.False(scaled.ScaleToTicks);
        Assert.Equal(scaled, scaled.EffectiveAt(40));
        Assert.Equal(scaled, new StRsbpOptions().EffectiveAt(40));
        Assert.Equal(new StRsbpOptions() with { ScaleToTicks = false }, new StRsbpOptions().EffectiveAt(StRsbpOptions.ReferenceTicks));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StRsbpOptions().ScaledTo(0));
    }
}
