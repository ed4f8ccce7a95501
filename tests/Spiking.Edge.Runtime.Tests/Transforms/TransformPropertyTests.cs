using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

/// <summary>Properties of the transforms on random streams and random chunkings.</summary>
public class TransformPropertyTests
{
    private static bool IsSubsequence(Event[] part, Event[] whole)
    {
        int i = 0;
        foreach (Event e in whole)
        {
            if (i < part.Length && part[i].Equals(e))
            {
                i++;
            }
        }

        return i == part.Length;
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Denoise_output_is_a_subsequence_of_its_input_and_each_kept_event_had_support(int seed, bool includeSelf)
    {
        var random = new Random(seed);
        Event[] input = RandomStream(random, random.Next(300), 16, 12, 40);
        long window = random.Next(1, 100);

        Event[] output = Whole(new NeighbourDenoise(16, 12, window, includeSelf), input);

        // Independent reading on a time-ordered stream: some earlier event of the neighbourhood lies within the window.
        var expected = input.Where((e, n) => input.Take(n).Any(q =>
            Math.Abs(q.X - e.X) <= 1 && Math.Abs(q.Y - e.Y) <= 1 && (includeSelf || q.X != e.X || q.Y != e.Y)
            && e.TimestampMicroseconds - q.TimestampMicroseconds <= window)).ToArray();
        return (IsSubsequence(output, input) && output.SequenceEqual(expected)).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Refractory_keeps_no_two_events_at_a_pixel_closer_than_the_period_and_drops_only_those(int seed)
    {
        var random = new Random(seed);
        Event[] input = RandomStream(random, random.Next(300), 6, 5, 30);
        long period = random.Next(1, 150);

        Event[] output = Whole(new RefractoryFilter(6, 5, period), input);

        bool spaced = output.GroupBy(e => (e.X, e.Y)).All(g => g.Zip(g.Skip(1), (a, b) => b.TimestampMicroseconds - a.TimestampMicroseconds >= period).All(ok => ok));
        // Every dropped event has a kept event at its pixel less than a period earlier.
        var kept = new HashSet<int>();
        int k = 0;
        bool dropsJustified = true;
        for (int n = 0; n < input.Length; n++)
        {
            if (k < output.Length && output[k].Equals(input[n]))
            {
                kept.Add(n);
                k++;
                continue;
            }

            Event e = input[n];
            dropsJustified &= kept.Any(m => input[m].X == e.X && input[m].Y == e.Y && e.TimestampMicroseconds - input[m].TimestampMicroseconds < period);
        }

        return (IsSubsequence(output, input) && spaced && dropsJustified).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Downsampled_events_lie_within_the_target_and_each_cell_fires_once_per_k_inputs(int seed)
    {
        var random = new Random(seed);
        int width = random.Next(1, 60), height = random.Next(1, 60);
        int targetWidth = random.Next(1, width + 1), targetHeight = random.Next(1, height + 1), k = random.Next(1, 4);
        Event[] input = RandomStream(random, random.Next(300), width, height, 10);
        var downsample = random.Next(2) == 0
            ? new SpatialDownsample(width, height, targetWidth, targetHeight, k)
            : SpatialDownsample.ByFactor(width, height, random.Next(1, 8), k);

        Event[] output = Whole(downsample, input);

        bool inside = output.All(e => e.X < downsample.OutputWidth && e.Y < downsample.OutputHeight && e.Polarity <= 1);
        var inputsPerCell = input.GroupBy(e => (downsample.OutputColumn(e.X), downsample.OutputRow(e.Y), e.Polarity)).ToDictionary(g => g.Key, g => g.Count());
        var outputsPerCell = output.GroupBy(e => ((int)e.X, (int)e.Y, e.Polarity)).ToDictionary(g => g.Key, g => g.Count());
        bool counts = inputsPerCell.All(c => outputsPerCell.GetValueOrDefault(c.Key) == c.Value / k) && outputsPerCell.Keys.All(inputsPerCell.ContainsKey);
        return (inside && counts).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property A_pipeline_equals_its_stages_applied_one_after_the_other(int seed)
    {
        var random = new Random(seed);
        Event[] input = RandomStream(random, random.Next(300), 40, 30, 25);
        IEventTransform[] Stages() =>
        [
            new CropCentre(40, 30, 30, 20),
            new NeighbourDenoise(30, 20, 60, includeSelf: false),
            new SpatialDownsample(30, 20, 10, 10, 2),
            new RefractoryFilter(10, 10, 30),
            new PolarityMerge(10, 10, PolarityMode.OnOnly),
        ];

        Event[] sequential = Stages().Aggregate(input, (events, stage) => Whole(stage, events));
        Event[] pipelined = Whole(new EventPipeline(Stages()), input);

        return sequential.SequenceEqual(pipelined).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Random_chunkings_give_the_whole_stream_output_for_every_transform(int seed)
    {
        var random = new Random(seed);
        Event[] input = RandomStream(random, random.Next(400), 24, 18, 30);
        IEventTransform[] transforms =
        [
            new CropCentre(24, 18, 3, 2, 15, 12),
            SpatialDownsample.ByFactor(24, 18, 3, random.Next(1, 4)),
            new NeighbourDenoise(24, 18, random.Next(1, 80), random.Next(2) == 0),
            new RefractoryFilter(24, 18, random.Next(1, 80)),
            new PolarityMerge(24, 18, (PolarityMode)random.Next(3)),
            new EventPipeline([new NeighbourDenoise(24, 18, 50, includeSelf: true), new SpatialDownsample(24, 18, 5, 5, 3)]),
        ];

        int[] cuts = RandomCuts(random, input.Length, random.Next(1, 8));
        return transforms.All(t => Whole(t, input).SequenceEqual(Chunked(t, input, cuts))).ToProperty();
    }
}
