using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.TestSupport;
using Spiking.Edge.Trainer.Data;

namespace Spiking.Edge.Trainer.Tests.Data;

public sealed class EventDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void NMnist_subset_training_split_reads_with_digit_labels_in_sorted_file_order()
    {
        string root = TestPaths.RequireNMnistSmall();

        var dataset = EventDataset.FromNMnistFolder(root, "Train", maxPerClass: 5);

        Assert.Equal((34, 34, 2, 10), (dataset.Width, dataset.Height, dataset.Polarities, dataset.ClassCount));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], dataset.Labels);
        Assert.Equal(50, dataset.Samples.Count);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(d => Enumerable.Repeat(d, 5)), dataset.Samples.Select(s => s.Label));
        string firstZero = Directory.GetFiles(Path.Combine(root, "Train", "0"), "*.bin").Order(StringComparer.Ordinal).First();
        Assert.Equal(new FileInfo(firstZero).Length / 5, dataset.Samples[0].Events.Length);
        Assert.All(dataset.Samples, s => Assert.True(s.Events.Length > 500, $"only {s.Events.Length} events"));
    }

    [SkippableFact]
    public void NMnist_subset_test_split_reads_all_its_samples()
    {
        string root = TestPaths.RequireNMnistSmall();

        var dataset = EventDataset.FromNMnistFolder(root, "Test");

        Assert.Equal(Directory.GetFiles(Path.Combine(root, "Test"), "*.bin", SearchOption.AllDirectories).Length, dataset.Samples.Count);
    }

    [Fact]
    public void Missing_split_folder_is_reported_with_the_expected_path()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => EventDataset.FromNMnistFolder(_folder.Path, "Train"));

        Assert.Contains(Path.Combine(_folder.Path, "Train"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_root_folder_is_reported()
    {
        string root = Path.Combine(_folder.Path, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => EventDataset.FromNMnistFolder(root, "Test"));

        Assert.StartsWith(root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_without_bin_files_is_reported_as_empty()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "Test", "3"));

        var error = Assert.Throws<InvalidDataException>(() => EventDataset.FromNMnistFolder(_folder.Path, "Test"));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_images_become_saccade_event_samples_deterministically()
    {
        var (images, labels) = WriteIdx(12);
        var options = new SaccadeOptions { Seed = 3 };

        var first = EventDataset.FromIdx(images, labels, options, limit: 10, labels: ["a", "b", "c"]);
        var second = EventDataset.FromIdx(images, labels, options, limit: 10, labels: ["a", "b", "c"]);

        Assert.Equal(10, first.Samples.Count);
        Assert.Equal((34, 34, 2, 3), (first.Width, first.Height, first.Polarities, first.ClassCount));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i % 3), first.Samples.Select(s => s.Label));
        for (int i = 0; i < 10; i++)
        {
            Assert.NotEmpty(first.Samples[i].Events);
            Assert.Equal(first.Samples[i].Events, second.Samples[i].Events);
            Assert.Equal(SaccadeConverter.Convert(ImagePixels(i), 28, 28, options), first.Samples[i].Events);
        }
    }

    [Fact]
    public void Idx_labels_default_to_numbers_up_to_the_largest_label()
    {
        var (images, labels) = WriteIdx(4);

        var dataset = EventDataset.FromIdx(images, labels, new SaccadeOptions());

        Assert.Equal(["0", "1", "2"], dataset.Labels);
    }

    [Fact]
    public void Idx_label_without_a_class_name_is_refused()
    {
        var (images, labels) = WriteIdx(4);

        var error = Assert.Throws<InvalidDataException>(() => EventDataset.FromIdx(images, labels, new SaccadeOptions(), labels: ["a", "b"]));

        Assert.Contains("label 2 has no class name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_image_and_label_counts_must_agree()
    {
        string images = _folder.File("i", IdxFiles.Images(2, 28, 28, (_, _, _) => 0));
        string labels = _folder.File("l", IdxFiles.Labels([0, 1, 2]));

        Assert.Throws<InvalidDataException>(() => EventDataset.FromIdx(images, labels, new SaccadeOptions()));
    }

    [Fact]
    public void Split_is_stratified_disjoint_complete_and_seeded()
    {
        var dataset = Synthetic(100, classes: 4);

        var (train, validation) = dataset.Split(0.2, seed: 1);
        var (train2, validation2) = dataset.Split(0.2, seed: 1);
        var (_, validation3) = dataset.Split(0.2, seed: 2);

        Assert.Equal(80, train.Samples.Count);
        Assert.Equal(20, validation.Samples.Count);
        Assert.All(Enumerable.Range(0, 4), c => Assert.Equal(5, validation.Samples.Count(s => s.Label == c)));
        Assert.Empty(train.Samples.Intersect(validation.Samples));
        Assert.Equal(validation.Samples, validation2.Samples);
        Assert.Equal(train.Samples, train2.Samples);
        Assert.NotEqual(validation.Samples, validation3.Samples);
        Assert.Equal(dataset.Labels, train.Labels);
    }

    [Fact]
    public void Take_keeps_the_first_samples_and_the_geometry()
    {
        var dataset = Synthetic(10, classes: 2);

        var first = dataset.Take(3);

        Assert.Equal(dataset.Samples.Take(3), first.Samples);
        Assert.Equal(dataset.Samples, dataset.Take(50).Samples);
        Assert.Equal((dataset.Width, dataset.Height, dataset.Polarities), (first.Width, first.Height, first.Polarities));
    }

    [Fact]
    public void Sample_label_outside_the_classes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EventDataset(2, 2, 2, [new EventSample([], 2)], ["a", "b"]));
    }

    private static EventDataset Synthetic(int count, int classes)
    {
        var samples = Enumerable.Range(0, count).Select(i => new EventSample([new Event(0, 0, 1, i)], i % classes)).ToArray();
        return new EventDataset(4, 4, 2, samples, Enumerable.Range(0, classes).Select(c => $"class {c}").ToArray());
    }

    private static byte[] ImagePixels(int i)
    {
        var pixels = new byte[28 * 28];
        for (int r = 0; r < 28; r++)
        {
            for (int c = 0; c < 28; c++)
            {
                pixels[(r * 28) + c] = Pixel(i, r, c);
            }
        }

        return pixels;
    }

    // A bright square whose position depends on the image index.
    private static byte Pixel(int i, int r, int c) => r >= 6 + (i % 5) && r < 16 + (i % 5) && c >= 8 && c < 18 + (i % 3) ? (byte)220 : (byte)10;

    private (string Images, string Labels) WriteIdx(int count)
    {
        string images = _folder.File("images.gz", IdxFiles.Gzip(IdxFiles.Images(count, 28, 28, Pixel)));
        string labels = _folder.File("labels", IdxFiles.Labels(Enumerable.Range(0, count).Select(i => (byte)(i % 3)).ToArray()));
        return (images, labels);
    }
}
