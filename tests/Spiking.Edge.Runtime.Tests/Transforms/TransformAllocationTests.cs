using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using Spiking.Edge.Runtime.Tests.Support;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class TransformAllocationTests
{
    private const int Events = 100_000;
    private const int Chunk = 1000;

    private static readonly Event[] Source = TransformHarness.RandomStream(new Random(11), Events, 320, 320, 20);

    public static TheoryData<string> TransformNames => new() { "crop", "downsample", "downsample-k", "denoise", "refractory", "polarity", "pipeline" };

    private static IEventTransform Create(string name) => name switch
    {
        "crop" => new CropCentre(320, 320, 128, 128),
        "downsample" => new SpatialDownsample(320, 320, 34, 34, 1),
        "downsample-k" => SpatialDownsample.ByFactor(320, 320, 4, 3),
        "denoise" => new NeighbourDenoise(320, 320, 5000, includeSelf: true),
        "refractory" => new RefractoryFilter(320, 320, 1000),
        "polarity" => new PolarityMerge(320, 320, PolarityMode.OnOnly),
        _ => new EventPipeline(
        [
            new NeighbourDenoise(320, 320, 5000, includeSelf: false),
            new CropCentre(320, 320, 256, 256),
            new SpatialDownsample(256, 256, 34, 34, 2),
            new RefractoryFilter(34, 34, 1000),
            new PolarityMerge(34, 34, PolarityMode.Merge),
        ]),
    };

    [Theory]
    [MemberData(nameof(TransformNames))]
    public void A_hundred_thousand_events_in_chunks_allocate_nothing(string name)
    {
        IEventTransform transform = Create(name);
        var buffer = new Event[Events];
        long kept = 0;

        long allocated = SteadyAllocation.Fewest(() =>
        {
            transform.Reset();
            Array.Copy(Source, buffer, Events);
            kept = 0;
            for (int offset = 0; offset < Events; offset += Chunk)
            {
                kept += transform.Apply(buffer, offset, Chunk);
            }
        });

        Assert.Equal(0, allocated);
        Assert.InRange(kept, 1, Events);
    }

    public static TheoryData<string> SegmenterNames => new() { "duration", "overlap", "count", "activity" };

    private static StreamSegmenter CreateSegmenter(string name) => name switch
    {
        "duration" => StreamSegmenter.FixedDuration(10_000, 10_000),
        "overlap" => StreamSegmenter.FixedDuration(10_000, 2_500),
        "count" => StreamSegmenter.FixedCount(500, 100),
        _ => StreamSegmenter.ActivityTriggered(200, 30, 10_000),
    };

    [Theory]
    [MemberData(nameof(SegmenterNames))]
    public void Segmenting_a_hundred_thousand_events_in_chunks_allocates_nothing(string name)
    {
        StreamSegmenter segmenter = CreateSegmenter(name);
        long segments = 0;

        long allocated = SteadyAllocation.Fewest(() =>
        {
            segmenter.Reset();
            segments = 0;
            for (int offset = 0; offset < Events; offset += Chunk)
            {
                segmenter.Consume(Source, offset, Chunk);
                while (segmenter.NextSegment())
                {
                    segments++;
                }

                segmenter.AdvanceTo(Source[offset + Chunk - 1].TimestampMicroseconds);
                while (segmenter.NextSegment())
                {
                    segments++;
                }
            }

            segmenter.Finish();
            while (segmenter.NextSegment())
            {
                segments++;
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(segmenter.WindowsClosed > 10, $"{segmenter.WindowsClosed} windows");
        Assert.True(segments >= segmenter.WindowsClosed);
    }
}
