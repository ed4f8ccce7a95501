using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public sealed class RawFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prophesee-raw-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(RawEventFormat.Evt21, Evt21ByteOrder.Little, "% format EVT21;endianness=little;height=240;width=320\n% end\n")]
    [InlineData(RawEventFormat.Evt21, Evt21ByteOrder.Legacy, "% format EVT21;endianness=legacy;height=240;width=320\n% end\n")]
    [InlineData(RawEventFormat.Evt3, Evt21ByteOrder.Little, "% format EVT3;height=240;width=320\n% end\n")]
    public void Written_file_has_the_format_header_and_reads_back_the_same_events(RawEventFormat format, Evt21ByteOrder order, string header)
    {
        var events = PropheseeStreams.Events(new Random(3), 2_000, 320, 240, 1L << 35);
        string path = Path.Combine(_folder, "capture.raw");

        RawFile.Write(path, events, events.Length, format, 320, 240, order);
        var recording = RawFile.Read(path);

        Assert.StartsWith(header, Encoding.ASCII.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
        Assert.Equal(events, recording.Events);
        Assert.Equal(format, recording.Format);
        Assert.Equal((320, 240), (recording.Width, recording.Height));
        Assert.Equal(new PropheseeCounters { TimeLoops = recording.Counters.TimeLoops }, recording.Counters);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Refused_events_leave_no_file_and_no_temporary_file()
    {
        string path = Path.Combine(_folder, "bad.raw");
        Event[] events = [new(1, 1, 1, 10), new(1, 1, 1, 5)];

        var error = Assert.Throws<ArgumentException>(() => RawFile.Write(path, events, 2, RawEventFormat.Evt3, 32, 32));

        Assert.Contains("event 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Rewriting_replaces_the_whole_file()
    {
        string path = Path.Combine(_folder, "again.raw");
        RawFile.Write(path, PropheseeStreams.Events(new Random(1), 500, 32, 32, 1000), 500, RawEventFormat.Evt3, 32, 32);
        Event[] fewer = [new(3, 4, 1, 7)];

        RawFile.Write(path, fewer, 1, RawEventFormat.Evt21, 32, 32);

        Assert.Equal(fewer, RawFile.Read(path).Events);
    }

    [Fact]
    public void Evt2_bodies_are_read_but_not_written()
    {
        var error = Assert.Throws<ArgumentException>(() => RawFile.Write(new MemoryStream(), [], 0, RawEventFormat.Evt2, 32, 32));

        Assert.Equal("format", error.ParamName);
    }

    [Fact]
    public void A_malformed_file_names_its_path_and_offset()
    {
        string path = Path.Combine(_folder, "unknown.raw");
        File.WriteAllText(path, "% format EVT4;height=10;width=10\n% end\n");

        var error = Assert.Throws<EventStreamException>(() => RawFile.Read(path));

        Assert.Equal(path, error.Source);
        Assert.Equal(0, error.Offset);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Random_streams_round_trip_through_raw_files_whatever_the_cuts(int seed, PositiveInt count, bool evt3, bool legacy)
    {
        var random = new Random(seed);
        var format = evt3 ? RawEventFormat.Evt3 : RawEventFormat.Evt21;
        var events = PropheseeStreams.Events(random, count.Get % 300, 640, 480, random.Next(2) == 0 ? 1L << 36 : 50_000);
        using var stream = new MemoryStream();
        RawFile.Write(stream, events, events.Length, format, 640, 480, legacy ? Evt21ByteOrder.Legacy : Evt21ByteOrder.Little);
        byte[] data = stream.ToArray();

        int[] cuts = [random.Next(60), random.Next(data.Length + 1)];
        var outcome = PropheseeHarness.Run(() => new RawFileDecoder("fixture"), data, cuts, 1 + random.Next(40));

        return (outcome.Error == null && events.SequenceEqual(outcome.Events)).ToProperty();
    }
}
