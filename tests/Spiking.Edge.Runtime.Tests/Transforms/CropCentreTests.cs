using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class CropCentreTests
{
    [Fact]
    public void A_centred_crop_keeps_the_middle_window_and_rebases_it_to_the_origin()
    {
        // 346 x 260 → 128 x 128: left = (346 - 128) / 2 = 109, top = (260 - 128) / 2 = 66.
        var crop = new CropCentre(346, 260, 128, 128);
        Event[] input =
        [
            E(109, 66, 1, 10), E(108, 66, 0, 11), E(236, 193, 0, 12), E(237, 100, 1, 13),
            E(200, 65, 1, 14), E(200, 194, 0, 15), E(150, 100, 1, 16), E(345, 259, 0, 17),
        ];

        Event[] output = Whole(crop, input);

        Assert.Equal((109, 66), (crop.Left, crop.Top));
        Assert.Equal([E(0, 0, 1, 10), E(127, 127, 0, 12), E(41, 34, 1, 16)], output);
        Assert.Equal((346, 260, 128, 128, 2), (crop.InputWidth, crop.InputHeight, crop.OutputWidth, crop.OutputHeight, crop.OutputPolarities));
    }

    [Fact]
    public void An_odd_margin_leaves_the_extra_column_on_the_right()
    {
        // 6 → 3: margin 3, left 1, right 2.
        var crop = new CropCentre(6, 1, 3, 1);

        Event[] output = Whole(crop, [E(0, 0, 1, 1), E(1, 0, 1, 2), E(3, 0, 1, 3), E(4, 0, 1, 4), E(5, 0, 1, 5)]);

        Assert.Equal([E(0, 0, 1, 2), E(2, 0, 1, 3)], output);
    }

    [Fact]
    public void A_window_at_a_given_corner_keeps_only_its_pixels()
    {
        var crop = new CropCentre(10, 8, 2, 3, 4, 5);

        Event[] output = Whole(crop, [E(2, 3, 0, 1), E(5, 7, 1, 2), E(6, 3, 0, 3), E(2, 8, 0, 4), E(1, 3, 1, 5), E(9, 7, 1, 6)]);

        Assert.Equal([E(0, 0, 0, 1), E(3, 4, 1, 2)], output);
    }

    [Fact]
    public void Events_with_an_impossible_polarity_are_dropped()
    {
        var crop = new CropCentre(4, 4, 4, 4);

        Assert.Equal([E(1, 1, 1, 1)], Whole(crop, [E(1, 1, 2, 0), E(1, 1, 1, 1)]));
    }

    [Fact]
    public void Cutting_the_stream_anywhere_gives_the_same_output()
    {
        AssertChunkInvariant(new CropCentre(40, 30, 20, 10), RandomStream(new Random(1), 120, 40, 30, 50));
    }

    [Theory]
    [InlineData(0, 10, 5, 5, "inputWidth")]
    [InlineData(10, 70000, 5, 5, "inputHeight")]
    [InlineData(10, 10, 11, 5, "cropWidth")]
    [InlineData(10, 10, 5, 0, "cropHeight")]
    public void Bad_sizes_are_refused_naming_the_parameter(int width, int height, int cropWidth, int cropHeight, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CropCentre(width, height, cropWidth, cropHeight));

        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(-1, 0, "left")]
    [InlineData(7, 0, "left")]
    [InlineData(0, 6, "top")]
    public void A_window_reaching_outside_the_input_is_refused_naming_the_parameter(int left, int top, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CropCentre(10, 10, left, top, 4, 5));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void A_range_outside_the_array_is_refused()
    {
        var crop = new CropCentre(4, 4, 2, 2);

        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => crop.Apply(new Event[3], 1, 3)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => crop.Apply(new Event[3], -1, 0)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => crop.Apply(null!, 0, 0)).ParamName);
    }
}
