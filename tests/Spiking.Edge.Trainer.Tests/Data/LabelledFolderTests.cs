using Spiking.Edge.Devices;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.TestSupport;
using Spiking.Edge.Trainer.Data;
using static Spiking.Edge.Trainer.Tests.Data.LabelledRecordings;

namespace Spiking.Edge.Trainer.Tests.Data;

public sealed class LabelledFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_folder_of_mixed_formats_reads_every_file_with_folder_names_as_labels_in_ordinal_order()
    {
        var random = new Random(1);
        var written = new Dictionary<string, (Event[] Events, string Label)>();
        string[] labels = ["cat", "dog", "emu"];
        for (int f = 0; f < Formats.Length; f++)
        {
            var (format, extension) = Formats[f];
            string label = labels[f % labels.Length];
            var events = Random(random, 200 + f, 34, 34);
            written[Write(_folder.Path, "Train", label, $"s{f}{extension}", events, 34, 34, format)] = (events, label);
        }

        var dataset = EventDataset.FromLabelledFolder(_folder.Path, "train");

        Assert.Equal((34, 34, 2), (dataset.Width, dataset.Height, dataset.Polarities));
        Assert.Equal(labels, dataset.Labels);
        Assert.Null(dataset.Transform);
        var expected = written.OrderBy(w => w.Value.Label, StringComparer.Ordinal).ThenBy(w => Path.GetFileName(w.Key), StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Length, dataset.Samples.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(Array.IndexOf(labels, expected[i].Value.Label), dataset.Samples[i].Label);
            Assert.Equal(Tuples(expected[i].Value.Events), Tuples(dataset.Samples[i].Events));
        }
    }

    [SkippableFact]
    public void The_NMnist_subset_reads_exactly_as_the_NMnist_reader_reads_it()
    {
        string root = TestPaths.RequireNMnistSmall();

        var labelled = EventDataset.FromLabelledFolder(root, "Train", maxPerClass: 4);
        var nmnist = EventDataset.FromNMnistFolder(root, "Train", maxPerClass: 4);

        Assert.Equal((nmnist.Width, nmnist.Height, nmnist.Polarities), (labelled.Width, labelled.Height, labelled.Polarities));
        Assert.Equal(nmnist.Labels, labelled.Labels);
        Assert.Equal(nmnist.Samples.Count, labelled.Samples.Count);
        for (int i = 0; i < nmnist.Samples.Count; i++)
        {
            Assert.Equal(nmnist.Samples[i].Label, labelled.Samples[i].Label);
            Assert.Equal(Tuples(nmnist.Samples[i].Events), Tuples(labelled.Samples[i].Events));
        }
    }

    [Fact]
    public void A_transform_runs_on_each_sample_afresh_and_sets_the_geometry_for_files_of_different_sensors()
    {
        var random = new Random(2);
        var small = Random(random, 3000, 64, 64);
        var large = Random(random, 3000, 128, 96);
        Write(_folder.Path, "Train", "a", "1.raw", small, 64, 64, EventWriteFormat.Evt3);
        Write(_folder.Path, "Train", "b", "1.aedat4", large, 128, 96, EventWriteFormat.Aedat4);
        Write(_folder.Path, "Train", "b", "2.raw", small, 64, 64, EventWriteFormat.Evt21);
        const string Spec = " Downsample:16x16:k=2 , refractory:1000";

        var dataset = EventDataset.FromLabelledFolder(_folder.Path, "Train", transform: Spec);

        Assert.Equal((16, 16, 2), (dataset.Width, dataset.Height, dataset.Polarities));
        Assert.Equal("downsample:16x16:k=2,refractory:1000", dataset.Transform);
        Assert.Equal(Tuples(TransformSpec.Parse(Spec, 64, 64).TransformSample(small)), Tuples(dataset.Samples[0].Events));
        Assert.Equal(Tuples(TransformSpec.Parse(Spec, 128, 96).TransformSample(large)), Tuples(dataset.Samples[1].Events));
        Assert.Equal(Tuples(dataset.Samples[0].Events), Tuples(dataset.Samples[2].Events)); // same file content: pipeline state reset
        Assert.True(dataset.Samples[0].Events.Length < small.Length);
        Assert.All(dataset.Samples.SelectMany(s => s.Events), e => Assert.True(e.X < 16 && e.Y < 16));
    }

    [Fact]
    public void A_polarity_merging_transform_gives_one_polarity()
    {
        Write(_folder.Path, "Test", "x", "a.raw", Random(new Random(3), 100, 40, 30), 40, 30, EventWriteFormat.Evt21);

        var dataset = EventDataset.FromLabelledFolder(_folder.Path, "Test", transform: "crop:20x20,polarity:merge");

        Assert.Equal((20, 20, 1), (dataset.Width, dataset.Height, dataset.Polarities));
        Assert.All(dataset.Samples[0].Events, e => Assert.Equal(0, e.Polarity));
    }

    [Fact]
    public void Files_whose_geometries_differ_are_refused_naming_the_first_that_differs()
    {
        Write(_folder.Path, "Train", "a", "1.raw", Random(new Random(4), 50, 64, 64), 64, 64, EventWriteFormat.Evt3);
        Write(_folder.Path, "Train", "a", "2.raw", Random(new Random(5), 50, 64, 64), 64, 64, EventWriteFormat.Evt3);
        string odd = Write(_folder.Path, "Train", "b", "1.raw", Random(new Random(6), 50, 60, 64), 60, 64, EventWriteFormat.Evt3);
        Write(_folder.Path, "Train", "c", "1.raw", Random(new Random(7), 50, 32, 32), 32, 32, EventWriteFormat.Evt3);

        var error = Assert.Throws<InvalidDataException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Train"));

        Assert.StartsWith($"{odd}: 60 x 64 x 2 events differ from the 64 x 64 x 2 of the first file ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        var transformed = Assert.Throws<InvalidDataException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Train", transform: "downsample:2"));
        Assert.StartsWith($"{odd}: 30 x 32 x 2 events after the transform downsample:2 differ from the 32 x 32 x 2 ", transformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_fails_naming_the_file_and_offset_and_nothing_is_returned()
    {
        var random = new Random(8);
        Write(_folder.Path, "Train", "a", "1.bin", Random(random, 20, 34, 34), 34, 34, EventWriteFormat.NMnist);
        string cut = Write(_folder.Path, "Train", "b", "1.bin", Random(random, 20, 34, 34), 34, 34, EventWriteFormat.NMnist);
        string later = Write(_folder.Path, "Train", "c", "1.bin", Random(random, 20, 34, 34), 34, 34, EventWriteFormat.NMnist);
        File.WriteAllBytes(cut, File.ReadAllBytes(cut)[..^2]);
        File.WriteAllBytes(later, [1, 2, 3]);

        var error = Assert.Throws<EventStreamException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Train"));

        Assert.StartsWith($"{cut}: byte offset 95: truncated record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_no_known_format_fails_naming_it()
    {
        Write(_folder.Path, "Train", "a", "1.raw", Random(new Random(9), 20, 34, 34), 34, 34, EventWriteFormat.Evt3);
        string text = Path.Combine(_folder.Path, "Train", "a", "notes.txt");
        File.WriteAllText(text, "not events");

        var error = Assert.Throws<EventStreamException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Train"));

        Assert.StartsWith(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transform_that_does_not_fit_a_file_names_the_element_and_the_file()
    {
        string path = Write(_folder.Path, "Train", "a", "1.raw", Random(new Random(10), 20, 20, 20), 20, 20, EventWriteFormat.Evt3);

        var error = Assert.Throws<TransformSpecException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Train", transform: "downsample:34x34"));

        Assert.StartsWith("transform element 1 \"downsample:34x34\": ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(input 20 x 20) (file {path})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_files_are_skipped_and_at_most_max_per_class_files_are_read_in_name_order()
    {
        var random = new Random(11);
        var events = Enumerable.Range(0, 4).Select(_ => Random(random, 30, 34, 34)).ToArray();
        for (int i = 0; i < events.Length; i++)
        {
            Write(_folder.Path, "Train", "7", $"{3 - i}.raw", events[i], 34, 34, EventWriteFormat.Evt21);
        }

        File.WriteAllText(Path.Combine(_folder.Path, "Train", "7", ".DS_Store"), "x");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "Train", ".cache"));

        var dataset = EventDataset.FromLabelledFolder(_folder.Path, "Train", maxPerClass: 2);

        Assert.Equal(["7"], dataset.Labels);
        Assert.Equal([Tuples(events[3]), Tuples(events[2])], dataset.Samples.Select(s => Tuples(s.Events)));
    }

    [Fact]
    public void Given_labels_fix_the_label_order_and_refuse_an_unknown_label_folder()
    {
        Write(_folder.Path, "Test", "dog", "1.raw", Random(new Random(12), 20, 34, 34), 34, 34, EventWriteFormat.Evt21);

        var dataset = EventDataset.FromLabelledFolder(_folder.Path, "Test", labels: ["cat", "dog"]);

        Assert.Equal(["cat", "dog"], dataset.Labels);
        Assert.Equal(1, dataset.Samples[0].Label);
        var error = Assert.Throws<InvalidDataException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Test", labels: ["cat", "emu"]));
        Assert.Contains("label folder \"dog\" is not one of the 2 classes (cat, emu)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_split_and_a_missing_split_are_refused()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "Train", "a"));

        Assert.Throws<InvalidDataException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Train"));
        var missing = Assert.Throws<DirectoryNotFoundException>(() => EventDataset.FromLabelledFolder(_folder.Path, "Test"));
        Assert.StartsWith(Path.Combine(_folder.Path, "Test"), missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_and_take_keep_the_transform()
    {
        var random = new Random(13);
        for (int i = 0; i < 4; i++)
        {
            Write(_folder.Path, "Train", "a", $"{i}.raw", Random(random, 40, 64, 64), 64, 64, EventWriteFormat.Evt3);
        }

        var dataset = EventDataset.FromLabelledFolder(_folder.Path, "Train", transform: "downsample:4");
        var (train, validation) = dataset.Split(0.5, 1);

        Assert.Equal(("downsample:4", "downsample:4", "downsample:4"), (train.Transform, validation.Transform, dataset.Take(1).Transform));
    }
}
