using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Spiking.Edge.Devices;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>`spiking convert`, `spiking events inspect` and `spiking events render` on small recordings crafted with the format writers.</summary>
public sealed class EventsCliTests : IDisposable
{
    private static readonly (string Flag, string Extension, EventWriteFormat Format)[] Writable =
    [
        ("nmnist", ".bin", EventWriteFormat.NMnist),
        ("evt21", ".raw", EventWriteFormat.Evt21),
        ("evt21-legacy", ".raw", EventWriteFormat.Evt21Legacy),
        ("evt3", ".raw", EventWriteFormat.Evt3),
        ("aedat4", ".aedat4", EventWriteFormat.Aedat4),
    ];

    private readonly string _folder = CliRunner.TempFolder();

    public static TheoryData<int, int> Pairs()
    {
        var pairs = new TheoryData<int, int>();
        for (int from = 0; from < Writable.Length; from++)
        {
            for (int to = 0; to < Writable.Length; to++)
            {
                if (from != to)
                {
                    pairs.Add(from, to);
                }
            }
        }

        return pairs;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("convert")]
    [InlineData("events", "inspect")]
    [InlineData("events", "render")]
    public void The_event_verbs_have_help(params string[] verb)
    {
        var (exit, output, _) = CliRunner.Run([.. verb, "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains(verb[^1], output, StringComparison.Ordinal);
        Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Converting_between_any_two_writable_formats_keeps_every_event(int from, int to)
    {
        var events = Digit(new Random(from * 10 + to), 1500);
        string source = Path.Combine(_folder, "source" + Writable[from].Extension);
        EventFiles.Write(source, events, 34, 34, Writable[from].Format);
        string target = Path.Combine(_folder, "target" + Writable[to].Extension);

        var (exit, output, error) = CliRunner.Run("convert", source, target, "--format", Writable[to].Flag);

        Assert.True(exit == 0, error);
        Assert.Contains("converted 1,500 events", output, StringComparison.Ordinal);
        var recording = EventFiles.ReadAll(target);
        Assert.Equal(events, recording.Events);
        Assert.Equal((34, 34), (recording.Width, recording.Height));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Theory]
    [InlineData("out.raw", null, "Prophesee RAW, EVT 2.1 (little-endian)")]
    [InlineData("out.aedat4", null, "AEDAT 4.0 (LZ4)")]
    [InlineData("out.aedat", "zstd", "AEDAT 4.0 (Zstandard)")]
    [InlineData("out.aedat4", "none", "AEDAT 4.0 (uncompressed)")]
    public void The_output_format_follows_the_extension_and_the_compression_flag(string name, string? compression, string description)
    {
        string source = Path.Combine(_folder, "digit.bin");
        var events = Digit(new Random(3), 400);
        NMnistFile.Write(source, events, events.Length);
        string target = Path.Combine(_folder, name);
        string[] args = compression == null ? ["convert", source, target] : ["convert", source, target, "--compression", compression];

        var (exit, _, error) = CliRunner.Run(args);

        Assert.True(exit == 0, error);
        var recording = EventFiles.ReadAll(target);
        Assert.Equal(description, recording.Description);
        Assert.Equal(events, recording.Events);
    }

    [Fact]
    public void Inspect_prints_the_count_geometry_ON_share_and_rates_of_a_crafted_file()
    {
        string path = Path.Combine(_folder, "crafted.raw");
        EventFiles.Write(path, Crafted(), 640, 480, EventWriteFormat.Evt3);

        var (exit, output, error) = CliRunner.Run("events", "inspect", path);

        Assert.True(exit == 0, error);
        Assert.Contains("format      Prophesee RAW, EVT 3.0 (recognised by content)", output, StringComparison.Ordinal);
        Assert.Contains("geometry    640 x 480", output, StringComparison.Ordinal);
        Assert.Contains("events      1,000", output, StringComparison.Ordinal);
        Assert.Contains("duration    0.999000 s (first 1,000 us, last 1,000,000 us)", output, StringComparison.Ordinal);
        Assert.Contains("rate        mean 1,001 ev/s, peak 10,000 ev/s (10 ms bins)", output, StringComparison.Ordinal);
        Assert.Contains("polarity    ON 30.0 % (300 ON, 700 OFF)", output, StringComparison.Ordinal);
        Assert.Contains("dropped_out_of_geometry 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_json_gives_the_same_figures_and_the_decoder_counters()
    {
        string path = Path.Combine(_folder, "crafted.dat");
        File.WriteAllBytes(path, DatWithOneRecordOffTheSensor());

        var (exit, output, error) = CliRunner.Run("events", "inspect", path, "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("prophesee_dat", root.GetProperty("format").GetString());
        Assert.Equal("content", root.GetProperty("detected_by").GetString());
        Assert.Equal((34, 34), (root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()));
        Assert.Equal(3, root.GetProperty("events").GetInt64());
        Assert.Equal(200.0 / 3, root.GetProperty("on_percent").GetDouble(), 9);
        Assert.Equal(20, root.GetProperty("duration_us").GetInt64());
        Assert.Equal(1, root.GetProperty("counters").GetProperty("dropped_out_of_geometry").GetInt64());
    }

    [Theory]
    [InlineData("10", "100", 4, 10)]
    [InlineData("10", "4", 2, 4)]
    [InlineData("33", "100", 1, 4)]
    public void Render_writes_the_expected_number_of_valid_PNG_frames(string frameMs, string maxFrames, int scale, int expected)
    {
        // Events from 5 ms to 104 ms, one per millisecond: 10 frames of 10 ms, 4 of 33 ms.
        var events = Enumerable.Range(0, 100).Select(i => new Event((ushort)(i % 20), (ushort)(i % 10), (byte)(i % 2), 5_000 + (i * 1_000))).ToArray();
        string path = Path.Combine(_folder, "moving.aedat4");
        EventFiles.Write(path, events, 20, 10, EventWriteFormat.Aedat4);
        string frames = Path.Combine(_folder, "frames");

        var (exit, output, error) = CliRunner.Run("events", "render", path, "--out", frames, "--frame-ms", frameMs, "--max-frames", maxFrames, "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exit == 0, error);
        Assert.Contains($"wrote {expected} frames", output, StringComparison.Ordinal);
        var files = Directory.GetFiles(frames).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(0, expected).Select(k => $"frame-{k:D4}.png"), files);
        foreach (string file in files)
        {
            byte[] png = File.ReadAllBytes(Path.Combine(frames, file));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal((20 * scale, 10 * scale), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
            Assert.Equal((8, 2), (png[24], png[25]));
            Assert.Equal("IEND", Encoding.ASCII.GetString(png, png.Length - 8, 4));
        }
    }

    [Fact]
    public void Render_draws_ON_and_OFF_pixels_in_two_colours_on_the_background()
    {
        string path = Path.Combine(_folder, "two.bin");
        NMnistFile.Write(path, [new Event(0, 0, 1, 10), new Event(2, 0, 0, 20)], 2);
        string frames = Path.Combine(_folder, "frames");

        var (exit, _, error) = CliRunner.Run("events", "render", path, "--out", frames, "--scale", "1");

        Assert.True(exit == 0, error);
        byte[] rgb = DecodeRgb(File.ReadAllBytes(Path.Combine(frames, "frame-0000.png")), 34, 34);
        byte[] on = rgb[0..3], background = rgb[3..6], off = rgb[6..9];
        Assert.NotEqual(on, off);
        Assert.NotEqual(on, background);
        Assert.NotEqual(off, background);
        Assert.Equal(background, rgb[^3..]);
    }

    [Fact]
    public void Converting_a_file_onto_itself_is_refused_and_leaves_it_intact()
    {
        string path = Path.Combine(_folder, "self.raw");
        EventFiles.Write(path, Digit(new Random(1), 100), 34, 34, EventWriteFormat.Evt21);
        byte[] before = File.ReadAllBytes(path);

        var (exit, _, error) = CliRunner.Run("convert", path, Path.Combine(_folder, ".", "self.raw"));

        AssertOneLineFailure(exit, error, "is the input file");
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Data_the_target_format_cannot_hold_is_refused_naming_OUT_and_nothing_is_written()
    {
        string source = Path.Combine(_folder, "wide.raw");
        EventFiles.Write(source, [new Event(100, 50, 1, 10)], 640, 480, EventWriteFormat.Evt21);
        string target = Path.Combine(_folder, "narrow.bin");

        var (exit, _, error) = CliRunner.Run("convert", source, target);

        AssertOneLineFailure(exit, error, "cannot write OUT '" + target + "': N-MNIST files are 34 x 34: a 640 x 480 recording does not fit");
        Assert.Equal([source], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Epoch_stamped_AEDAT4_needs_rebase_time_to_become_NMnist()
    {
        const long epoch = 1_704_067_200_000_000;
        var events = Digit(new Random(4), 200).Select(e => new Event(e.X, e.Y, e.Polarity, e.TimestampMicroseconds + epoch)).ToArray();
        string source = Path.Combine(_folder, "dv.aedat4");
        EventFiles.Write(source, events, 34, 34, EventWriteFormat.Aedat4);
        string target = Path.Combine(_folder, "dv.bin");

        var refused = CliRunner.Run("convert", source, target);
        var rebased = CliRunner.Run("convert", source, target, "--rebase-time");

        AssertOneLineFailure(refused.Exit, refused.Error, "beyond the 23-bit time field");
        Assert.True(rebased.Exit == 0, rebased.Error);
        long origin = events[0].TimestampMicroseconds;
        Assert.Equal(events.Select(e => new Event(e.X, e.Y, e.Polarity, e.TimestampMicroseconds - origin)), NMnistFile.Read(target));
    }

    [Theory]
    [InlineData("convert", "--format", "evt4", "--format must be")]
    [InlineData("convert", "--compression", "lz4", "--compression applies to AEDAT 4.0 output only")]
    [InlineData("convert", "--aedat2-sensor", "davis999", "--aedat2-sensor must be")]
    [InlineData("render", "--scale", "0", "--scale must be at least 1")]
    [InlineData("render", "--scale", "17", "--scale must be at most 16")]
    [InlineData("render", "--frame-ms", "-1", "--frame-ms must be")]
    [InlineData("render", "--max-frames", "0", "--max-frames must be at least 1")]
    public void Bad_flags_give_one_line_naming_the_flag_and_no_output(string verb, string flag, string value, string message)
    {
        string source = Path.Combine(_folder, "digit.bin");
        NMnistFile.Write(source, Digit(new Random(2), 50), 50);
        string target = Path.Combine(_folder, "out");
        string[] args = verb == "convert"
            ? ["convert", source, target + ".bin", flag, value]
            : ["events", "render", source, "--out", target, flag, value];

        var (exit, _, error) = CliRunner.Run(args);

        AssertOneLineFailure(exit, error, message);
        Assert.Equal([source], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void An_output_name_without_a_writable_extension_needs_format()
    {
        string source = Path.Combine(_folder, "digit.bin");
        NMnistFile.Write(source, Digit(new Random(2), 50), 50);

        var (exit, _, error) = CliRunner.Run("convert", source, Path.Combine(_folder, "out.dat"));

        AssertOneLineFailure(exit, error, "cannot tell the format from extension '.dat'");
        Assert.Equal([source], Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("inspect")]
    [InlineData("render")]
    public void An_unrecognised_file_gives_one_line_listing_the_formats_and_no_output(string verb)
    {
        string source = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(source, "shopping list: eggs, milk\n");
        string target = Path.Combine(_folder, "out");
        string[] args = verb switch
        {
            "convert" => ["convert", source, target + ".raw"],
            "inspect" => ["events", "inspect", source],
            _ => ["events", "render", source, "--out", target],
        };

        var (exit, _, error) = CliRunner.Run(args);

        AssertOneLineFailure(exit, error, "notes.txt: byte offset 0: not a recognised event file");
        Assert.Contains("supported: N-MNIST .bin", error, StringComparison.Ordinal);
        Assert.Equal([source], Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("inspect")]
    public void A_truncated_recording_is_refused_with_its_byte_offset_and_no_output(string verb)
    {
        string source = Path.Combine(_folder, "cut.bin");
        NMnistFile.Write(source, Digit(new Random(5), 20), 20);
        File.WriteAllBytes(source, File.ReadAllBytes(source)[..^3]);
        string[] args = verb == "convert" ? ["convert", source, Path.Combine(_folder, "out.aedat4")] : ["events", "inspect", source];

        var (exit, _, error) = CliRunner.Run(args);

        AssertOneLineFailure(exit, error, "cut.bin: byte offset 95: truncated record");
        Assert.Equal([source], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_missing_input_is_named()
    {
        var (exit, _, error) = CliRunner.Run("events", "inspect", Path.Combine(_folder, "absent.raw"));

        AssertOneLineFailure(exit, error, "FILE '" + Path.Combine(_folder, "absent.raw") + "' does not exist");
    }

    [Fact]
    public void Convert_applies_the_transform_and_writes_its_output_geometry()
    {
        var events = Digit(new Random(6), 800);
        string source = Path.Combine(_folder, "digit.bin");
        NMnistFile.Write(source, events, events.Length);
        string target = Path.Combine(_folder, "cropped.aedat4");

        var (exit, output, error) = CliRunner.Run("convert", source, target, "--transform", "crop:20x10+5+3,polarity:on");

        Assert.True(exit == 0, error);
        var expected = events
            .Where(e => e.X >= 5 && e.X < 25 && e.Y >= 3 && e.Y < 13 && e.Polarity == 1)
            .Select(e => new Event((ushort)(e.X - 5), (ushort)(e.Y - 3), 1, e.TimestampMicroseconds))
            .ToArray();
        var recording = EventFiles.ReadAll(target);
        Assert.Equal(expected, recording.Events);
        Assert.Equal((20, 10), (recording.Width, recording.Height));
        Assert.Contains($"converted {expected.Length} events (of 800 read, after --transform)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_reports_the_figures_after_the_transform()
    {
        string path = Path.Combine(_folder, "crafted.raw");
        EventFiles.Write(path, Crafted(), 640, 480, EventWriteFormat.Evt21);

        var (exit, output, error) = CliRunner.Run("events", "inspect", path, "--json", "--transform", "polarity:off,downsample:64x48");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal((640, 480), (root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()));
        Assert.Equal((64, 48), (root.GetProperty("output_width").GetInt32(), root.GetProperty("output_height").GetInt32()));
        Assert.Equal(700, root.GetProperty("events").GetInt64());
        Assert.Equal(0.0, root.GetProperty("on_percent").GetDouble());
    }

    [Theory]
    [InlineData("convert", "crop:20y20", "--transform: transform element 1 \"crop:20y20\"")]
    [InlineData("inspect", "blur:3", "--transform: transform element 1 \"blur:3\"")]
    [InlineData("inspect-bare", "crop:10x10", "--transform needs the sensor size")]
    public void A_bad_transform_gives_one_line_and_no_output(string verb, string spec, string message)
    {
        string source = Path.Combine(_folder, verb == "inspect-bare" ? "bare.dat" : "digit.bin");
        if (verb == "inspect-bare")
        {
            File.WriteAllBytes(source, new byte[16]);
        }
        else
        {
            NMnistFile.Write(source, Digit(new Random(2), 50), 50);
        }

        string[] args = verb == "convert"
            ? ["convert", source, Path.Combine(_folder, "out.raw"), "--transform", spec]
            : ["events", "inspect", source, "--transform", spec];

        var (exit, _, error) = CliRunner.Run(args);

        AssertOneLineFailure(exit, error, message);
        Assert.Equal([source], Directory.GetFileSystemEntries(_folder));
    }

    [SkippableFact]
    public void A_real_NMnist_recording_survives_a_trip_through_every_writable_format()
    {
        string root = TestPaths.RequireNMnistSmall();
        string file = Directory.GetFiles(Path.Combine(root, "Train", "7"), "*.bin").Order(StringComparer.Ordinal).First();
        var events = NMnistFile.Read(file);
        string previous = file;
        foreach (var (flag, extension, _) in Writable.Skip(1).Append(Writable[0]))
        {
            string next = Path.Combine(_folder, "trip-" + flag + extension);
            var (exit, _, error) = CliRunner.Run("convert", previous, next, "--format", flag);
            Assert.True(exit == 0, error);
            previous = next;
        }

        Assert.Equal(events, NMnistFile.Read(previous));
        var inspect = CliRunner.Run("events", "inspect", previous, "--json");
        using var json = JsonDocument.Parse(inspect.Output);
        Assert.Equal(events.Length, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(100.0 * events.Count(e => e.Polarity == 1) / events.Length, json.RootElement.GetProperty("on_percent").GetDouble(), 9);
    }

    private static void AssertOneLineFailure(int exit, string error, string expected)
    {
        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>An N-MNIST-sized stream: x, y in 0..33, non-decreasing times well inside N-MNIST's 23-bit field.</summary>
    private static Event[] Digit(Random random, int count)
    {
        var events = new Event[count];
        long t = 0;
        for (int i = 0; i < count; i++)
        {
            t += random.Next(3) == 0 ? 0 : random.Next(500);
            events[i] = new Event((ushort)random.Next(34), (ushort)random.Next(34), (byte)random.Next(2), t);
        }

        return events;
    }

    /// <summary>
    /// 1,000 events on a 640 × 480 sensor from 1 ms to 1 s: 100 in the first 10 ms (the peak, 10,000 ev/s), then 900
    /// spread evenly; three events in ten are ON.
    /// </summary>
    private static Event[] Crafted()
    {
        var events = new Event[1000];
        for (int i = 0; i < 100; i++)
        {
            events[i] = new Event((ushort)(i * 6), (ushort)(i * 4), (byte)(i % 10 < 3 ? 1 : 0), 1_000 + (i * 90));
        }

        for (int i = 100; i < 1000; i++)
        {
            long t = 11_000 + ((i - 100) * 989_000L / 899);
            events[i] = new Event((ushort)(i % 640), (ushort)(i % 480), (byte)(i % 10 < 3 ? 1 : 0), t);
        }

        return events;
    }

    /// <summary>A DAT file on a 34 × 34 sensor: ON at 10 us, an ON record at x = 50 (dropped, counted), ON at 20, OFF at 30.</summary>
    private static byte[] DatWithOneRecordOffTheSensor()
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("% Data file containing Event2D events.\n% Version 2\n% Width 34\n% Height 34\n"));
        bytes.Add(0);
        bytes.Add(8);
        foreach (var (x, y, p, t) in new[] { (1, 2, 1, 10), (50, 2, 1, 15), (3, 4, 1, 20), (5, 6, 0, 30) })
        {
            var record = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)t);
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), x | (y << 14) | (p << 28));
            bytes.AddRange(record);
        }

        return [.. bytes];
    }

    /// <summary>The RGB bytes of a PNG written by the CLI (filter 0 rows, one IDAT chunk).</summary>
    private static byte[] DecodeRgb(byte[] png, int width, int height)
    {
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", Encoding.ASCII.GetString(png, 37, 4));
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(png, 41, length), System.IO.Compression.CompressionMode.Decompress);
        using var rows = new MemoryStream();
        zlib.CopyTo(rows);
        byte[] raw = rows.ToArray();
        Assert.Equal(height * ((width * 3) + 1), raw.Length);
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * ((width * 3) + 1)]);
            Array.Copy(raw, (y * ((width * 3) + 1)) + 1, rgb, y * width * 3, width * 3);
        }

        return rgb;
    }
}
