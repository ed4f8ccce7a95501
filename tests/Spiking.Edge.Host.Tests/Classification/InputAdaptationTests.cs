using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Host.Classification;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Host.Tests.Classification;

public class InputAdaptationTests
{
    [Fact]
    public void A_source_of_the_models_geometry_is_used_as_it_is()
    {
        var adaptation = InputAdaptation.Resolve(null, 34, 34, 34, 34);

        Assert.Null(adaptation.Transform);
        Assert.Equal("source 34 x 34 = model input; no transform", adaptation.Description);
    }

    [Fact]
    public void A_larger_source_is_downsampled_to_the_model_and_the_output_says_so()
    {
        var adaptation = InputAdaptation.Resolve(null, 320, 240, 34, 34);

        var downsample = Assert.IsType<SpatialDownsample>(adaptation.Transform);
        Assert.Equal((320, 240, 34, 34), (downsample.InputWidth, downsample.InputHeight, downsample.OutputWidth, downsample.OutputHeight));
        Assert.Equal("downsample 320 x 240 -> 34 x 34 (default: the source geometry differs from the model's 34 x 34; --transform overrides)", adaptation.Description);
    }

    [Fact]
    public void Only_the_larger_side_shrinks_when_the_other_fits()
    {
        var downsample = Assert.IsType<SpatialDownsample>(InputAdaptation.Resolve(null, 128, 20, 64, 64).Transform);

        Assert.Equal((64, 20), (downsample.OutputWidth, downsample.OutputHeight));
    }

    [Fact]
    public void A_smaller_source_and_an_unknown_geometry_are_used_as_they_are()
    {
        Assert.Null(InputAdaptation.Resolve(null, 28, 28, 34, 34).Transform);
        Assert.Null(InputAdaptation.Resolve(null, 0, 0, 34, 34).Transform);
        Assert.StartsWith("the source does not state its geometry", InputAdaptation.Resolve(null, 0, 0, 34, 34).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transform_must_end_at_the_models_geometry()
    {
        var error = Assert.Throws<HostOptionException>(() => InputAdaptation.Resolve("downsample:10", 320, 320, 34, 34));

        Assert.Equal("--transform \"downsample:10\" turns the 320 x 320 source into 32 x 32; the model's input is 34 x 34", error.Message);
    }

    [Fact]
    public void A_malformed_transform_names_its_element()
    {
        var error = Assert.Throws<TransformSpecException>(() => InputAdaptation.Resolve("crop:100x100,downsample:34y34", 320, 320, 34, 34));

        Assert.Equal(2, error.ElementNumber);
    }

    [Fact]
    public void A_transform_needs_a_source_that_states_its_geometry()
    {
        var error = Assert.Throws<HostOptionException>(() => InputAdaptation.Resolve("downsample:34x34", 0, 0, 34, 34));

        Assert.Equal("--transform", error.Option);
    }
}
