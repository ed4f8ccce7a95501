using System.Buffers.Binary;
using System.Text;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Devices.Tests.Formats.Aedat;
using Spiking.Edge.Devices.Tests.Formats.Prophesee;
using Spiking.Edge.Devices.Tests.Support;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Devices.Tests.Formats;

public sealed class EventFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "event-files-tests-" + Guid.NewGuid().ToString("N"));

    public EventFilesTests() => Directory.CreateDirectory(_folder);

    public static TheoryData<string> ContentKinds => ["aedat2", "aedat31", "aedat4", "raw-format", "raw-evt", "dat"];

    public static TheoryData<EventWriteFormat> WriteFormats =>
        [EventWriteFormat.NMnist, EventWriteFormat.Evt21, EventWriteFormat.Evt21Legacy, EventWriteFormat.Evt3, EventWriteFormat.Aedat4];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(ContentKinds))]
    public void Every_headed_format_is_recognised_by_content_under_an_unknown_extension(string kind)
    {
        var (bytes, format, events) = Sample(kind);
        string path = Put("recording.events", bytes);

        var info = EventFiles.Detect(path);
        var recording = EventFiles.ReadAll(path);

        Assert.Equal((format, EventFileEvidence.Content), (info.Format, info.DetectedBy));
        Assert.Equal(events, recording.Events);
    }

    [Theory]
    [InlineData("aedat4", "recording.bin")]
    [InlineData("aedat31", "recording.raw")]
    [InlineData("raw-format", "recording.dat")]
    [InlineData("dat", "recording.raw")]
    [InlineData("aedat2", "recording.aedat4")]
    public void The_content_wins_over_a_wrong_extension(string kind, string name)
    {
        var (bytes, format, events) = Sample(kind);
        string path = Put(name, bytes);

        var recording = EventFiles.ReadAll(path);

        Assert.Equal((format, EventFileEvidence.Content), (recording.Info.Format, recording.Info.DetectedBy));
        Assert.Equal(events, recording.Events);
    }

    [Fact]
    public void An_NMnist_file_is_recognised_by_its_bin_extension()
    {
        var events = Events34(new Random(1), 300);
        string path = Path.Combine(_folder, "digit.bin");
        NMnistFile.Write(path, events, events.Length);

        var recording = EventFiles.ReadAll(path);

        Assert.Equal((EventFileFormat.NMnist, EventFileEvidence.Extension), (recording.Info.Format, recording.Info.DetectedBy));
        Assert.Equal((34, 34), (recording.Width, recording.Height));
        Assert.Equal(events, recording.Events);
    }

    [Fact]
    public void A_dat_file_without_header_lines_is_recognised_by_extension_and_read_as_bare_records()
    {
        var events = new[] { new Event(3, 4, 1, 10), new Event(5, 6, 0, 20) };
        string path = Put("bare.dat", DatBytes(header: null, events));

        var recording = EventFiles.ReadAll(path);

        Assert.Equal((EventFileFormat.PropheseeDat, EventFileEvidence.Extension), (recording.Info.Format, recording.Info.DetectedBy));
        Assert.Equal(events, recording.Events);
    }

    [Fact]
    public void A_raw_file_whose_header_names_no_format_is_recognised_by_extension_and_refused_by_the_decoder()
    {
        string path = Put("headless.raw", Encoding.ASCII.GetBytes("% camera_integrator_name Prophesee\n% end\n"));

        Assert.Equal(EventFileEvidence.Extension, EventFiles.Detect(path).DetectedBy);
        var error = Assert.Throws<EventStreamException>(() => EventFiles.ReadAll(path));
        Assert.Contains("names no event format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aedat4_extension_without_the_magic_is_refused_at_byte_0()
    {
        string path = Put("broken.aedat4", Encoding.ASCII.GetBytes("hello, not a recording\n"));

        Assert.Equal((EventFileFormat.Aedat4, EventFileEvidence.Extension), (EventFiles.Detect(path).Format, EventFiles.Detect(path).DetectedBy));
        var error = Assert.Throws<EventStreamException>(() => EventFiles.ReadAll(path));
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void An_aedat_extension_without_a_known_first_line_is_refused_quoting_it()
    {
        string path = Put("broken.aedat", Encoding.ASCII.GetBytes("hello, not a recording\r\nmore"));

        var error = Assert.Throws<EventStreamException>(() => EventFiles.Detect(path));

        Assert.Equal(path + ": byte offset 0: not an AEDAT 2.0, 3.1 or 4.0 file: it starts with 'hello, not a recording'", error.Message);
    }

    [Fact]
    public void An_unsupported_AEDAT_version_is_named()
    {
        string path = Put("old.aedat", Encoding.ASCII.GetBytes("#!AER-DAT3.0\r\n#!END-HEADER\r\n"));

        var error = Assert.Throws<EventStreamException>(() => EventFiles.Detect(path));

        Assert.Contains("'#!AER-DAT3.0' is not a supported AEDAT version", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "extension '.txt'")]
    [InlineData("noextension", "no extension")]
    public void An_unknown_file_is_refused_in_one_line_listing_the_supported_formats(string name, string said)
    {
        var bytes = new byte[500];
        new Random(5).NextBytes(bytes);
        bytes[0] = (byte)'x';
        string path = Put(name, bytes);

        var error = Assert.Throws<EventStreamException>(() => EventFiles.Open(path));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(path + ": byte offset 0: not a recognised event file", error.Message, StringComparison.Ordinal);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        foreach (string format in new[] { "N-MNIST .bin", "RAW .raw", "DAT .dat", "AEDAT 2.0 / 3.1 .aedat", "AEDAT 4.0 .aedat4" })
        {
            Assert.Contains(format, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ch.unizh.ini.jaer.chip.retina.DVS128", Aedat2AddressConvention.Dvs128, 128, 128)]
    [InlineData("eu.seebetter.ini.chips.davis.Davis346B", Aedat2AddressConvention.Davis, 346, 260)]
    [InlineData("DAVIS240C", Aedat2AddressConvention.Davis, 240, 180)]
    public void An_AEDAT2_sensor_is_taken_from_the_AEChip_header_line(string chip, Aedat2AddressConvention convention, int width, int height)
    {
        string path = Put("jaer.aedat", Aedat2Bytes.Build(["#!AER-DAT2.0", "# AEChip: " + chip]));

        var info = EventFiles.Detect(path);

        Assert.Equal((convention, width, height), (info.Aedat2!.Convention, info.Aedat2.Width, info.Aedat2.Height));
    }

    [Fact]
    public void An_AEDAT2_file_naming_no_chip_needs_the_sensor_from_the_caller()
    {
        string path = Put("jaer.aedat", Aedat2Bytes.Build(Aedat2Bytes.Header, (Aedat2Bytes.Davis(10, 20, 1), 5)));

        var error = Assert.Throws<EventStreamException>(() => EventFiles.OpenDecoder(path));
        var recording = EventFiles.ReadAll(path, Aedat2Options.Davis346);

        Assert.Contains("AEChip", error.Message, StringComparison.Ordinal);
        Assert.Equal([new Event(346 - 1 - 10, 260 - 1 - 20, 1, 5)], recording.Events);
    }

    [Theory]
    [MemberData(nameof(WriteFormats))]
    public void Every_writable_format_round_trips_through_Write_and_ReadAll(EventWriteFormat format)
    {
        var events = Events34(new Random(7), 2000);
        string path = Path.Combine(_folder, "round" + Extension(format));

        EventFiles.Write(path, events, 34, 34, format);
        var recording = EventFiles.ReadAll(path);

        Assert.Equal(events, recording.Events);
        Assert.Equal((34, 34), (recording.Width, recording.Height));
        Assert.Equal(format == EventWriteFormat.NMnist ? EventFileEvidence.Extension : EventFileEvidence.Content, recording.Info.DetectedBy);
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(EventWriteFormat.Evt21, "Prophesee RAW, EVT 2.1 (little-endian)")]
    [InlineData(EventWriteFormat.Evt21Legacy, "Prophesee RAW, EVT 2.1 (legacy byte order)")]
    [InlineData(EventWriteFormat.Evt3, "Prophesee RAW, EVT 3.0")]
    [InlineData(EventWriteFormat.Aedat4, "AEDAT 4.0 (Zstandard)")]
    public void Large_sensors_and_wrapping_times_round_trip_and_the_description_names_the_encoding(EventWriteFormat format, string description)
    {
        var events = PropheseeStreams.Events(new Random(9), 5000, 640, 480, 40_000_000);
        string path = Path.Combine(_folder, "wide" + Extension(format));

        EventFiles.Write(path, events, 640, 480, format, Aedat4Compression.Zstd);
        var recording = EventFiles.ReadAll(path);

        Assert.Equal(events, recording.Events);
        Assert.Equal((640, 480, description), (recording.Width, recording.Height, recording.Description));
    }

    [Theory]
    [MemberData(nameof(WriteFormats))]
    public void An_event_off_the_sensor_is_refused_before_any_file_is_created(EventWriteFormat format)
    {
        var events = new[] { new Event(1, 1, 1, 10), new Event(34, 2, 0, 20) };
        string path = Path.Combine(_folder, "refused" + Extension(format));

        var error = Assert.Throws<ArgumentException>(() => EventFiles.Write(path, events, 34, 34, format));

        Assert.Contains("event 1: x = 34, y = 2 is outside the 34 x 34 sensor", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [MemberData(nameof(WriteFormats))]
    public void A_refused_write_leaves_an_existing_target_as_it_was(EventWriteFormat format)
    {
        string path = Path.Combine(_folder, "kept" + Extension(format));
        var kept = new[] { new Event(1, 2, 1, 3) };
        EventFiles.Write(path, kept, 34, 34, format);
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<ArgumentException>(() => EventFiles.Write(path, [new Event(1, 1, 1, 50), new Event(1, 1, 0, 49)], 34, 34, format));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void NMnist_refuses_a_sensor_larger_than_34_by_34()
    {
        string path = Path.Combine(_folder, "big.bin");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EventFiles.Write(path, [new Event(1, 1, 1, 1)], 128, 128, EventWriteFormat.NMnist));

        Assert.Contains("N-MNIST files are 34 x 34: a 128 x 128 recording does not fit", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void NMnist_refuses_a_time_beyond_its_23_bit_field()
    {
        string path = Path.Combine(_folder, "long.bin");
        var events = new[] { new Event(1, 1, 1, NMnistFormat.MaxRawTimestamp), new Event(1, 1, 1, NMnistFormat.MaxRawTimestamp + 1) };

        var error = Assert.Throws<ArgumentException>(() => EventFiles.Write(path, events, 34, 34, EventWriteFormat.NMnist));

        Assert.Contains("event 1: timestamp 8388608 us is beyond the 23-bit time field", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Epoch_timestamps_are_refused_in_EVT3_but_written_in_AEDAT4()
    {
        var events = AedatEvents.Random(new Random(2), 100, 34, 34, 500);
        string raw = Path.Combine(_folder, "epoch.raw");
        string aedat = Path.Combine(_folder, "epoch.aedat4");

        var error = Assert.Throws<ArgumentException>(() => EventFiles.Write(raw, events, 34, 34, EventWriteFormat.Evt3));
        EventFiles.Write(aedat, events, 34, 34, EventWriteFormat.Aedat4);

        Assert.Contains("MiB of TIME_HIGH words", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(raw));
        Assert.Equal(events, EventFiles.ReadAll(aedat).Events);
    }

    [Fact]
    public void The_streaming_reader_gives_the_same_events_as_ReadAll_across_many_chunks()
    {
        var events = PropheseeStreams.Events(new Random(4), 60_000, 320, 320, 3000);
        string path = Path.Combine(_folder, "long.raw");
        EventFiles.Write(path, events, 320, 320, EventWriteFormat.Evt3);
        Assert.True(new FileInfo(path).Length > 2 * EventFileReader.ChunkBytes);

        var read = new List<Event>();
        var buffer = new Event[7];
        using (var reader = EventFiles.Open(path))
        {
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                read.AddRange(buffer.Take(n));
            }

            Assert.True(reader.IsComplete);
            Assert.Equal(events.Length, reader.EventCount);
        }

        Assert.Equal(events, read);
    }

    [Fact]
    public void OpenDecoder_gives_a_decoder_that_reads_the_file_fed_by_hand()
    {
        var events = Events34(new Random(8), 50);
        string path = Path.Combine(_folder, "fed.raw");
        EventFiles.Write(path, events, 34, 34, EventWriteFormat.Evt21Legacy);
        byte[] bytes = File.ReadAllBytes(path);

        var decoder = EventFiles.OpenDecoder(path);
        var output = new Event[events.Length];
        int n = decoder.Decode(bytes, 0, bytes.Length, output, 0, output.Length, out int consumed);
        decoder.Finish();

        Assert.IsType<RawFileDecoder>(decoder);
        Assert.Equal((bytes.Length, events.Length), (consumed, n));
        Assert.Equal(events, output);
    }

    [Fact]
    public void The_counters_report_what_the_decoder_dropped()
    {
        var events = new[] { new Event(3, 4, 1, 10), new Event(50, 6, 0, 20), new Event(5, 6, 0, 30) };
        string path = Put("cut.dat", DatBytes("% Version 2\n% Width 34\n% Height 34\n", events));

        var recording = EventFiles.ReadAll(path);

        Assert.Equal([events[0], events[2]], recording.Events);
        Assert.Contains(new EventFileCounter("dropped_out_of_geometry", 1), recording.Counters);
        Assert.Equal("Prophesee DAT version 2, CD events", recording.Description);
    }

    [Fact]
    public void A_truncated_file_fails_naming_the_path_and_the_offset()
    {
        var events = Events34(new Random(6), 10);
        string path = Path.Combine(_folder, "cut.bin");
        NMnistFile.Write(path, events, events.Length);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^2]);

        var error = Assert.Throws<EventStreamException>(() => EventFiles.ReadAll(path));

        Assert.StartsWith(path + ": byte offset 45: truncated record", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Real_NMnist_files_read_the_same_through_EventFiles()
    {
        string root = TestPaths.RequireNMnistSmall();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "Train"), "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(20))
        {
            var recording = EventFiles.ReadAll(file);
            Assert.Equal(EventFileFormat.NMnist, recording.Info.Format);
            Assert.Equal(NMnistFile.Read(file), recording.Events);
        }
    }

    private static Event[] Events34(Random random, int count)
    {
        var events = RandomStreams.Events(random, count, 2000);
        Assert.True(events[^1].TimestampMicroseconds <= NMnistFormat.MaxRawTimestamp);
        return events;
    }

    private static string Extension(EventWriteFormat format) => format switch
    {
        EventWriteFormat.NMnist => ".bin",
        EventWriteFormat.Aedat4 => ".aedat4",
        _ => ".raw",
    };

    /// <summary>A small file of each headed format, built in code, and the events it holds.</summary>
    private static (byte[] Bytes, EventFileFormat Format, Event[] Events) Sample(string kind)
    {
        var events = new[] { new Event(3, 4, 1, 100), new Event(7, 2, 0, 250), new Event(8, 2, 0, 250) };
        switch (kind)
        {
            case "aedat2":
                // DVS128, jAER orientation: x = 127 − raw x, y = 127 − raw y, raw polarity 0 = ON.
                var dvs = events.Select(e => (Aedat2Bytes.Dvs128(127 - e.X, 127 - e.Y, 1 - e.Polarity), (uint)e.TimestampMicroseconds)).ToArray();
                return (Aedat2Bytes.Build(["#!AER-DAT2.0", "# AEChip: ch.unizh.ini.jaer.chip.retina.DVS128"], dvs), EventFileFormat.Aedat2, events);
            case "aedat31":
                var polarity = events.Select(e => ((int)e.X, (int)e.Y, (int)e.Polarity, (int)e.TimestampMicroseconds, true)).ToArray();
                return (Aedat31Bytes.Concat(Aedat31Bytes.Header(Aedat31Bytes.Davis346Header), Aedat31Bytes.Polarity(0, 0, polarity)), EventFileFormat.Aedat31, events);
            case "aedat4":
                return (AedatEvents.Write(events, 34, 34, Aedat4Compression.Lz4, 2), EventFileFormat.Aedat4, events);
            case "raw-format":
                return (RawBytes(events, RawEventFormat.Evt3), EventFileFormat.PropheseeRaw, events);
            case "raw-evt":
                byte[] body = PropheseeStreams.Evt3(events, 34, 34);
                byte[] header = Encoding.ASCII.GetBytes("% camera_integrator_name Prophesee\n% evt 3.0\n% geometry 34x34\n% end\n");
                return ([.. header, .. body], EventFileFormat.PropheseeRaw, events);
            default:
                return (DatBytes("% Data file containing Event2D events.\n% Version 2\n% Width 34\n% Height 34\n", events), EventFileFormat.PropheseeDat, events);
        }
    }

    private static byte[] RawBytes(Event[] events, RawEventFormat format)
    {
        using var stream = new MemoryStream();
        RawFile.Write(stream, events, events.Length, format, 34, 34, Evt21ByteOrder.Little);
        return stream.ToArray();
    }

    /// <summary>A DAT file: the header text (null: none at all), type and size bytes (Event2D, 8), then CD records.</summary>
    private static byte[] DatBytes(string? header, Event[] events)
    {
        var bytes = new List<byte>();
        if (header != null)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes(header));
            bytes.Add(DatFormat.TypeEvent2D);
            bytes.Add(DatFormat.RecordBytes);
        }

        var record = new byte[DatFormat.RecordBytes];
        foreach (var e in events)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)e.TimestampMicroseconds);
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), e.X | (e.Y << 14) | (e.Polarity << 28));
            bytes.AddRange(record);
        }

        return [.. bytes];
    }

    private string Put(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
