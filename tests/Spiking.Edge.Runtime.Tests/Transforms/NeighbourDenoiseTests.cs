using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class NeighbourDenoiseTests
{
    [Fact]
    public void An_event_is_kept_only_when_a_neighbour_fired_within_the_window()
    {
        var denoise = new NeighbourDenoise(32, 32, 100, includeSelf: false);
        Event[] input =
        [
            E(5, 5, 1, 0),     // nothing before: dropped
            E(6, 5, 0, 50),    // (5,5) fired 50 us earlier: kept
            E(20, 20, 1, 60),  // isolated: dropped
            E(6, 5, 1, 300),   // (5,5) fired 300 us earlier; its own pixel does not count: dropped
            E(5, 6, 1, 350),   // (6,5) fired 50 us earlier (diagonal): kept
            E(7, 7, 0, 450),   // (6,6)? never; (6,5)? two rows away: dropped
            E(8, 8, 0, 550),   // (7,7) fired exactly 100 us earlier: kept (inclusive)
            E(9, 9, 1, 651),   // (8,8) fired 101 us earlier: dropped
        ];

        Event[] output = Whole(denoise, input);

        Assert.Equal([E(6, 5, 0, 50), E(5, 6, 1, 350), E(8, 8, 0, 550)], output);
    }

    [Fact]
    public void Dropped_events_still_support_later_neighbours()
    {
        var denoise = new NeighbourDenoise(8, 8, 10, includeSelf: false);

        Event[] output = Whole(denoise, [E(1, 1, 1, 0), E(3, 3, 1, 100), E(2, 2, 1, 105)]);

        // (3,3) was dropped (no support) but its time supports (2,2).
        Assert.Equal([E(2, 2, 1, 105)], output);
    }

    [Fact]
    public void With_include_self_an_earlier_event_at_the_same_pixel_supports()
    {
        Event[] input = [E(3, 3, 1, 0), E(3, 3, 0, 10), E(3, 3, 1, 200)];

        Assert.Empty(Whole(new NeighbourDenoise(8, 8, 100, includeSelf: false), input));
        Assert.Equal([E(3, 3, 0, 10)], Whole(new NeighbourDenoise(8, 8, 100, includeSelf: true), input));
    }

    [Fact]
    public void Pixels_on_the_border_look_only_at_neighbours_inside_the_sensor()
    {
        var denoise = new NeighbourDenoise(4, 3, 50, includeSelf: false);

        Event[] output = Whole(denoise, [E(0, 0, 1, 0), E(1, 1, 1, 10), E(3, 2, 1, 20), E(2, 1, 0, 30), E(3, 2, 0, 40), E(4, 0, 1, 41)]);

        Assert.Equal([E(1, 1, 1, 10), E(2, 1, 0, 30), E(3, 2, 0, 40)], output);
    }

    [Fact]
    public void Reset_forgets_every_pixel()
    {
        var denoise = new NeighbourDenoise(8, 8, 100, includeSelf: false);
        denoise.Apply([E(1, 1, 1, 0)], 0, 1);

        denoise.Reset();

        Assert.Equal(0, denoise.Apply([E(2, 2, 1, 1)], 0, 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cutting_the_stream_anywhere_gives_the_same_output(bool includeSelf)
    {
        var denoise = new NeighbourDenoise(20, 15, 40, includeSelf);
        Event[] input = RandomStream(new Random(3), 150, 20, 15, 30);

        AssertChunkInvariant(denoise, input);
        Assert.InRange(Whole(denoise, input).Length, 1, input.Length - 1);
    }

    [Theory]
    [InlineData(0, 10, 5L, "inputWidth")]
    [InlineData(10, 0, 5L, "inputHeight")]
    [InlineData(10, 10, 0L, "windowMicroseconds")]
    [InlineData(65535, 65535, 5L, "inputWidth")]
    public void Bad_arguments_are_refused_naming_the_parameter(int width, int height, long window, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NeighbourDenoise(width, height, window, includeSelf: false));

        Assert.Equal(name, error.ParamName);
    }
}
