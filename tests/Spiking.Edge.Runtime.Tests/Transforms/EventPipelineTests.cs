using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class EventPipelineTests
{
    private static EventPipeline CropDownsampleRefractoryMerge() => new(
    [
        new CropCentre(12, 10, 8, 8),
        SpatialDownsample.ByFactor(8, 8, 2, 1),
        new RefractoryFilter(4, 4, 100),
        new PolarityMerge(4, 4, PolarityMode.Merge),
    ]);

    [Fact]
    public void Stages_run_in_order_on_what_the_previous_stage_kept()
    {
        EventPipeline pipeline = CropDownsampleRefractoryMerge();
        Event[] input =
        [
            E(2, 1, 1, 0),    // crop (left 2, top 1) → (0,0) → cell (0,0): kept, merged
            E(3, 2, 0, 50),   // → (1,1) → cell (0,0), 50 us later: refractory drop
            E(1, 1, 1, 60),   // outside the crop
            E(9, 8, 0, 70),   // → (7,7) → cell (3,3): kept
            E(2, 2, 0, 100),  // → (0,1) → cell (0,0), 100 us later: kept
        ];

        Event[] output = Whole(pipeline, input);

        Assert.Equal([E(0, 0, 0, 0), E(3, 3, 0, 70), E(0, 0, 0, 100)], output);
        Assert.Equal((12, 10, 4, 4, 1, 4), (pipeline.InputWidth, pipeline.InputHeight, pipeline.OutputWidth, pipeline.OutputHeight, pipeline.OutputPolarities, pipeline.StageCount));
    }

    [Fact]
    public void Reset_resets_every_stage()
    {
        EventPipeline pipeline = CropDownsampleRefractoryMerge();
        pipeline.Apply([E(2, 1, 1, 0)], 0, 1);

        pipeline.Reset();

        Assert.Equal(1, pipeline.Apply([E(2, 1, 1, 1)], 0, 1));
    }

    [Fact]
    public void Cutting_the_stream_anywhere_gives_the_same_output()
    {
        var pipeline = new EventPipeline(
        [
            new CropCentre(30, 30, 24, 24),
            new NeighbourDenoise(24, 24, 50, includeSelf: true),
            new SpatialDownsample(24, 24, 7, 7, 2),
            new RefractoryFilter(7, 7, 40),
        ]);

        AssertChunkInvariant(pipeline, RandomStream(new Random(5), 200, 30, 30, 20));
    }

    [Fact]
    public void Stages_whose_geometries_do_not_chain_are_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new EventPipeline([new CropCentre(12, 10, 8, 8), new RefractoryFilter(10, 8, 5)]));

        Assert.Equal("stages", error.ParamName);
        Assert.StartsWith("stage 1 expects a 10 x 8 input but stage 0 outputs 8 x 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_null_stage_list_and_a_null_stage_are_refused()
    {
        Assert.Equal("stages", Assert.Throws<ArgumentException>(() => new EventPipeline([])).ParamName);
        Assert.Equal("stages", Assert.Throws<ArgumentNullException>(() => new EventPipeline(null!)).ParamName);
        Assert.Equal("stages", Assert.Throws<ArgumentNullException>(() => new EventPipeline([new CropCentre(4, 4, 2, 2), null!])).ParamName);
    }

    [Fact]
    public void The_stage_array_is_copied()
    {
        IEventTransform[] stages = [new CropCentre(4, 4, 2, 2)];
        var pipeline = new EventPipeline(stages);

        stages[0] = new CropCentre(4, 4, 4, 4);

        Assert.Equal(2, pipeline.GetStage(0).OutputWidth);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.GetStage(1)).ParamName);
    }
}
