using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Tests.Support;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Devices.Tests.Formats.NMnist;

public sealed class NMnistFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nmnist-file-tests-" + Guid.NewGuid().ToString("N"));

    public NMnistFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Written_file_reads_back_the_same_events_and_leaves_no_temporary_file()
    {
        var events = RandomStreams.Events(new Random(3), 500, 40_000);
        string path = Path.Combine(_folder, "sample.bin");

        NMnistFile.Write(path, events, 400);

        Assert.Equal(events.Take(400), NMnistFile.Read(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Failed_write_keeps_the_previous_file_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_folder, "sample.bin");
        NMnistFile.Write(path, [new Event(1, 1, 1, 1)], 1);

        Assert.Throws<ArgumentException>(() => NMnistFile.Write(path, [new Event(1, 1, 1, 1), new Event(40, 1, 1, 2)], 2));

        Assert.Equal([new Event(1, 1, 1, 1)], NMnistFile.Read(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Reading_a_truncated_file_names_the_path_and_offset()
    {
        string path = Fixtures.NMnist("truncated-tail.bin");

        var error = Assert.Throws<EventStreamException>(() => NMnistFile.Read(path));

        Assert.Equal(path, error.Source);
        Assert.Equal(10, error.Offset);
        Assert.StartsWith(path + ": byte offset 10: truncated record", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_training_file_of_the_NMnist_subset_reads_in_range_and_in_time_order()
    {
        string root = TestPaths.RequireNMnistSmall();
        var files = Directory.GetFiles(Path.Combine(root, "Train"), "*.bin", SearchOption.AllDirectories);
        Assert.True(files.Length >= 1000, $"expected the 1,000 training files, found {files.Length}");

        long total = 0, on = 0;
        foreach (string file in files)
        {
            var events = NMnistFile.Read(file);
            Assert.Equal(new FileInfo(file).Length / 5, events.Length);
            for (int i = 0; i < events.Length; i++)
            {
                Assert.InRange(events[i].X, 0, 33);
                Assert.InRange(events[i].Y, 0, 33);
                Assert.InRange(events[i].Polarity, 0, 1);
                if (i > 0)
                {
                    Assert.True(events[i].TimestampMicroseconds >= events[i - 1].TimestampMicroseconds, $"{file}: event {i} goes back in time");
                }
            }

            total += events.Length;
            on += events.Count(e => e.Polarity == 1);
        }

        // Both polarities occur in quantity (about half ON in N-MNIST).
        Assert.InRange((double)on / total, 0.2, 0.8);
    }
}
