using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.SegmenterHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

/// <summary>
/// The segmenter against whole-stream readings of its definitions (<see cref="SegmenterOracle"/>), on random live
/// streams with late events and AdvanceTo promises, whole and cut into chunks.
/// </summary>
public class StreamSegmenterPropertyTests
{
    private static (StreamSegmenter Segmenter, Func<IReadOnlyList<StreamItem>, List<WindowRecord>> Oracle) RandomMode(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
            {
                long duration = random.Next(20, 400), hop = random.Next(20, 500);
                return (StreamSegmenter.FixedDuration(duration, hop), items => SegmenterOracle.FixedDuration(items, duration, hop, null));
            }

            case 1:
            {
                long duration = random.Next(20, 400), hop = random.Next(20, 500), origin = random.Next(-100, 800);
                return (StreamSegmenter.FixedDuration(duration, hop, origin), items => SegmenterOracle.FixedDuration(items, duration, hop, origin));
            }

            case 2:
            {
                int count = random.Next(1, 30), hop = random.Next(1, 40);
                return (StreamSegmenter.FixedCount(count, hop), items => SegmenterOracle.FixedCount(items, count, hop));
            }

            default:
            {
                long interval = random.Next(1, 60), duration = random.Next(1, 300);
                int threshold = random.Next(1, 6);
                return (StreamSegmenter.ActivityTriggered(interval, threshold, duration), items => SegmenterOracle.Activity(items, interval, threshold, duration));
            }
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_mode_gives_the_windows_of_its_definition_whole_and_in_random_chunks(int seed, bool withPromises)
    {
        var random = new Random(seed);
        var (segmenter, oracle) = RandomMode(random);
        StreamItem[] items = RandomItems(random, random.Next(250), withPromises);
        List<WindowRecord> expected = oracle(items);

        AssertSameWindows(expected, Run(segmenter, items, []));
        AssertSameWindows(expected, Run(segmenter, items, RandomCuts(random, items.Length, random.Next(1, 12))));
        return true.ToProperty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Cutting_the_stream_at_every_index_gives_the_same_windows(int seed)
    {
        var random = new Random(seed);
        var (segmenter, oracle) = RandomMode(random);
        StreamItem[] items = RandomItems(random, 150, withPromises: seed % 2 == 0);
        List<WindowRecord> expected = oracle(items);
        Assert.NotEmpty(expected);

        for (int cut = 0; cut <= items.Length; cut++)
        {
            AssertSameWindows(expected, Run(segmenter, items, [cut]));
        }
    }
}
