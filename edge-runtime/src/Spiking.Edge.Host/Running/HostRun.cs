using Spiking.Edge.Host.Classification;
using Spiking.Edge.Host.Sources;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Host.Running;

/// <summary>
/// One continuous run as the command line asks for it: checks every option, loads the model, opens the source,
/// classifies window by window and prints the report (<see cref="HostReport"/>).
/// </summary>
public static class HostRun
{
    /// <summary>Runs until the stream ends, a limit is reached or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="options">The command line's settings.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="cancellationToken">Stops the run cleanly (Ctrl+C).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">An option or the source specification is bad (one line naming it).</exception>
    /// <exception cref="FileNotFoundException">The model or a file source does not exist.</exception>
    /// <exception cref="InvalidDataException">The model file is malformed (names the file, code and byte offset).</exception>
    /// <exception cref="IOException">A source cannot be opened or read.</exception>
    public static RunSummary Execute(HostRunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var windowing = WindowingOptions.FromCommandLine(options.WindowMilliseconds, options.HopMilliseconds, options.WindowEvents, options.HopEvents, options.Trigger);
        var energy = options.EnergyPicojoules is null ? EnergyModel.Default : EnergyModel.Parse(options.EnergyPicojoules);
        var limits = Limits(options);
        var spec = EventSourceSpec.Parse(options.Source);
        if (options.Transform is not null && string.IsNullOrWhiteSpace(options.Transform))
        {
            throw new HostOptionException("--transform", "--transform is empty; expected elements such as crop:128x128,downsample:34x34");
        }

        byte[] model = ReadModel(options.ModelPath);
        IReadOnlyList<string> labels = ModelLabels.Read(model);
        string? trueLabel = spec is FileSourceSpec file ? FolderLabel(file.Path, labels) : null;
        IRowAccumulator accumulator = options.Scalar ? new ScalarRowAccumulator() : RowAccumulators.Best();
        string kernels = options.Scalar ? "scalar (--scalar)" : RowAccumulators.Describe();
        var classifier = new ContinuousClassifier(model, accumulator, windowing, new ClassifierOptions
        {
            TransformSpec = options.Transform,
            Energy = energy,
            TrueClass = trueLabel is null ? -1 : IndexOf(labels, trueLabel),
        });

        using IEventSource source = EventSources.Open(spec, options.Realtime);
        var report = new HostReport(output);
        report.Header(options.ModelPath, classifier, kernels, energy);
        report.Source(source, trueLabel);
        RunSummary summary = classifier.Run(source, report, limits, cancellationToken);
        report.Summary(summary, limits);
        return summary;
    }

    /// <summary>
    /// The label a recording carries by its folder (N-MNIST layout: <c>…/3/00042.bin</c>) when the folder's name is
    /// one of the model's labels; else null.
    /// </summary>
    /// <param name="path">The recording.</param>
    /// <param name="labels">The model's labels.</param>
    public static string? FolderLabel(string path, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labels);
        string folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "";
        return IndexOf(labels, folder) >= 0 ? folder : null;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static RunLimits Limits(HostRunOptions options)
    {
        if (options.MaxWindows is < 1)
        {
            throw new HostOptionException("--max-windows", $"--max-windows {options.MaxWindows}: must be 1 or more");
        }

        if (options.DurationSeconds is { } seconds && (!double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2))
        {
            throw new HostOptionException("--duration-s", $"--duration-s {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}: must be a positive number of seconds");
        }

        return new RunLimits
        {
            MaxWindows = options.MaxWindows ?? 0,
            Duration = options.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        };
    }

    private static byte[] ReadModel(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                Directory.Exists(path) ? $"--model '{path}' is a folder, expected a model file" : $"--model '{path}' does not exist", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            Network.Load(bytes);
        }
        catch (ModelFormatException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        return bytes;
    }
}
