using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

public sealed class AedatFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aedat-tests-" + Guid.NewGuid().ToString("N"));

    public AedatFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(Aedat4Compression.None)]
    [InlineData(Aedat4Compression.Lz4)]
    [InlineData(Aedat4Compression.Zstd)]
    public void Aedat4_files_round_trip_and_leave_no_temporary_file(Aedat4Compression compression)
    {
        var events = AedatEvents.Random(new Random(11), 5000, 640, 480, 300);
        string path = Path.Combine(_folder, "capture.aedat4");

        Aedat4File.Write(path, events, 640, 480, compression, eventsPerPacket: 1000);
        var recording = Aedat4File.Read(path);

        Assert.Equal(events, recording.Events);
        Assert.Equal((640, 480, "4.0"), (recording.Width, recording.Height, recording.Version));
        Assert.Equal(["capture.aedat4"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_refused_event_leaves_neither_the_target_nor_a_temporary_file()
    {
        string path = Path.Combine(_folder, "bad.aedat4");

        Assert.Throws<ArgumentException>(() => Aedat4File.Write(path, [new Event(1, 1, 1, 10), new Event(1, 1, 1, 9)], 8, 8));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Any_version_is_read_by_the_decoder_its_first_line_names()
    {
        string v2 = Save("v2.aedat", Aedat2Bytes.Build((Aedat2Bytes.Davis(0, 0, 1), 7)));
        string v31 = Save("v31.aedat", Aedat31Bytes.Concat(Aedat31Bytes.Header(Aedat31Bytes.Davis346Header), Aedat31Bytes.Polarity(0, 0, (3, 4, 1, 9, true))));
        string v4 = Path.Combine(_folder, "v4.aedat4");
        Aedat4File.Write(v4, [new Event(5, 6, 0, 11)], 346, 260);

        var fromV2 = AedatFile.Read(v2, Aedat2Options.Davis346);
        Assert.Equal((346, 260, "2.0"), (fromV2.Width, fromV2.Height, fromV2.Version));
        Assert.Equal(new Event(345, 259, 1, 7), fromV2.Events.Single());
        Assert.Equal(new Event(3, 4, 1, 9), AedatFile.Read(v31).Events.Single());
        Assert.Equal("3.1", AedatFile.Read(v31).Version);
        Assert.Equal(new Event(5, 6, 0, 11), AedatFile.Read(v4).Events.Single());
    }

    [Fact]
    public void An_aedat2_file_needs_the_sensor_options()
    {
        string v2 = Save("v2.aedat", Aedat2Bytes.Build((Aedat2Bytes.Davis(0, 0, 1), 7)));

        var error = Assert.Throws<ArgumentException>(() => AedatFile.Read(v2));

        Assert.Equal("aedat2", error.ParamName);
    }

    [Fact]
    public void Unknown_and_malformed_files_are_refused_naming_the_path_and_offset()
    {
        string unknown = Save("unknown.aedat", "%% not aedat\n"u8.ToArray());
        string truncated = Save("truncated.aedat", Aedat31Bytes.Concat(Aedat31Bytes.Header(Aedat31Bytes.Davis346Header), Aedat31Bytes.Polarity(0, 0, (3, 4, 1, 9, true))[..^2]));

        var notAedat = Assert.Throws<EventStreamException>(() => AedatFile.Read(unknown));
        var cut = Assert.Throws<EventStreamException>(() => AedatFile.Read(truncated));

        Assert.Equal((unknown, 0L), (notAedat.Source, notAedat.Offset));
        Assert.Contains("not an AEDAT 2.0, 3.1 or 4.0 file", notAedat.Message, StringComparison.Ordinal);
        Assert.Equal(truncated, cut.Source);
        Assert.Contains("truncated packet", cut.Message, StringComparison.Ordinal);
    }

    private string Save(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
