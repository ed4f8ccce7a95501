using Spiking.Edge.Trainer.Algorithms.StRsbp;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

public class BoostingTests
{
    [Fact]
    public void Misclassified_samples_grow_by_exp_of_their_class_error_over_twenty_after_each_epoch()
    {
        var boosting = new Boosting(20);
        // Epoch 1: class 0 = samples 0..3, samples 0 and 1 wrong → e_0 = 2/4 → weights exp(0.5/20) = 1.0253151.
        // Class 1 = sample 4, right → unchanged.
        boosting.Record(0, 0, false);
        boosting.Record(1, 0, false);
        boosting.Record(2, 0, true);
        boosting.Record(3, 0, true);
        boosting.Record(4, 1, true);
        Assert.Equal(1f, boosting.WeightOf(0));
        boosting.EndEpoch();
        Assert.Equal(1.0253151f, boosting.WeightOf(0), 6);
        Assert.Equal(1.0253151f, boosting.WeightOf(1), 6);
        Assert.Equal(1f, boosting.WeightOf(2));
        Assert.Equal(1f, boosting.WeightOf(4));
        Assert.Equal(1f, boosting.WeightOf(99));

        // Epoch 2: only sample 0 wrong. e_0 = 1.0253151 / (2·1.0253151 + 2) = 0.2531248 → 1.0253151·exp(0.2531248/20) = 1.0383742.
        boosting.Record(0, 0, false);
        boosting.Record(1, 0, true);
        boosting.Record(2, 0, true);
        boosting.Record(3, 0, true);
        boosting.EndEpoch();
        Assert.Equal(1.0383742f, boosting.WeightOf(0), 6);
        Assert.Equal(1.0253151f, boosting.WeightOf(1), 6);
    }

    [Fact]
    public void Samples_not_seen_in_an_epoch_are_neither_counted_nor_boosted()
    {
        var boosting = new Boosting(20);
        boosting.Record(3, 0, false);
        boosting.EndEpoch();
        Assert.Equal((float)Math.Exp(1.0 / 20), boosting.WeightOf(3), 6);
        boosting.EndEpoch();
        Assert.Equal((float)Math.Exp(1.0 / 20), boosting.WeightOf(3), 6);
        Assert.Equal(1f, boosting.WeightOf(0));
    }
}
