using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class RefractoryFilterTests
{
    [Fact]
    public void Events_less_than_a_period_after_the_pixels_last_kept_event_are_dropped()
    {
        var refractory = new RefractoryFilter(8, 8, 100);
        Event[] input =
        [
            E(1, 1, 1, 0),    // kept
            E(1, 1, 0, 50),   // 50 after: dropped, whatever the polarity
            E(2, 1, 1, 60),   // another pixel: kept
            E(1, 1, 1, 99),   // 99 after: dropped
            E(1, 1, 1, 100),  // exactly one period after: kept
            E(1, 1, 0, 150),  // 50 after the kept one at 100: dropped
            E(1, 1, 1, 199),  // dropped events do not extend the period: 99 after 100, dropped
            E(1, 1, 0, 200),  // kept
            E(8, 1, 1, 300),  // outside the sensor: dropped
        ];

        Event[] output = Whole(refractory, input);

        Assert.Equal([E(1, 1, 1, 0), E(2, 1, 1, 60), E(1, 1, 1, 100), E(1, 1, 0, 200)], output);
    }

    [Fact]
    public void Cutting_the_stream_anywhere_gives_the_same_output()
    {
        var refractory = new RefractoryFilter(10, 10, 60);
        Event[] input = RandomStream(new Random(4), 150, 10, 10, 20);

        AssertChunkInvariant(refractory, input);
        Assert.InRange(Whole(refractory, input).Length, 1, input.Length - 1);
    }

    [Theory]
    [InlineData(0, 10, 5L, "inputWidth")]
    [InlineData(10, 70000, 5L, "inputHeight")]
    [InlineData(10, 10, 0L, "periodMicroseconds")]
    public void Bad_arguments_are_refused_naming_the_parameter(int width, int height, long period, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RefractoryFilter(width, height, period));

        Assert.Equal(name, error.ParamName);
    }
}
