using Spiking.Edge.Trainer.Encoders;

namespace Spiking.Edge.Trainer.Tests.Encoders;

public sealed class RateEncoderTests
{
    [Fact]
    public void A_white_pixel_at_full_gain_fires_every_tick_and_a_black_one_never()
    {
        var encoder = new RateEncoder(2, 1, ticks: 25, tickMicroseconds: 1000);
        var events = encoder.Encode([255, 0], 2, 1, sampleIndex: 3, draw: 0);

        Assert.Equal(25, events.Length);
        Assert.All(events, e => Assert.Equal((0, 0, 0), (e.X, e.Y, e.Polarity)));
        Assert.Equal(Enumerable.Range(0, 25).Select(k => k * 1000L), events.Select(e => e.TimestampMicroseconds));
    }

    [Fact]
    public void Grey_pixels_fire_at_the_gain_scaled_rate_within_five_standard_deviations()
    {
        const int ticks = 400;
        var encoder = new RateEncoder(4, 1, ticks, 1000, gain: 0.5, seed: 9);
        byte[] image = [51, 102, 204, 255];
        var counts = new int[4];
        for (int sample = 0; sample < 50; sample++)
        {
            foreach (var e in encoder.Encode(image, 4, 1, sample, 0))
            {
                counts[e.X]++;
            }
        }

        for (int x = 0; x < 4; x++)
        {
            double p = 0.5 * image[x] / 255.0, n = 50.0 * ticks;
            double sigma = Math.Sqrt(n * p * (1 - p));
            Assert.InRange(counts[x], (n * p) - (5 * sigma), (n * p) + (5 * sigma));
        }
    }

    [Fact]
    public void The_same_sample_and_draw_give_the_same_events_and_another_draw_differs()
    {
        var encoder = new RateEncoder(28, 28, 25, 1000, seed: 4);
        byte[] image = Enumerable.Range(0, 784).Select(i => (byte)(i % 256)).ToArray();
        var first = encoder.Encode(image, 28, 28, 7, 0);
        var again = new RateEncoder(28, 28, 25, 1000, seed: 4).Encode(image, 28, 28, 7, 0);
        var redraw = encoder.Encode(image, 28, 28, 7, 1);

        Assert.Equal(first, again);
        Assert.NotEqual(first, redraw);
    }

    [Fact]
    public void Events_come_in_time_order()
    {
        var events = new RateEncoder(3, 3, 10, 500).Encode([.. Enumerable.Repeat((byte)128, 9)], 3, 3, 0, 0);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.TimestampMicroseconds <= p.Second.TimestampMicroseconds));
    }

    [Fact]
    public void An_image_of_the_wrong_size_is_refused_naming_both_sizes()
    {
        var encoder = new RateEncoder(28, 28, 25, 1000);
        var error = Assert.Throws<ArgumentException>(() => encoder.Encode(new byte[10], 5, 2, 0, 0));
        Assert.Contains("5×2", error.Message, StringComparison.Ordinal);
        Assert.Contains("28×28", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_gain_outside_zero_to_one_is_refused(double gain) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateEncoder(2, 2, 5, 1000, gain));
}
