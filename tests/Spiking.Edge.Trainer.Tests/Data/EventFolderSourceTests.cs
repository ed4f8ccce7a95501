using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;
using static Spiking.Edge.Trainer.Tests.Data.LabelledRecordings;

namespace Spiking.Edge.Trainer.Tests.Data;

/// <summary>DataSource and SampleSet over labelled event folders: transforms set the input geometry, augmentation changes training batches only.</summary>
[Collection("TorchSharp")]
public sealed class EventFolderSourceTests : IDisposable
{
    private static readonly InputTiming Timing = new(10_000, 10);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_320_by_320_recording_set_downsampled_to_34_by_34_gives_a_2312_input_network()
    {
        var random = new Random(1);
        foreach (string label in new[] { "left", "right" })
        {
            Write(_folder.Path, "Train", label, "1.raw", Random(random, 500, 320, 320), 320, 320, EventWriteFormat.Evt3);
        }

        var set = DataSource.Open(_folder.Path, "Train", new InputEncoding { Transform = "downsample:34x34" }, Timing, seed: 1);
        using var network = (SpikingNetwork)ModelFactory.Create("lif", [8], "none", set.InputSize, set.ClassCount, seed: 1);

        Assert.Equal((34, 34, 2, 2312), (set.Width, set.Height, set.Polarities, set.InputSize));
        Assert.Equal(2312, network.InputSize);
        Assert.Equal("downsample:34x34", set.Transform);
        Assert.Equal("recorded events, transform downsample:34x34", set.Describe());
        var untransformed = DataSource.Open(_folder.Path, "Train", new InputEncoding(), Timing, seed: 1);
        Assert.Equal(320 * 320 * 2, untransformed.InputSize);
    }

    [Fact]
    public void Both_splits_share_one_label_order_and_the_limit_is_shared_out_per_class()
    {
        var random = new Random(2);
        foreach (string label in new[] { "a", "b", "c" })
        {
            for (int i = 0; i < 3; i++)
            {
                Write(_folder.Path, "Train", label, $"{i}.raw", Random(random, 50, 34, 34), 34, 34, EventWriteFormat.Evt21);
            }
        }

        Write(_folder.Path, "Test", "c", "1.raw", Random(random, 50, 34, 34), 34, 34, EventWriteFormat.Evt21);
        Write(_folder.Path, "Test", "d", "1.raw", Random(random, 50, 34, 34), 34, 34, EventWriteFormat.Evt21);

        var test = DataSource.Open(_folder.Path, "Test", new InputEncoding(), Timing, seed: 1).ToEvents();
        var train = DataSource.Open(_folder.Path, "Train", new InputEncoding(), Timing, seed: 1, limit: 5).ToEvents();

        Assert.Equal(["a", "b", "c", "d"], test.Labels);
        Assert.Equal([2, 3], test.Samples.Select(s => s.Label));
        Assert.Equal(["a", "b", "c", "d"], train.Labels);
        Assert.Equal([0, 0, 1, 1, 2], train.Samples.Select(s => s.Label));
    }

    [Fact]
    public void Transforms_and_augmentation_are_refused_for_IDX_images()
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, "train-images-idx3-ubyte"), IdxFiles.Images(2, 4, 4, (_, r, c) => (byte)(r * c)));
        File.WriteAllBytes(Path.Combine(_folder.Path, "train-labels-idx1-ubyte"), IdxFiles.Labels([0, 1]));

        var transform = Assert.Throws<ArgumentException>(() => DataSource.Open(_folder.Path, "Train", new InputEncoding { Transform = "downsample:2" }, Timing, 1));
        var augment = Assert.Throws<ArgumentException>(() => DataSource.Open(_folder.Path, "Train", new InputEncoding { Augment = "flip-x" }, Timing, 1));

        Assert.Contains("transforms and augmentation apply to recorded events", transform.Message, StringComparison.Ordinal);
        Assert.Equal(transform.Message, augment.Message);
        Assert.Equal(2, DataSource.Open(_folder.Path, "Train", new InputEncoding(), Timing, 1).Count);
    }

    [Fact]
    public void Augmentation_changes_training_batches_only_and_is_the_same_for_the_same_seed()
    {
        var random = new Random(3);
        foreach (string label in new[] { "a", "b" })
        {
            for (int i = 0; i < 4; i++)
            {
                Write(_folder.Path, "Train", label, $"{i}.raw", Random(random, 400, 16, 16), 16, 16, EventWriteFormat.Evt3);
            }
        }

        var encoding = new InputEncoding { Augment = "shift:2,drop:0.2,jitter-us:2000" };
        var (train, validation) = DataSource.Open(_folder.Path, "Train", encoding, Timing, seed: 5).Split(0.25, seed: 1);
        var (sameTrain, _) = DataSource.Open(_folder.Path, "Train", encoding, Timing, seed: 5).Split(0.25, seed: 1);
        var plain = DataSource.Open(_folder.Path, "Train", new InputEncoding(), Timing, seed: 5).ToEvents();
        int[] all = [.. Enumerable.Range(0, train.Count)];

        var training = train.Batches(Timing, redraw: true);
        var repeat = sameTrain.Batches(Timing, redraw: true);
        float[] epoch1 = Fill(training, all), epoch2 = Fill(training, all);

        Assert.Equal(epoch1, Fill(repeat, all));
        Assert.Equal(epoch2, Fill(repeat, all));
        Assert.NotEqual(epoch1, epoch2);
        float[] unaugmented = Fill(new EventBatchSource(train.ToEvents(), Timing), all);
        Assert.NotEqual(unaugmented, epoch1);
        Assert.Equal(unaugmented, Fill(train.Batches(Timing, redraw: false), all));
        int[] held = [.. Enumerable.Range(0, validation.Count)];
        Assert.Equal(Fill(new EventBatchSource(validation.ToEvents(), Timing), held), Fill(validation.Batches(Timing, redraw: false), held));
        Assert.Equal(plain.Samples.Select(s => Tuples(s.Events)), DataSource.Open(_folder.Path, "Train", encoding, Timing, seed: 5).ToEvents().Samples.Select(s => Tuples(s.Events)));
        Assert.Equal("recorded events, training augmentation drop:0.2,shift:2,jitter-us:2000", train.Describe());
    }

    [Fact]
    public void The_augmented_batch_source_bins_the_augmented_events_of_each_pass()
    {
        var events = Random(new Random(4), 300, 16, 16);
        var dataset = new EventDataset(16, 16, 2, [new EventSample(events, 0), new EventSample(events, 1)], ["a", "b"]);
        var augmentation = EventAugmentation.Parse("flip-x,shift:1");
        var source = new EventBatchSource(dataset, Timing, augmentation, seed: 9);

        Fill(source, [1]);
        float[] second = Fill(source, [1]);

        var expected = new EventDataset(16, 16, 2, [new EventSample(augmentation.Apply(events, 16, 16, 9, 1, 1), 1)], ["a", "b"]);
        Assert.Equal(Fill(new EventBatchSource(expected, Timing), [0]), second);
    }

    private static float[] Fill(Spiking.Edge.Trainer.Training.IBatchSource source, int[] indices)
    {
        var frames = new float[Timing.TicksPerSample * indices.Length * source.InputSize];
        source.FillBatch(indices, frames, new long[indices.Length]);
        return frames;
    }
}
