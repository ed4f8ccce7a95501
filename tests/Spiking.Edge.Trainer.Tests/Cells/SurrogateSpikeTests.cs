using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class SurrogateSpikeTests
{
    private static readonly float[] Offsets = [-1f, -0.25f, -0.1f, 0f, 0.05f, 0.5f, 2f];

    public static TheoryData<bool, float, float> Cases => new()
    {
        { false, 1f, 10f },
        { false, 0.5f, 3f },
        { true, 1f, 10f },
        { true, 0.5f, 3f },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_equals_the_fast_sigmoid_formula_at_chosen_points(bool straightThrough, float threshold, float slope)
    {
        using var scope = NewDisposeScope();
        var membrane = tensor(Offsets.Select(o => threshold + o).ToArray()).requires_grad_();
        var spikes = straightThrough
            ? SurrogateSpike.SpikeStraightThrough(membrane, threshold, slope, ThresholdComparison.GreaterOrEqual)
            : SurrogateSpike.Spike(membrane, threshold, slope, ThresholdComparison.GreaterOrEqual);
        spikes.sum().backward();
        var gradient = TensorAssert.Values(membrane.grad!);
        var points = TensorAssert.Values(membrane);
        for (var i = 0; i < points.Length; i++)
        {
            var expected = 1.0 / Math.Pow(1 + (slope * Math.Abs(points[i] - threshold)), 2);
            Assert.Equal(expected, gradient[i], 5);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_is_the_heaviside_step_with_greater_or_equal(bool straightThrough, float threshold, float slope)
    {
        using var scope = NewDisposeScope();
        var membrane = tensor(Offsets.Select(o => threshold + o).ToArray());
        var spikes = straightThrough
            ? SurrogateSpike.SpikeStraightThrough(membrane, threshold, slope, ThresholdComparison.GreaterOrEqual)
            : SurrogateSpike.Spike(membrane, threshold, slope, ThresholdComparison.GreaterOrEqual);
        var expected = TensorAssert.Values(membrane).Select(h => h >= threshold ? 1f : 0f).ToArray();
        Assert.Equal(expected, TensorAssert.Values(spikes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Greater_comparison_does_not_fire_exactly_at_threshold(bool straightThrough)
    {
        using var scope = NewDisposeScope();
        var membrane = tensor(new[] { 0.9f, 1f, 1.1f });
        var spikes = straightThrough
            ? SurrogateSpike.SpikeStraightThrough(membrane, 1f, 10f, ThresholdComparison.Greater)
            : SurrogateSpike.Spike(membrane, 1f, 10f, ThresholdComparison.Greater);
        Assert.Equal(new[] { 0f, 0f, 1f }, TensorAssert.Values(spikes));
    }
}
