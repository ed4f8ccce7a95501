using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class SilentTargetSpikesTests
{
    [Fact]
    public void A_silent_label_neuron_gets_evenly_spaced_spikes_and_other_trains_stay_as_they_were()
    {
        // T = 12, level 3, R = 1: spacing max(⌊12/3⌋, 2) = 4 → ticks 3, 7, 11. Sample 0 (label 1) is silent on neuron 1;
        // sample 1 (label 0) fired once on neuron 0, so nothing is inserted there.
        using var scope = NewDisposeScope();
        var train = zeros(12, 2, 2);
        train[5, 1, 0] = tensor(1f);
        train[2, 0, 0] = tensor(1f);
        var result = SilentTargetSpikes.Insert(train, tensor(new long[] { 1, 0 }), 3, 1);
        var inserted = TensorAssert.Values(result.select(1, 0).select(1, 1));
        Assert.Equal(new[] { 3, 7, 11 }, Enumerable.Range(0, 12).Where(t => inserted[t] > 0));
        Assert.Equal(TensorAssert.Values(train.select(1, 1)), TensorAssert.Values(result.select(1, 1)));
        Assert.Equal(TensorAssert.Values(train.select(1, 0).select(1, 0)), TensorAssert.Values(result.select(1, 0).select(1, 0)));
    }

    [Fact]
    public void The_spacing_never_undercuts_the_refractory_period_so_fewer_spikes_fit_in_a_short_run()
    {
        // T = 12, level 5, R = 2: spacing max(2, 3) = 3 → ticks 2, 5, 8, 11 (the fifth would be 14).
        using var scope = NewDisposeScope();
        var result = TensorAssert.Values(SilentTargetSpikes.Insert(zeros(12, 1, 1), tensor(new long[] { 0 }), 5, 2));
        Assert.Equal(new[] { 2, 5, 8, 11 }, Enumerable.Range(0, 12).Where(t => result[t] > 0));
    }
}
