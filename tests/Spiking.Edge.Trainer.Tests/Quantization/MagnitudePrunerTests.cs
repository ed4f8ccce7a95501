using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Pruning;

namespace Spiking.Edge.Trainer.Tests.Quantization;

// Pruner tests live beside the quantizer tests: the test project's Pruning folder is not part of this work's scope.
public class MagnitudePrunerTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    [InlineData(1.0)]
    public void Each_layer_loses_exactly_floor_of_fraction_times_count_of_its_smallest_weights(double fraction)
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(11, 5, 4, 2, [30, 7], ReadoutMode.SpikeCount);
        FloatNetworkSpec pruned = MagnitudePruner.Prune(spec, fraction);
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            float[] before = spec.Layers[l].Weight, after = pruned.Layers[l].Weight;
            int expected = (int)Math.Floor((fraction * before.Length) + 1e-9);
            Assert.Equal(expected, after.Count(w => w == 0f));
            float largestPruned = Enumerable.Range(0, before.Length).Where(i => after[i] == 0f).Select(i => Math.Abs(before[i])).DefaultIfEmpty(0f).Max();
            float smallestKept = Enumerable.Range(0, before.Length).Where(i => after[i] != 0f).Select(i => Math.Abs(before[i])).DefaultIfEmpty(float.MaxValue).Min();
            Assert.True(largestPruned <= smallestKept, $"layer {l}: pruned |w| {largestPruned} > kept |w| {smallestKept}");
            Assert.All(Enumerable.Range(0, before.Length).Where(i => after[i] != 0f), i => Assert.Equal(before[i], after[i]));
        }
    }

    [Fact]
    public void Equal_magnitudes_are_pruned_lowest_index_first()
    {
        FloatNetworkSpec spec = FloatSpecFactory.OneLayer([0.5f, -0.2f, 0.2f, 0.9f, -0.2f, 0.3f], 6, 1);
        FloatNetworkSpec pruned = MagnitudePruner.Prune(spec, 2.0 / 6);
        Assert.Equal(new[] { 0.5f, 0f, 0f, 0.9f, -0.2f, 0.3f }, pruned.Layers[0].Weight);
    }

    [Fact]
    public void The_input_spec_is_left_unchanged()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(2, 3, 3, 1, [4], ReadoutMode.SpikeCount);
        float[] copy = (float[])spec.Layers[0].Weight.Clone();
        MagnitudePruner.Prune(spec, 0.7);
        MagnitudePruner.PruneGlobally(spec, 0.7);
        Assert.Equal(copy, spec.Layers[0].Weight);
    }

    [Fact]
    public void Per_layer_fractions_apply_to_their_own_layer()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(4, 4, 4, 1, [10, 5], ReadoutMode.SpikeCount);
        FloatNetworkSpec pruned = MagnitudePruner.Prune(spec, [0.9, 0.2]);
        Assert.Equal(144, pruned.Layers[0].Weight.Count(w => w == 0f));
        Assert.Equal(10, pruned.Layers[1].Weight.Count(w => w == 0f));
    }

    [Fact]
    public void A_wrong_number_of_per_layer_fractions_is_refused()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(4, 2, 2, 1, [3, 2], ReadoutMode.SpikeCount);
        var error = Assert.Throws<ArgumentException>(() => MagnitudePruner.Prune(spec, [0.5]));
        Assert.Contains("1 pruning fractions given for 2 layers", error.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        FloatNetworkSpec spec = FloatSpecFactory.OneLayer([1f], 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => MagnitudePruner.Prune(spec, fraction));
        Assert.Throws<ArgumentOutOfRangeException>(() => MagnitudePruner.PruneGlobally(spec, fraction));
    }

    [Fact]
    public void Global_pruning_ranks_all_layers_together()
    {
        var small = new FloatLayerSpec("small", NeuronModel.Lif, 2, 2, [0.01f, -0.02f, 0.03f, 0.04f], new float[2], 1f, 0, ResetMode.Zero, ThresholdComparison.GreaterOrEqual);
        var large = new FloatLayerSpec("large", NeuronModel.Lif, 2, 2, [1f, -2f, 3f, 0.035f], new float[2], 1f, 0, ResetMode.Zero, ThresholdComparison.GreaterOrEqual);
        var spec = new FloatNetworkSpec(2, 1, 1, 1000, 4, [small, large], ReadoutMode.SpikeCount, []);
        FloatNetworkSpec pruned = MagnitudePruner.PruneGlobally(spec, 0.5);
        Assert.Equal(new[] { 0f, 0f, 0f, 0.04f }, pruned.Layers[0].Weight);
        Assert.Equal(new[] { 1f, -2f, 3f, 0f }, pruned.Layers[1].Weight);
        Assert.Equal(0.5, MagnitudePruner.Sparsity(pruned));
    }
}
