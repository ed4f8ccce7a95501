using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class SpatialDownsampleTests
{
    [Fact]
    public void A_320_input_to_34_cells_gives_cells_of_9_or_10_columns_spread_evenly()
    {
        var downsample = new SpatialDownsample(320, 320, 34, 34, 1);

        int[] columnsPerCell = new int[34];
        for (int x = 0; x < 320; x++)
        {
            columnsPerCell[downsample.OutputColumn(x)]++;
        }

        // floor(x * 34 / 320): cell 0 = columns 0..9, cell 1 = 10..18, ..., cell 33 = 311..319.
        Assert.Equal([10, 9, 10, 9, 10, 9, 9, 10, 9, 10, 9, 9, 10, 9, 10, 9, 9, 10, 9, 10, 9, 10, 9, 9, 10, 9, 10, 9, 9, 10, 9, 10, 9, 9], columnsPerCell);
        Assert.Equal((0, 1, 1, 2, 33), (downsample.OutputColumn(9), downsample.OutputColumn(10), downsample.OutputColumn(18), downsample.OutputColumn(19), downsample.OutputColumn(319)));
    }

    [Fact]
    public void Every_event_is_mapped_to_its_cell_with_its_polarity_and_time()
    {
        var downsample = new SpatialDownsample(320, 320, 34, 34, 1);

        Event[] output = Whole(downsample, [E(0, 319, 1, 5), E(10, 9, 0, 6), E(319, 18, 1, 7), E(320, 0, 1, 8), E(5, 5, 3, 9)]);

        Assert.Equal([E(0, 33, 1, 5), E(1, 0, 0, 6), E(33, 1, 1, 7)], output);
    }

    [Fact]
    public void An_integer_factor_keeps_a_partial_last_cell()
    {
        var downsample = SpatialDownsample.ByFactor(34, 34, 4, 1);

        Event[] output = Whole(downsample, [E(33, 32, 0, 1), E(31, 3, 1, 2), E(4, 7, 1, 3)]);

        Assert.Equal((9, 9), (downsample.OutputWidth, downsample.OutputHeight));
        Assert.Equal([E(8, 8, 0, 1), E(7, 0, 1, 2), E(1, 1, 1, 3)], output);
    }

    [Fact]
    public void With_a_threshold_a_cell_fires_on_every_kth_event_of_one_polarity_at_that_events_time()
    {
        // Factor 2, k = 3: input (0,0), (1,1), (1,0) share cell (0,0); polarities count apart.
        var downsample = SpatialDownsample.ByFactor(4, 4, 2, 3);
        Event[] input =
        [
            E(0, 0, 1, 10), E(1, 1, 1, 11), E(0, 0, 0, 12), E(2, 2, 1, 13), E(1, 0, 1, 14),
            E(0, 1, 1, 15), E(1, 1, 0, 16), E(0, 0, 0, 17), E(3, 3, 1, 18), E(3, 2, 1, 19), E(1, 1, 1, 20), E(0, 1, 1, 21),
        ];

        Event[] output = Whole(downsample, input);

        Assert.Equal([E(0, 0, 1, 14), E(0, 0, 0, 17), E(1, 1, 1, 19), E(0, 0, 1, 21)], output);
    }

    [Fact]
    public void Reset_clears_the_cell_counters()
    {
        var downsample = SpatialDownsample.ByFactor(4, 4, 2, 2);
        var events = new[] { E(0, 0, 1, 1) };
        downsample.Apply(events, 0, 1);

        downsample.Reset();

        Assert.Equal(0, downsample.Apply([E(1, 1, 1, 2)], 0, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Cutting_the_stream_anywhere_gives_the_same_output(int threshold)
    {
        AssertChunkInvariant(new SpatialDownsample(40, 30, 7, 5, threshold), RandomStream(new Random(2), 150, 40, 30, 50));
    }

    [Theory]
    [InlineData(0, 10, 5, 5, 1, "inputWidth")]
    [InlineData(10, 10, 11, 5, 1, "outputWidth")]
    [InlineData(10, 10, 5, 0, 1, "outputHeight")]
    [InlineData(10, 10, 5, 5, 0, "eventsPerOutput")]
    public void Bad_arguments_are_refused_naming_the_parameter(int width, int height, int outputWidth, int outputHeight, int threshold, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialDownsample(width, height, outputWidth, outputHeight, threshold));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void A_factor_below_one_is_refused()
    {
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => SpatialDownsample.ByFactor(10, 10, 0, 1)).ParamName);
    }
}
