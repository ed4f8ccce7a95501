using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking events inspect FILE` (format, geometry, counts, rates, polarity balance, decoder counters; --json;
/// --transform) and
/// `spiking events render FILE --out DIR` (PNG frames of accumulated events), for any supported event file.
/// </summary>
internal static class EventsVerb
{
    private const int BufferEvents = 1 << 16;
    private const int MaxScale = 16;
    private const int MaxFrames = 10_000;
    private const int MaxImageSide = 16_384;

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(CliContext context) =>
        new("events", "Inspect and render event files (N-MNIST, Prophesee RAW / DAT, AEDAT 2.0 / 3.1 / 4.0).") { Inspect(context), Render(context) };

    private static Command Inspect(CliContext context)
    {
        var flags = new EventFileFlags();
        var file = new Argument<string>("file") { Description = "Event file (format recognised by content, else extension)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("inspect", "Print an event file's format, geometry, event count, duration, rates, ON share and what the decoder skipped.") { file, json };
        flags.AddTo(command);
        flags.AddTransformTo(command);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            var statistics = new EventStatistics();
            EventFileSummary summary;
            using (var reader = flags.Open(parse, path, "FILE"))
            {
                var buffer = new Event[BufferEvents];
                int n = reader.Read(buffer, 0, buffer.Length);

                // The geometry is known once the header has been read, i.e. after the first read.
                EventPipeline? pipeline = flags.Pipeline(parse, reader.Width, reader.Height, path);
                while (n > 0)
                {
                    statistics.Add(buffer, 0, pipeline?.Apply(buffer, 0, n) ?? n);
                    n = reader.Read(buffer, 0, buffer.Length);
                }

                summary = Summarise(path, reader, statistics, pipeline, parse.GetValue(flags.Transform));
            }

            if (parse.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(summary, SnakeCase));
            }
            else
            {
                WriteText(context.Output, summary);
            }

            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Render(CliContext context)
    {
        var flags = new EventFileFlags();
        var file = new Argument<string>("file") { Description = "Event file (format recognised by content, else extension)." };
        var output = new Option<string>("--out") { Description = "Folder for the frames (frame-0000.png, frame-0001.png …); created if needed.", Required = true };
        var frameMs = new Option<double>("--frame-ms") { Description = "Time each frame accumulates, in milliseconds.", DefaultValueFactory = _ => 33 };
        var maxFrames = new Option<int>("--max-frames") { Description = $"Most frames written (1..{MaxFrames}).", DefaultValueFactory = _ => 100 };
        var scale = new Option<int>("--scale") { Description = $"Image pixels per sensor pixel (1..{MaxScale}).", DefaultValueFactory = _ => 4 };
        var command = new Command("render", "Write PNG frames of accumulated events: ON sky blue, OFF orange (last event of the frame per pixel) on dark grey.")
        {
            file, output, frameMs, maxFrames, scale,
        };
        flags.AddTo(command);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            string folder = parse.GetValue(output)!;
            double milliseconds = parse.GetValue(frameMs);
            long frameMicroseconds = double.IsFinite(milliseconds) ? (long)Math.Round(milliseconds * 1000) : 0;
            if (frameMicroseconds < 1 || milliseconds > 1e9)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--frame-ms must be within 0.001..1e9, found {milliseconds}"));
            }

            int frames = CliChecks.Positive(parse.GetValue(maxFrames), "--max-frames");
            if (frames > MaxFrames)
            {
                throw new CliException($"--max-frames must be at most {MaxFrames}, found {frames}");
            }

            int pixels = CliChecks.Positive(parse.GetValue(scale), "--scale");
            if (pixels > MaxScale)
            {
                throw new CliException($"--scale must be at most {MaxScale}, found {pixels}");
            }

            if (File.Exists(folder))
            {
                throw new CliException($"--out '{folder}' is a file, expected a folder");
            }

            var window = ReadWindow(flags, parse, path, frameMicroseconds, frames);
            if (window.Events.Length == 0)
            {
                context.Output.WriteLine($"{path}: no events, no frames written");
                return CliApp.ExitOk;
            }

            if ((long)window.Width * pixels > MaxImageSide || (long)window.Height * pixels > MaxImageSide)
            {
                throw new CliException($"--scale {pixels}: a {window.Width} x {window.Height} sensor would give images beyond {MaxImageSide} pixels a side");
            }

            Directory.CreateDirectory(folder);
            var renderer = new EventFrameRenderer(window.Width, window.Height, pixels);
            var (order, starts) = ByFrame(window.Events, window.Origin, frameMicroseconds, window.Frames);
            for (int k = 0; k < window.Frames; k++)
            {
                byte[] rgb = renderer.Render(window.Events, order, starts[k], starts[k + 1]);
                File.WriteAllBytes(Path.Combine(folder, FrameName(k)), PngEncoder.Encode(rgb, renderer.ImageWidth, renderer.ImageHeight));
            }

            context.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {window.Frames} frames ({FrameName(0)} .. {FrameName(window.Frames - 1)}) of {renderer.ImageWidth} x {renderer.ImageHeight} pixels, {frameMicroseconds / 1000.0:0.###} ms each, {window.Events.Length:N0} events, to {folder}"));
            return CliApp.ExitOk;
        });
        return command;
    }

    private static string FrameName(int index) => string.Create(CultureInfo.InvariantCulture, $"frame-{index:D4}.png");

    /// <summary>
    /// Reads the events of the first <paramref name="frames"/> frames (from the first event's time), stopping at the
    /// first event past them; the geometry is the file's, else the events' extent.
    /// </summary>
    private static RenderWindow ReadWindow(EventFileFlags flags, ParseResult parse, string path, long frameMicroseconds, int frames)
    {
        var kept = new List<Event>();
        long origin = 0;
        long latest = long.MinValue;
        bool started = false;
        bool beyond = false;
        int width, height;
        using (var reader = flags.Open(parse, path, "FILE"))
        {
            var buffer = new Event[BufferEvents];
            long end = long.MaxValue;
            int n;
            while (!beyond && (n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (!started)
                {
                    started = true;
                    origin = buffer[0].TimestampMicroseconds;
                    end = frameMicroseconds > (long.MaxValue - origin) / frames ? long.MaxValue : origin + (frameMicroseconds * frames);
                }

                for (int i = 0; i < n; i++)
                {
                    long t = buffer[i].TimestampMicroseconds;
                    if (t >= end)
                    {
                        beyond = true;
                        break;
                    }

                    if (t >= origin)
                    {
                        kept.Add(buffer[i]);
                        latest = Math.Max(latest, t);
                    }
                }
            }

            width = reader.Width;
            height = reader.Height;
        }

        if (width < 1 || height < 1)
        {
            width = kept.Count == 0 ? 1 : kept.Max(e => e.X) + 1;
            height = kept.Count == 0 ? 1 : kept.Max(e => e.Y) + 1;
        }

        int count = kept.Count == 0 ? 0 : beyond ? frames : (int)Math.Min(frames, ((latest - origin) / frameMicroseconds) + 1);
        return new RenderWindow([.. kept], origin, width, height, count);
    }

    /// <summary>Event indices grouped by frame (stable within a frame) and each frame's start in that order.</summary>
    private static (int[] Order, int[] Starts) ByFrame(Event[] events, long origin, long frameMicroseconds, int frames)
    {
        var starts = new int[frames + 1];
        var frameOf = new int[events.Length];
        for (int i = 0; i < events.Length; i++)
        {
            frameOf[i] = (int)((events[i].TimestampMicroseconds - origin) / frameMicroseconds);
            starts[frameOf[i] + 1]++;
        }

        for (int k = 0; k < frames; k++)
        {
            starts[k + 1] += starts[k];
        }

        var order = new int[events.Length];
        var next = (int[])starts.Clone();
        for (int i = 0; i < events.Length; i++)
        {
            order[next[frameOf[i]]++] = i;
        }

        return (order, starts);
    }

    private static EventFileSummary Summarise(string path, EventFileReader reader, EventStatistics statistics, EventPipeline? pipeline, string? spec) => new(
        path,
        reader.Info.Format switch
        {
            EventFileFormat.NMnist => "nmnist",
            EventFileFormat.PropheseeRaw => "prophesee_raw",
            EventFileFormat.PropheseeDat => "prophesee_dat",
            EventFileFormat.Aedat2 => "aedat2",
            EventFileFormat.Aedat31 => "aedat31",
            _ => "aedat4",
        },
        reader.Description,
        reader.Info.DetectedBy == EventFileEvidence.Content ? "content" : "extension",
        reader.Width,
        reader.Height,
        pipeline == null ? null : spec,
        pipeline?.OutputWidth ?? reader.Width,
        pipeline?.OutputHeight ?? reader.Height,
        statistics.Count,
        statistics.Count == 0 ? null : statistics.FirstTimestamp,
        statistics.Count == 0 ? null : statistics.LastTimestamp,
        statistics.DurationMicroseconds,
        statistics.MeanRate,
        statistics.PeakRate,
        EventStatistics.BinMicroseconds,
        statistics.OnPercent,
        statistics.OnCount,
        statistics.Count - statistics.OnCount,
        reader.Counters.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal));

    private static void WriteText(TextWriter output, EventFileSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"file        {s.File}");
        output.WriteLine($"format      {s.Description} (recognised by {s.DetectedBy})");
        output.WriteLine(s.Width > 0 && s.Height > 0 ? $"geometry    {s.Width} x {s.Height}" : "geometry    unknown (the file does not say)");
        if (s.Transform != null)
        {
            output.WriteLine($"transform   {s.Transform} -> {s.OutputWidth} x {s.OutputHeight} (the figures below are after it)");
        }

        output.WriteLine(string.Create(c, $"events      {s.Events:N0}"));
        if (s.Events == 0)
        {
            output.WriteLine("duration    0 s (no events)");
        }
        else
        {
            output.WriteLine(string.Create(c, $"duration    {EventsText.Seconds(s.DurationUs)} (first {s.FirstTimestampUs:N0} us, last {s.LastTimestampUs:N0} us)"));
            string mean = s.MeanRateEventsPerS is { } rate ? string.Create(c, $"{rate:N0} ev/s") : "n/a (zero duration)";
            output.WriteLine(string.Create(c, $"rate        mean {mean}, peak {s.PeakRateEventsPerS:N0} ev/s (10 ms bins)"));
            output.WriteLine(string.Create(c, $"polarity    ON {s.OnPercent:F1} % ({s.OnEvents:N0} ON, {s.OffEvents:N0} OFF)"));
        }

        output.WriteLine(s.Counters.Count == 0
            ? "skipped     (this format counts nothing)"
            : "skipped     " + string.Join(", ", s.Counters.Select(p => string.Create(c, $"{p.Key} {p.Value:N0}"))));
    }

    private sealed record RenderWindow(Event[] Events, long Origin, int Width, int Height, int Frames);

    /// <summary>What `events inspect` prints (field names become snake_case in --json).</summary>
    private sealed record EventFileSummary(
        string File,
        string Format,
        string Description,
        string DetectedBy,
        int Width,
        int Height,
        string? Transform,
        int OutputWidth,
        int OutputHeight,
        long Events,
        long? FirstTimestampUs,
        long? LastTimestampUs,
        long DurationUs,
        double? MeanRateEventsPerS,
        double PeakRateEventsPerS,
        long PeakBinUs,
        double? OnPercent,
        long OnEvents,
        long OffEvents,
        Dictionary<string, long> Counters);
}
