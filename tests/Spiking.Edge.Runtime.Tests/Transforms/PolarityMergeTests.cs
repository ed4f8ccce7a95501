using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class PolarityMergeTests
{
    private static readonly Event[] Input = [E(1, 2, 1, 10), E(3, 0, 0, 11), E(0, 0, 2, 12), E(4, 0, 1, 13), E(2, 3, 0, 14)];

    [Fact]
    public void Merge_sets_every_polarity_to_zero()
    {
        var merge = new PolarityMerge(4, 4, PolarityMode.Merge);

        Assert.Equal([E(1, 2, 0, 10), E(3, 0, 0, 11), E(2, 3, 0, 14)], Whole(merge, Input));
        Assert.Equal((4, 4, 1), (merge.OutputWidth, merge.OutputHeight, merge.OutputPolarities));
    }

    [Fact]
    public void On_only_keeps_the_on_events_unchanged()
    {
        Assert.Equal([E(1, 2, 1, 10)], Whole(new PolarityMerge(4, 4, PolarityMode.OnOnly), Input));
    }

    [Fact]
    public void Off_only_keeps_the_off_events_unchanged()
    {
        Assert.Equal([E(3, 0, 0, 11), E(2, 3, 0, 14)], Whole(new PolarityMerge(4, 4, PolarityMode.OffOnly), Input));
    }

    [Fact]
    public void An_unknown_mode_is_refused_naming_the_parameter()
    {
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new PolarityMerge(4, 4, (PolarityMode)3)).ParamName);
    }
}
