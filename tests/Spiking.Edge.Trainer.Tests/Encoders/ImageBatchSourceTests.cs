using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Trainer.Encoders;
using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Tests.Data;

namespace Spiking.Edge.Trainer.Tests.Encoders;

public sealed class ImageBatchSourceTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Without_redraw_batches_equal_the_binned_fixed_event_set()
    {
        var data = Load(6);
        var encoder = new RateEncoder(28, 28, 8, 1000, gain: 0.7, seed: 3);
        var timing = new InputTiming(1000, 8);
        var source = new ImageBatchSource(data, encoder, timing, redraw: false);
        var events = data.ToEventDataset(encoder);

        int[] batch = [4, 1, 5];
        var frames = new float[8 * 3 * 784];
        var labels = new long[3];
        source.FillBatch(batch, frames, labels);

        var expected = new float[8 * 784];
        for (int b = 0; b < batch.Length; b++)
        {
            var sample = events.Samples[batch[b]];
            TimeBinner.Bin(sample.Events, 0, sample.Events.Length, 28, 28, 1, 1000, 8, 0, expected, 0);
            for (int t = 0; t < 8; t++)
            {
                Assert.Equal(expected.AsSpan(t * 784, 784).ToArray(), frames.AsSpan(((t * 3) + b) * 784, 784).ToArray());
            }

            Assert.Equal(sample.Label, labels[b]);
        }
    }

    [Fact]
    public void With_redraw_a_second_pass_over_a_sample_draws_new_spikes()
    {
        var data = Load(2);
        var source = new ImageBatchSource(data, new RateEncoder(28, 28, 10, 1000, gain: 0.5), new InputTiming(1000, 10), redraw: true);
        var first = new float[10 * 784];
        var second = new float[10 * 784];
        var labels = new long[1];
        source.FillBatch([1], first, labels);
        source.FillBatch([1], second, labels);

        Assert.NotEqual(first, second);
        Assert.Equal(first.Sum(), second.Sum(), 0.1 * first.Sum());
    }

    [Fact]
    public void Saccade_encoding_gives_the_converters_events_for_the_same_image()
    {
        var data = Load(1);
        var options = new SaccadeOptions { Seed = 2 };
        var events = data.ToEventDataset(new SaccadeEncoder(options));

        Assert.Equal(SaccadeConverter.Convert(data.PixelsOf(0), 28, 28, options), events.Samples[0].Events);
        Assert.Equal((34, 34, 2), (events.Width, events.Height, events.Polarities));
    }

    [Fact]
    public void Splitting_keeps_every_sample_once_and_holds_out_each_class_in_proportion()
    {
        var data = Load(40);
        var (train, validation) = data.Split(0.25, seed: 5);

        Assert.Equal(40, train.Count + validation.Count);
        var all = Enumerable.Range(0, train.Count).Select(train.FileIndex).Concat(Enumerable.Range(0, validation.Count).Select(validation.FileIndex));
        Assert.Equal(Enumerable.Range(0, 40), all.Order());
        for (int label = 0; label < 4; label++)
        {
            // 10 samples per class, round(0.25 × 10) = 3 (halves away from zero).
            Assert.Equal(3, Enumerable.Range(0, validation.Count).Count(i => validation.LabelOf(i) == label));
        }
    }

    [Fact]
    public void A_deterministic_encoding_gives_the_same_frames_from_its_cache_whatever_the_buffer_held()
    {
        var data = Load(5);
        var encoder = new SaccadeEncoder(new SaccadeOptions { Seed = 3 });
        var timing = new InputTiming(10_000, 31);
        var source = new ImageBatchSource(data, encoder, timing, redraw: true);
        int inputs = 34 * 34 * 2;
        var first = new float[31 * 2 * inputs];
        var labels = new long[2];
        source.FillBatch([3, 0], first, labels);

        var second = Enumerable.Repeat(7f, 31 * 3 * inputs).ToArray();
        source.FillBatch([1, 0, 3], second, new long[3]);

        var events = data.ToEventDataset(encoder);
        var expected = new float[31 * inputs];
        foreach (var (sample, slot) in new[] { (1, 0), (0, 1), (3, 2) })
        {
            var e = events.Samples[sample].Events;
            TimeBinner.Bin(e, 0, e.Length, 34, 34, 2, 10_000, 31, 0, expected, 0);
            for (int t = 0; t < 31; t++)
            {
                Assert.Equal(expected.AsSpan(t * inputs, inputs).ToArray(), second.AsSpan(((t * 3) + slot) * inputs, inputs).ToArray());
            }
        }

        Assert.Equal(second.AsSpan(2 * inputs, inputs).ToArray(), first.AsSpan(0, inputs).ToArray());
    }

    [Fact]
    public void Buffers_too_small_for_the_batch_are_refused()
    {
        var data = Load(2);
        var source = new ImageBatchSource(data, new RateEncoder(28, 28, 4, 1000), new InputTiming(1000, 4), redraw: false);
        Assert.Throws<ArgumentException>(() => source.FillBatch([0, 1], new float[784], new long[2]));
    }

    private ImageDataset Load(int count)
    {
        string images = folder.File("img.gz", IdxFiles.Gzip(IdxFiles.Images(count, 28, 28, (i, r, c) => (byte)((r * 28) + c + (i * 17) & 0xFF))));
        string labels = folder.File("lab", IdxFiles.Labels(Enumerable.Range(0, count).Select(i => (byte)(i % 4)).ToArray()));
        return ImageDataset.FromIdx(images, labels);
    }
}
