namespace Spiking.Edge.Host.Classification;

/// <summary>What a <see cref="ContinuousClassifier"/> run did.</summary>
public sealed class RunSummary
{
    /// <summary>Why it ended.</summary>
    public StopReason StopReason { get; init; }

    /// <summary>Windows classified.</summary>
    public long Windows { get; init; }

    /// <summary>Of those, windows cut short by the end of the stream.</summary>
    public long TruncatedWindows { get; init; }

    /// <summary>Windows whose true class was known.</summary>
    public long LabelledWindows { get; init; }

    /// <summary>Of those, windows predicted correctly.</summary>
    public long CorrectWindows { get; init; }

    /// <summary>Correct / labelled, or null when no window was labelled.</summary>
    public double? Accuracy => LabelledWindows > 0 ? (double)CorrectWindows / LabelledWindows : null;

    /// <summary>Mean <see cref="WindowResult.LatencyMicroseconds"/>, 0 without windows.</summary>
    public double MeanLatencyMicroseconds { get; init; }

    /// <summary>Events read from the source.</summary>
    public long EventsRead { get; init; }

    /// <summary>SynOps of all classified windows.</summary>
    public long SynOps { get; init; }

    /// <summary>Wall-clock seconds of the run.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Events read per second of the run.</summary>
    public double EventsPerSecond => ElapsedSeconds > 0 ? EventsRead / ElapsedSeconds : 0;

    /// <summary>SynOps per second of the run.</summary>
    public double SynOpsPerSecond => ElapsedSeconds > 0 ? SynOps / ElapsedSeconds : 0;

    /// <summary>Mean <see cref="WindowResult.EnergyPicojoules"/>, 0 without windows.</summary>
    public double MeanEnergyPicojoules { get; init; }
}
