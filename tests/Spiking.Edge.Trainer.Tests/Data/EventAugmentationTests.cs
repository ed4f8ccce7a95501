using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Pipeline;
using static Spiking.Edge.Trainer.Tests.Data.LabelledRecordings;

namespace Spiking.Edge.Trainer.Tests.Data;

public sealed class EventAugmentationTests
{
    [Fact]
    public void The_same_seed_sample_and_draw_give_the_same_events_and_another_draw_or_seed_others()
    {
        var augmentation = EventAugmentation.Parse("shift:2,flip-x,drop:0.1,jitter-us:1000");
        var events = Random(new Random(1), 2000, 34, 34);

        var first = augmentation.Apply(events, 34, 34, 7, 3, 0);

        Assert.Equal(Tuples(first), Tuples(augmentation.Apply(events, 34, 34, 7, 3, 0)));
        Assert.NotEqual(Tuples(first), Tuples(augmentation.Apply(events, 34, 34, 7, 3, 1)));
        Assert.NotEqual(Tuples(first), Tuples(augmentation.Apply(events, 34, 34, 8, 3, 0)));
        Assert.NotEqual(Tuples(first), Tuples(augmentation.Apply(events, 34, 34, 7, 4, 0)));
        Assert.Equal(Tuples(Random(new Random(1), 2000, 34, 34)), Tuples(events)); // input untouched
    }

    [Fact]
    public void Augmented_events_stay_inside_the_geometry_in_time_order_from_time_zero()
    {
        var augmentation = EventAugmentation.Parse("shift:5,flip-x,jitter-us:3000");
        var events = Random(new Random(2), 3000, 20, 12);

        for (int draw = 0; draw < 50; draw++)
        {
            var augmented = augmentation.Apply(events, 20, 12, 1, 0, draw);

            Assert.All(augmented, e => Assert.True(e.X < 20 && e.Y < 12 && e.TimestampMicroseconds >= 0, $"event {e.X},{e.Y} at {e.TimestampMicroseconds}"));
            Assert.True(augmented.Zip(augmented.Skip(1)).All(p => p.First.TimestampMicroseconds <= p.Second.TimestampMicroseconds));
            Assert.InRange(augmented.Length, 1, events.Length);
        }
    }

    [Fact]
    public void A_shift_moves_every_event_by_one_offset_within_the_bound_and_drops_those_pushed_off()
    {
        var augmentation = EventAugmentation.Parse("shift:3");
        var events = Random(new Random(3), 500, 16, 16);
        var candidates = from dx in Enumerable.Range(-3, 7) from dy in Enumerable.Range(-3, 7) select (dx, dy);
        var offsets = new HashSet<(int, int)>();

        for (int draw = 0; draw < 40; draw++)
        {
            var augmented = Tuples(augmentation.Apply(events, 16, 16, 5, 0, draw));

            var matching = candidates.Where(c => Shifted(events, c.dx, c.dy).SequenceEqual(augmented)).ToArray();
            offsets.Add(Assert.Single(matching));
        }

        Assert.True(offsets.Count > 10, $"only {offsets.Count} distinct offsets in 40 draws");
    }

    [Fact]
    public void A_flip_mirrors_whole_samples_about_half_of_the_time()
    {
        var augmentation = EventAugmentation.Parse("FLIP-X");
        var events = Random(new Random(4), 300, 10, 10);
        var mirrored = Tuples(events.Select(e => new Event((ushort)(9 - e.X), e.Y, e.Polarity, e.TimestampMicroseconds)));

        int flips = 0;
        for (int draw = 0; draw < 200; draw++)
        {
            var augmented = Tuples(augmentation.Apply(events, 10, 10, 9, 1, draw));
            bool flipped = augmented.SequenceEqual(mirrored);
            Assert.True(flipped || augmented.SequenceEqual(Tuples(events)));
            flips += flipped ? 1 : 0;
        }

        Assert.InRange(flips, 70, 130);
    }

    [Fact]
    public void Drop_removes_about_the_given_fraction_and_keeps_the_rest_unchanged()
    {
        var events = Random(new Random(5), 100_000, 34, 34);

        var augmented = EventAugmentation.Parse("drop:0.25").Apply(events, 34, 34, 3, 0, 0);

        Assert.InRange(augmented.Length, 74_000, 76_000);
        Assert.True(IsSubsequence(Tuples(augmented), Tuples(events)));
    }

    [Fact]
    public void Jitter_moves_each_time_by_at_most_the_bound()
    {
        var events = Enumerable.Range(0, 1000).Select(i => new Event((ushort)(i % 34), (ushort)(i / 34 % 34), (byte)(i % 2), 5_000 + (i * 10L))).ToArray();

        var augmented = EventAugmentation.Parse("jitter-us:400").Apply(events, 34, 34, 11, 2, 0);

        Assert.Equal(events.Length, augmented.Length);
        var original = events.ToDictionary(e => (e.X, e.Y, e.Polarity));
        Assert.All(augmented, e => Assert.InRange(e.TimestampMicroseconds - original[(e.X, e.Y, e.Polarity)].TimestampMicroseconds, -400, 400));
        Assert.Contains(augmented, e => e.TimestampMicroseconds != original[(e.X, e.Y, e.Polarity)].TimestampMicroseconds);
        Assert.True(augmented.Zip(augmented.Skip(1)).All(p => p.First.TimestampMicroseconds <= p.Second.TimestampMicroseconds));
    }

    [Fact]
    public void A_spec_is_normalised_in_the_order_the_changes_are_applied()
    {
        var augmentation = EventAugmentation.Parse(" jitter-us:1000 , Shift:2,flip-x,drop:0.1");

        Assert.Equal((2, true, 0.1, 1000L), (augmentation.ShiftPixels, augmentation.FlipX, augmentation.DropFraction, augmentation.JitterMicroseconds));
        Assert.Equal("drop:0.1,flip-x,shift:2,jitter-us:1000", augmentation.Describe());
        Assert.Equal(augmentation, EventAugmentation.Parse(augmentation.Describe()));
    }

    [Theory]
    [InlineData("", "augmentation spec is empty")]
    [InlineData("blur:3", "augment element 1 \"blur:3\": unknown augmentation \"blur\"")]
    [InlineData("shift:2,,flip-x", "augment element 2 \"\": is empty")]
    [InlineData("shift:-1", "augment element 1 \"shift:-1\": \"-1\" is not a whole number in 1..65535")]
    [InlineData("shift", "augment element 1 \"shift\": shift needs one argument")]
    [InlineData("flip-x:1", "augment element 1 \"flip-x:1\": flip-x takes no argument")]
    [InlineData("drop:1", "augment element 1 \"drop:1\": \"1\" is not a fraction in (0, 1)")]
    [InlineData("drop:0", "\"0\" is not a fraction in (0, 1)")]
    [InlineData("jitter-us:1.5", "augment element 1 \"jitter-us:1.5\": \"1.5\" is not a whole number")]
    [InlineData("shift:1,shift:2", "augment element 2 \"shift:2\": shift is given more than once")]
    public void A_bad_spec_is_refused_in_one_line_naming_the_element(string spec, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => EventAugmentation.Parse(spec));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("spec", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static IEnumerable<(int X, int Y, int P, long T)> Shifted(Event[] events, int dx, int dy) =>
        events.Select(e => (X: e.X + dx, Y: e.Y + dy, P: (int)e.Polarity, T: e.TimestampMicroseconds)).Where(e => e.X is >= 0 and < 16 && e.Y is >= 0 and < 16);

    private static bool IsSubsequence((int X, int Y, int P, long T)[] part, (int X, int Y, int P, long T)[] whole)
    {
        int j = 0;
        foreach (var e in part)
        {
            while (j < whole.Length && whole[j] != e)
            {
                j++;
            }

            if (j++ == whole.Length)
            {
                return false;
            }
        }

        return true;
    }
}
