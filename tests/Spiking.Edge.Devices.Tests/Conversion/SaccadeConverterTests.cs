using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Conversion;

public class SaccadeConverterTests
{
    private static readonly SaccadeOptions Defaults = new();

    [Fact]
    public void Same_seed_gives_identical_events()
    {
        byte[] image = TestImages.Ring(28, 28);

        var first = SaccadeConverter.Convert(image, 28, 28, Defaults with { Seed = 5 });
        var second = SaccadeConverter.Convert(image, 28, 28, Defaults with { Seed = 5 });

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_threshold_mismatch_and_events()
    {
        byte[] image = TestImages.Ring(28, 28);

        var first = SaccadeConverter.Convert(image, 28, 28, Defaults with { Seed = 1 });
        var second = SaccadeConverter.Convert(image, 28, 28, Defaults with { Seed = 2 });

        Assert.False(first.SequenceEqual(second));
    }

    [Fact]
    public void Events_lie_on_the_sensor_within_the_three_saccades_and_sorted_by_time()
    {
        var options = Defaults with { SensorWidth = 40, SensorHeight = 36 };
        var events = SaccadeConverter.Convert(TestImages.Ring(28, 28), 28, 28, options);

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.InRange(e.X, 0, 39);
            Assert.InRange(e.Y, 0, 35);
            Assert.InRange(e.Polarity, 0, 1);
            Assert.InRange(e.TimestampMicroseconds, 0, (3 * options.SaccadeDurationMicroseconds) - 1);
        });
        for (int i = 1; i < events.Length; i++)
        {
            Assert.True(events[i].TimestampMicroseconds >= events[i - 1].TimestampMicroseconds, $"event {i} goes back in time");
        }
    }

    [Fact]
    public void Moving_edges_give_both_polarities_in_similar_numbers()
    {
        var events = SaccadeConverter.Convert(TestImages.Ring(28, 28), 28, 28, Defaults);

        int on = events.Count(e => e.Polarity == 1);
        int off = events.Length - on;
        Assert.True(on > 0 && off > 0, $"ON {on}, OFF {off}");
        Assert.InRange((double)on / events.Length, 0.3, 0.7);
    }

    [Fact]
    public void Every_saccade_produces_events()
    {
        var events = SaccadeConverter.Convert(TestImages.Ring(28, 28), 28, 28, Defaults);

        for (int saccade = 0; saccade < 3; saccade++)
        {
            long from = saccade * (long)Defaults.SaccadeDurationMicroseconds;
            long to = from + Defaults.SaccadeDurationMicroseconds;
            Assert.Contains(events, e => e.TimestampMicroseconds >= from && e.TimestampMicroseconds < to);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    public void Uniform_image_filling_the_sensor_gives_no_events(byte level)
    {
        byte[] image = Enumerable.Repeat(level, 60 * 60).ToArray();

        Assert.Empty(SaccadeConverter.Convert(image, 60, 60, Defaults));
    }

    [Fact]
    public void Blank_image_gives_no_events()
    {
        Assert.Empty(SaccadeConverter.Convert(new byte[28 * 28], 28, 28, Defaults));
    }

    [Fact]
    public void Lower_threshold_gives_more_events()
    {
        byte[] image = TestImages.Ring(28, 28);

        int coarse = SaccadeConverter.Convert(image, 28, 28, Defaults with { ContrastThreshold = 0.6 }).Length;
        int fine = SaccadeConverter.Convert(image, 28, 28, Defaults with { ContrastThreshold = 0.2 }).Length;

        Assert.True(fine > 2 * coarse, $"threshold 0.2 gave {fine} events, 0.6 gave {coarse}");
    }

    [Fact]
    public void Refractory_period_keeps_events_of_a_pixel_apart()
    {
        var options = Defaults with { RefractoryMicroseconds = 5_000 };
        var events = SaccadeConverter.Convert(TestImages.Ring(28, 28), 28, 28, options);

        Assert.NotEmpty(events);
        foreach (var pixel in events.GroupBy(e => (e.X, e.Y)))
        {
            var times = pixel.Select(e => e.TimestampMicroseconds).ToArray();
            for (int i = 1; i < times.Length; i++)
            {
                Assert.True(times[i] - times[i - 1] >= 5_000, $"pixel {pixel.Key}: events {times[i - 1]} and {times[i]}");
            }
        }
    }

    [Fact]
    public void Mismatched_pixel_count_and_bad_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SaccadeConverter.Convert(new byte[10], 28, 28, Defaults));
        var error = Assert.Throws<ArgumentException>(() => SaccadeConverter.Convert(new byte[4], 2, 2, Defaults with { ContrastThreshold = 0 }));
        Assert.Contains("ContrastThreshold", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SaccadeConverter.Convert(new byte[4], 2, 2, Defaults with { StepMicroseconds = 0 }));
    }
}
