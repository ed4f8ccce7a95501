using System.CommandLine;
using System.Globalization;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking convert IN OUT`: reads an event file of any supported format and writes it in a writable one (N-MNIST,
/// RAW EVT 2.1 / EVT 3.0, AEDAT 4.0), atomically, optionally through --transform; the format comes from --format or
/// OUT's extension.
/// </summary>
internal static class ConvertVerb
{
    private const string FormatNames = "nmnist, evt21, evt21-legacy, evt3 or aedat4";

    public static Command Create(CliContext context)
    {
        var flags = new EventFileFlags();
        var input = new Argument<string>("in") { Description = "Event file to read: N-MNIST .bin, Prophesee .raw / .dat, AEDAT 2.0 / 3.1 / 4.0 (recognised by content, else extension)." };
        var output = new Argument<string>("out") { Description = "File to write (never IN; written to a temporary file and renamed, so never half-written)." };
        var format = new Option<string?>("--format") { Description = $"Output encoding: {FormatNames}. Default: from OUT's extension (.bin nmnist, .raw evt21 little-endian, .aedat / .aedat4 aedat4)." };
        var compression = new Option<string?>("--compression") { Description = "AEDAT 4.0 packet compression: none, lz4 or zstd (default lz4)." };
        var rebase = new Option<bool>("--rebase-time") { Description = "Shift the timestamps so that the earliest event is at 0 us (AEDAT 4.0 times count from 1970, which N-MNIST and EVT 3.0 cannot carry)." };
        var command = new Command("convert", "Convert an event file to N-MNIST, Prophesee RAW (EVT 2.1 / EVT 3.0) or AEDAT 4.0.") { input, output, format, compression, rebase };
        flags.AddTo(command);
        flags.AddTransformTo(command);
        command.SetAction(parse =>
        {
            string inPath = parse.GetValue(input)!;
            string outPath = parse.GetValue(output)!;
            CliFiles.RequireFile(inPath, "IN");
            if (SameFile(inPath, outPath))
            {
                throw new CliException($"OUT '{outPath}' is the input file: convert never overwrites its input");
            }

            if (Directory.Exists(outPath))
            {
                throw new CliException($"OUT '{outPath}' is a folder, expected a file");
            }

            EventWriteFormat target = parse.GetValue(format) is { } named ? ParseFormat(named) : FormatOf(outPath);
            Aedat4Compression packing = ParseCompression(parse.GetValue(compression), target);
            EventRecording recording = flags.ReadAll(parse, inPath, "IN");
            Event[] events = parse.GetValue(rebase) ? Rebased(recording.Events) : recording.Events;
            var (width, height) = Geometry(recording, events);
            string kept = string.Empty;
            if (flags.Pipeline(parse, width, height, inPath) is { } pipeline)
            {
                events = pipeline.TransformSample(events);
                kept = string.Create(CultureInfo.InvariantCulture, $" (of {recording.Events.Length:N0} read, after --transform)");
                (width, height) = (pipeline.OutputWidth, pipeline.OutputHeight);
            }

            CliFiles.EnsureParent(outPath);
            try
            {
                EventFiles.Write(outPath, events, width, height, target, packing);
            }
            catch (ArgumentException e)
            {
                string reason = e.ParamName == null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
                throw new CliException($"cannot write OUT '{outPath}': {reason}");
            }

            context.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"converted {events.Length:N0} events{kept}, {EventsText.Duration(events)}, {width} x {height}: {recording.Description} -> {Describe(target, packing)}"));
            context.Output.WriteLine($"wrote {outPath}");
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>The encoding an output file name implies.</summary>
    public static EventWriteFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".bin" => EventWriteFormat.NMnist,
        ".raw" => EventWriteFormat.Evt21,
        ".aedat" or ".aedat4" => EventWriteFormat.Aedat4,
        string extension => throw new CliException(
            $"OUT '{path}': cannot tell the format from {(extension.Length == 0 ? "a name without extension" : $"extension '{extension}'")} (writable: .bin, .raw, .aedat, .aedat4); give --format {FormatNames}"),
    };

    private static EventWriteFormat ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "nmnist" => EventWriteFormat.NMnist,
        "evt21" => EventWriteFormat.Evt21,
        "evt21-legacy" => EventWriteFormat.Evt21Legacy,
        "evt3" => EventWriteFormat.Evt3,
        "aedat4" => EventWriteFormat.Aedat4,
        _ => throw new CliException($"--format must be {FormatNames}, found '{name}'"),
    };

    private static Aedat4Compression ParseCompression(string? name, EventWriteFormat target)
    {
        if (name == null)
        {
            return Aedat4Compression.Lz4;
        }

        if (target != EventWriteFormat.Aedat4)
        {
            throw new CliException($"--compression applies to AEDAT 4.0 output only, not {FormatLabel(target)}");
        }

        return name.ToLowerInvariant() switch
        {
            "none" => Aedat4Compression.None,
            "lz4" => Aedat4Compression.Lz4,
            "zstd" => Aedat4Compression.Zstd,
            _ => throw new CliException($"--compression must be none, lz4 or zstd, found '{name}'"),
        };
    }

    /// <summary>The file's geometry, or the events' extent when the file does not give one (also what --transform starts from).</summary>
    private static (int Width, int Height) Geometry(EventRecording recording, Event[] events)
    {
        if (recording.Width > 0 && recording.Height > 0)
        {
            return (recording.Width, recording.Height);
        }

        int width = 1, height = 1;
        foreach (var e in events)
        {
            width = Math.Max(width, e.X + 1);
            height = Math.Max(height, e.Y + 1);
        }

        return (width, height);
    }

    private static Event[] Rebased(Event[] events)
    {
        if (events.Length == 0)
        {
            return events;
        }

        long origin = events.Min(e => e.TimestampMicroseconds);
        var shifted = (Event[])events.Clone();
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i].TimestampMicroseconds -= origin;
        }

        return shifted;
    }

    private static bool SameFile(string a, string b)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(RealPath(a), RealPath(b), comparison);
    }

    private static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        return File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full : full;
    }

    private static string FormatLabel(EventWriteFormat format) => format switch
    {
        EventWriteFormat.NMnist => "N-MNIST",
        EventWriteFormat.Evt21 => "RAW EVT 2.1 (little-endian)",
        EventWriteFormat.Evt21Legacy => "RAW EVT 2.1 (legacy byte order)",
        EventWriteFormat.Evt3 => "RAW EVT 3.0",
        _ => "AEDAT 4.0",
    };

    private static string Describe(EventWriteFormat format, Aedat4Compression compression) =>
        format == EventWriteFormat.Aedat4 ? $"AEDAT 4.0 ({compression switch { Aedat4Compression.None => "uncompressed", Aedat4Compression.Zstd => "Zstandard", _ => "LZ4" }})" : FormatLabel(format);
}
