using System.Runtime.ExceptionServices;
using Spiking.Edge.Devices;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Trainer.Data;

/// <content>Reading labelled folders of recordings in any event format.</content>
public sealed partial class EventDataset
{
    /// <summary>
    /// Reads labelled recordings laid out as <c>root/split/&lt;label&gt;/&lt;file&gt;</c> (the N-MNIST layout, generalised):
    /// every file is any format <see cref="EventFiles"/> recognises (formats may be mixed), the label is its folder's
    /// name, and each sample goes through a fresh (reset) <paramref name="transform"/> pipeline when given. Files are
    /// taken in ordinal name order per label, at most <paramref name="maxPerClass"/> per label; names starting with "."
    /// are skipped. Nothing is returned unless every file was read.
    /// </summary>
    /// <param name="root">Folder holding the split folders.</param>
    /// <param name="split">Split folder name, e.g. "Train" (matched case-insensitively).</param>
    /// <param name="maxPerClass">Most samples read per label.</param>
    /// <param name="transform">A <see cref="TransformSpec"/> specification (e.g. <c>downsample:34x34</c>), parsed for each
    /// file's sensor geometry; null keeps the events as recorded.</param>
    /// <param name="labels">Class names in label order; null: the split's label folder names in ordinal order (digits:
    /// "0".."9"). Given, every label folder must be one of them (so that two splits can share one label order).</param>
    /// <returns>The dataset: geometry and polarity count of the (transformed) files, which must all agree.</returns>
    /// <exception cref="DirectoryNotFoundException">The root or split folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The split holds no file, a label folder is not one of
    /// <paramref name="labels"/>, a file does not state its sensor size, or a file's (transformed) geometry differs
    /// from the first file's (one line naming both).</exception>
    /// <exception cref="EventStreamException">A file is not a recognised format, or is malformed (names the file and
    /// byte offset).</exception>
    /// <exception cref="TransformSpecException">The transform is malformed or does not fit a file's geometry (names the
    /// element and, for a geometry misfit, the file).</exception>
    public static EventDataset FromLabelledFolder(
        string root, string split, int maxPerClass = int.MaxValue, string? transform = null, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerClass);
        string splitFolder = FindSplitFolder(root, split);
        string[] labelFolders = [.. Directory.GetDirectories(splitFolder).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal)];
        IReadOnlyList<string> classes = labels ?? [.. labelFolders.Select(Path.GetFileName).Select(n => n!)];
        var files = new List<(string Path, int Label)>();
        foreach (string folder in labelFolders)
        {
            string name = Path.GetFileName(folder);
            int label = IndexOf(classes, name);
            if (label < 0)
            {
                throw new InvalidDataException($"{folder}: label folder \"{name}\" is not one of the {classes.Count} classes ({string.Join(", ", classes)})");
            }

            foreach (string file in Directory.GetFiles(folder).Where(f => !IsHidden(f)).Order(StringComparer.Ordinal).Take(maxPerClass))
            {
                files.Add((file, label));
            }
        }

        if (files.Count == 0)
        {
            throw new InvalidDataException($"{splitFolder}: the split is empty: no event file in any <label> folder");
        }

        string? spec = EventTransformSpec.Normalize(transform);
        var loaded = LoadAll(files, spec);
        var (width, height, polarities) = loaded[0].Geometry;
        for (int i = 1; i < loaded.Length; i++)
        {
            if (loaded[i].Geometry != loaded[0].Geometry)
            {
                var (w, h, p) = loaded[i].Geometry;
                string after = spec is null ? "" : $" after the transform {spec}";
                throw new InvalidDataException(
                    $"{files[i].Path}: {w} x {h} x {p} events{after} differ from the {width} x {height} x {polarities} of the first file {files[0].Path}");
            }
        }

        var samples = loaded.Select((s, i) => new EventSample(s.Events, files[i].Label)).ToArray();
        return new EventDataset(width, height, polarities, samples, classes) { Transform = spec };
    }

    private static string FindSplitFolder(string root, string split)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root}: event data folder not found (expected {Path.Combine(root, split)}/<label>/<event files>)");
        }

        return Directory.GetDirectories(root)
            .Where(d => string.Equals(Path.GetFileName(d), split, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new DirectoryNotFoundException($"{Path.Combine(root, split)}: split folder not found (expected <label>/<event files> below it)");
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static int IndexOf(IReadOnlyList<string> labels, string name)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads and transforms every file in parallel; on failure rethrows the error of the first failing file in order.</summary>
    private static LoadedSample[] LoadAll(List<(string Path, int Label)> files, string? spec)
    {
        var loaded = new LoadedSample[files.Count];
        var errors = new ExceptionDispatchInfo?[files.Count];
        int firstError = int.MaxValue;
        Parallel.For(
            0,
            files.Count,
            () => new LoaderState(),
            (i, _, state) =>
            {
                if (i > Volatile.Read(ref firstError))
                {
                    return state; // a file before this one failed: its error is the one reported
                }

                try
                {
                    loaded[i] = Load(files[i].Path, spec, state);
                }
                catch (Exception e) when (e is EventStreamException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
                {
                    errors[i] = ExceptionDispatchInfo.Capture(e);
                    int seen;
                    while (i < (seen = Volatile.Read(ref firstError)) && Interlocked.CompareExchange(ref firstError, i, seen) != seen)
                    {
                    }
                }

                return state;
            },
            _ => { });
        if (firstError != int.MaxValue)
        {
            errors[firstError]!.Throw();
        }

        return loaded;
    }

    private static LoadedSample Load(string path, string? spec, LoaderState state)
    {
        Event[] events;
        int width, height;
        using (EventFileReader reader = EventFiles.Open(path))
        {
            int total = 0;
            while (true)
            {
                if (state.Scratch.Length - total < LoaderState.ChunkEvents)
                {
                    Array.Resize(ref state.Scratch, Math.Max(state.Scratch.Length * 2, LoaderState.ChunkEvents));
                }

                int n = reader.Read(state.Scratch, total, state.Scratch.Length - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            (width, height) = (reader.Width, reader.Height);
            if (width <= 0 || height <= 0)
            {
                throw new InvalidDataException($"{path}: the file ({reader.Description}) does not state its sensor size; labelled folders need files that do");
            }

            if (spec is null)
            {
                return new LoadedSample(state.Scratch[..total], (width, height, 2));
            }

            events = state.Scratch;
            if (!state.Pipelines.TryGetValue((width, height), out EventPipeline? pipeline))
            {
                try
                {
                    pipeline = TransformSpec.Parse(spec, width, height);
                }
                catch (TransformSpecException e)
                {
                    throw new TransformSpecException(e.ElementNumber, e.Element, $"{e.Reason} (file {path})");
                }

                state.Pipelines.Add((width, height), pipeline);
            }

            pipeline.Reset();
            int kept = pipeline.Apply(events, 0, total);
            return new LoadedSample(events[..kept], (pipeline.OutputWidth, pipeline.OutputHeight, pipeline.OutputPolarities));
        }
    }

    /// <summary>A loading thread's reusable state: the event buffer files are decoded into, and one pipeline per sensor geometry.</summary>
    private sealed class LoaderState
    {
        /// <summary>Events decoded per read.</summary>
        public const int ChunkEvents = 1 << 16;

        /// <summary>Decoding buffer, grown as needed and reused for every file of the thread.</summary>
        public Event[] Scratch = [];

        /// <summary>Transform pipelines by input geometry.</summary>
        public Dictionary<(int Width, int Height), EventPipeline> Pipelines { get; } = [];
    }

    /// <summary>One file's (transformed) events and output geometry.</summary>
    private readonly record struct LoadedSample(Event[] Events, (int Width, int Height, int Polarities) Geometry);
}
