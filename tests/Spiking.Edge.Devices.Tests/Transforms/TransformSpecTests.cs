using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Devices.Tests.Transforms;

public class TransformSpecTests
{
    private static Event[] RandomEvents(int seed, int count, int width, int height)
    {
        var random = new Random(seed);
        long t = 0;
        var events = new Event[count];
        for (int i = 0; i < count; i++)
        {
            t += random.Next(0, 30);
            events[i] = new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), t);
        }

        return events;
    }

    [Fact]
    public void The_documented_example_builds_the_stages_in_order_with_chained_geometry()
    {
        EventPipeline pipeline = TransformSpec.Parse("crop:128x128,downsample:34x34,denoise:5000,refractory:1000,polarity:merge", 320, 320);

        Assert.Equal(5, pipeline.StageCount);
        var crop = Assert.IsType<CropCentre>(pipeline.GetStage(0));
        Assert.Equal((96, 96, 128, 128), (crop.Left, crop.Top, crop.OutputWidth, crop.OutputHeight));
        var downsample = Assert.IsType<SpatialDownsample>(pipeline.GetStage(1));
        Assert.Equal((128, 34, 34, 1), (downsample.InputWidth, downsample.OutputWidth, downsample.OutputHeight, downsample.EventsPerOutput));
        var denoise = Assert.IsType<NeighbourDenoise>(pipeline.GetStage(2));
        Assert.Equal((34, 5000L, false), (denoise.InputWidth, denoise.WindowMicroseconds, denoise.IncludeSelf));
        Assert.Equal(1000L, Assert.IsType<RefractoryFilter>(pipeline.GetStage(3)).PeriodMicroseconds);
        Assert.Equal(PolarityMode.Merge, Assert.IsType<PolarityMerge>(pipeline.GetStage(4)).Mode);
        Assert.Equal((320, 320, 34, 34, 1), (pipeline.InputWidth, pipeline.InputHeight, pipeline.OutputWidth, pipeline.OutputHeight, pipeline.OutputPolarities));
    }

    [Fact]
    public void A_parsed_pipeline_transforms_like_the_same_stages_built_by_hand()
    {
        Event[] events = RandomEvents(1, 5000, 64, 48);
        EventPipeline parsed = TransformSpec.Parse(" crop:40x30+4+6 , DOWNSAMPLE:4:k=2, denoise:200:self ,refractory:50, polarity:on", 64, 48);
        var byHand = new EventPipeline(
        [
            new CropCentre(64, 48, 4, 6, 40, 30),
            SpatialDownsample.ByFactor(40, 30, 4, 2),
            new NeighbourDenoise(10, 8, 200, includeSelf: true),
            new RefractoryFilter(10, 8, 50),
            new PolarityMerge(10, 8, PolarityMode.OnOnly),
        ]);

        Event[] expected = byHand.TransformSample(events);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, parsed.TransformSample(events));
    }

    [Theory]
    [InlineData("polarity:off", PolarityMode.OffOnly)]
    [InlineData("polarity:On", PolarityMode.OnOnly)]
    [InlineData("Polarity:MERGE", PolarityMode.Merge)]
    public void Polarity_modes_are_read_case_insensitively(string spec, PolarityMode mode)
    {
        Assert.Equal(mode, Assert.IsType<PolarityMerge>(TransformSpec.Parse(spec, 34, 34).GetStage(0)).Mode);
    }

    [Fact]
    public void A_factor_downsample_rounds_the_output_up()
    {
        EventPipeline pipeline = TransformSpec.Parse("downsample:4", 34, 34);

        Assert.Equal((9, 9), (pipeline.OutputWidth, pipeline.OutputHeight));
    }

    [Theory]
    [InlineData("", 0, "transform spec \"\": is empty")]
    [InlineData("  ", 0, "transform spec \"  \": is empty")]
    [InlineData("crop:10x10,", 2, "transform element 2 \"\": is empty")]
    [InlineData("blur:3", 1, "transform element 1 \"blur:3\": unknown transform \"blur\"; expected one of crop, downsample, denoise, refractory, polarity")]
    [InlineData("crop", 1, "transform element 1 \"crop\": crop needs an argument: crop:WxH or crop:WxH+LEFT+TOP")]
    [InlineData("crop:10y10", 1, "transform element 1 \"crop:10y10\": \"10y10\" is not WxH")]
    [InlineData("crop:10x10+3", 1, "transform element 1 \"crop:10x10+3\": \"10x10+3\" is neither WxH nor WxH+LEFT+TOP")]
    [InlineData("crop:10x10+a+2", 1, "\"+a+2\" is not +LEFT+TOP")]
    [InlineData("crop:10x10:self", 1, "crop takes no option")]
    [InlineData("crop:40x10", 1, "transform element 1 \"crop:40x10\": cropWidth must be within 1..inputWidth (34), got 40 (input 34 x 34)")]
    [InlineData("crop:10x10+30+0", 1, "left must be within 0..inputWidth - cropWidth (24), got 30")]
    [InlineData("crop:20x20,downsample:34x34", 2, "transform element 2 \"downsample:34x34\": outputWidth must be within 1..inputWidth (20), got 34 (input 20 x 20)")]
    [InlineData("downsample:34y34", 1, "\"34y34\" is not WxH or a factor")]
    [InlineData("downsample:-2", 1, "\"-2\" is not WxH or a factor")]
    [InlineData("downsample:0", 1, "factor must be at least 1, got 0")]
    [InlineData("downsample:2:k=0", 1, "eventsPerOutput must be at least 1, got 0")]
    [InlineData("downsample:2:k=x", 1, "unknown option \"k=x\"")]
    [InlineData("downsample:2:k=2:k=3", 1, "k is given more than once")]
    [InlineData("denoise:5ms", 1, "transform element 1 \"denoise:5ms\": \"5ms\" is not a whole number of microseconds; expected denoise:MICROSECONDS, optionally :self")]
    [InlineData("denoise:0", 1, "windowMicroseconds must be at least 1, got 0")]
    [InlineData("denoise:10:me", 1, "unknown option \"me\"")]
    [InlineData("denoise:10:self:self", 1, "self is given more than once")]
    [InlineData("refractory:1.5", 1, "\"1.5\" is not a whole number of microseconds")]
    [InlineData("refractory:10:x", 1, "refractory takes no option")]
    [InlineData("polarity:both", 1, "transform element 1 \"polarity:both\": unknown mode \"both\"; expected polarity:merge, polarity:on or polarity:off")]
    public void A_bad_element_is_refused_in_one_line_naming_it(string spec, int number, string message)
    {
        var error = Assert.Throws<TransformSpecException>(() => TransformSpec.Parse(spec, 34, 34));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(number, error.ElementNumber);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
        Assert.Equal("spec", error.ParamName);
        Assert.IsAssignableFrom<ArgumentException>(error);
    }

    [Fact]
    public void A_bad_sensor_geometry_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TransformSpec.Parse("polarity:merge", 0, 34));
    }

    [Fact]
    public void Transforming_a_sample_resets_the_transform_and_leaves_the_input_unchanged()
    {
        var refractory = new RefractoryFilter(4, 4, 100);
        Event[] sample = [new(1, 1, 1, 0), new(1, 1, 1, 50), new(2, 2, 0, 60)];
        Event[] before = [.. sample];

        Event[] first = refractory.TransformSample(sample);
        Event[] second = refractory.TransformSample(sample);

        Assert.Equal([new Event(1, 1, 1, 0), new Event(2, 2, 0, 60)], first);
        Assert.Equal(first, second);
        Assert.Equal(before, sample);
    }
}
