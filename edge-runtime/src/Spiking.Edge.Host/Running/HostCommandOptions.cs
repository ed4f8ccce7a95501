using System.CommandLine;

namespace Spiking.Edge.Host.Running;

/// <summary>
/// The command-line options of a continuous run, defined once and shared by <c>spiking run</c> and
/// <c>spiking-edge run</c> so that both accept exactly the same flags.
/// </summary>
public sealed class HostCommandOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="sourceRequired">True when <c>--source</c> must be given (spiking-edge); false when the command also classifies files without it (spiking run).</param>
    public HostCommandOptions(bool sourceRequired)
    {
        Source = new Option<string>("--source")
        {
            Description = "Event source: file:PATH (any readable format), genx320:KEY=VALUE,... (i2c, address, spi, spi-hz, reset, power, init, chip-id, interface, chunk, roi, erc, stc) or serial:PORT,KEY=VALUE,... (baud, timeout-ms, width, height).",
            Required = sourceRequired,
        };
        Realtime = new Option<bool>("--realtime") { Description = "Replay a file source at recorded speed (default: as fast as possible)." };
        Transform = new Option<string>("--transform") { Description = "Input transform, e.g. crop:240x240,downsample:34x34,denoise:5000 (default: the transform recorded in the model, else a downsample to the model input when the source geometry differs)." };
        WindowMilliseconds = new Option<double?>("--window-ms") { Description = "Window duration in ms (default: the model's T x dt)." };
        HopMilliseconds = new Option<double?>("--hop-ms") { Description = "Start-to-start distance of windows in ms (default: the window; smaller overlaps)." };
        WindowEvents = new Option<int?>("--window-events") { Description = "Cut windows of this many events instead of by time." };
        HopEvents = new Option<int?>("--hop-events") { Description = "Start-to-start distance in events with --window-events (default: the window)." };
        Trigger = new Option<string>("--trigger") { Description = "Open a window when activity rises: rate:EVENTS/MS, e.g. rate:200/5 (window length from --window-ms or T x dt)." };
        EnergyPicojoules = new Option<string>("--energy-pj") { Description = "Per-operation energies for the estimate, e.g. synop=5.1,update=10.3,event=10.2 (pJ; defaults from Horowitz, ISSCC 2014)." };
        MaxWindows = new Option<long?>("--max-windows") { Description = "Stop after this many windows." };
        DurationSeconds = new Option<double?>("--duration-s") { Description = "Stop after this many seconds of wall time." };
    }

    /// <summary><c>--source</c>.</summary>
    public Option<string> Source { get; }

    /// <summary><c>--realtime</c>.</summary>
    public Option<bool> Realtime { get; }

    /// <summary><c>--transform</c>.</summary>
    public Option<string> Transform { get; }

    /// <summary><c>--window-ms</c>.</summary>
    public Option<double?> WindowMilliseconds { get; }

    /// <summary><c>--hop-ms</c>.</summary>
    public Option<double?> HopMilliseconds { get; }

    /// <summary><c>--window-events</c>.</summary>
    public Option<int?> WindowEvents { get; }

    /// <summary><c>--hop-events</c>.</summary>
    public Option<int?> HopEvents { get; }

    /// <summary><c>--trigger</c>.</summary>
    public Option<string> Trigger { get; }

    /// <summary><c>--energy-pj</c>.</summary>
    public Option<string> EnergyPicojoules { get; }

    /// <summary><c>--max-windows</c>.</summary>
    public Option<long?> MaxWindows { get; }

    /// <summary><c>--duration-s</c>.</summary>
    public Option<double?> DurationSeconds { get; }

    /// <summary>Every option except <c>--source</c>: they only mean something with it.</summary>
    public IReadOnlyList<Option> SourceOnlyOptions =>
        [Realtime, Transform, WindowMilliseconds, HopMilliseconds, WindowEvents, HopEvents, Trigger, EnergyPicojoules, MaxWindows, DurationSeconds];

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    /// <param name="command">The run command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Source);
        foreach (Option option in SourceOnlyOptions)
        {
            command.Add(option);
        }
    }

    /// <summary>The first source-only option given on the command line, or null.</summary>
    /// <param name="parse">The parse result.</param>
    public string? FirstSourceOnlyOptionGiven(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return SourceOnlyOptions.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false })?.Name;
    }

    /// <summary>Collects the run's settings.</summary>
    /// <param name="parse">The parse result (with <c>--source</c> given).</param>
    /// <param name="modelPath">The model file.</param>
    /// <param name="scalar">True for the portable scalar kernels.</param>
    /// <returns>The options.</returns>
    public HostRunOptions Read(ParseResult parse, string modelPath, bool scalar)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new HostRunOptions
        {
            ModelPath = modelPath,
            Source = parse.GetValue(Source) ?? throw new HostOptionException("--source", "--source is required"),
            Realtime = parse.GetValue(Realtime),
            Transform = parse.GetValue(Transform),
            WindowMilliseconds = parse.GetValue(WindowMilliseconds),
            HopMilliseconds = parse.GetValue(HopMilliseconds),
            WindowEvents = parse.GetValue(WindowEvents),
            HopEvents = parse.GetValue(HopEvents),
            Trigger = parse.GetValue(Trigger),
            EnergyPicojoules = parse.GetValue(EnergyPicojoules),
            MaxWindows = parse.GetValue(MaxWindows),
            DurationSeconds = parse.GetValue(DurationSeconds),
            Scalar = scalar,
        };
    }
}
