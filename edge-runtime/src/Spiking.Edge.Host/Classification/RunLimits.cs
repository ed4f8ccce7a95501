namespace Spiking.Edge.Host.Classification;

/// <summary>When a run stops besides the end of the stream: after a number of windows or a wall-clock duration.</summary>
public sealed record RunLimits
{
    /// <summary>No limit: run to the end of the stream (or until cancelled).</summary>
    public static RunLimits None { get; } = new();

    /// <summary>Stop once this many windows are classified (<c>--max-windows</c>); 0 = no limit.</summary>
    public long MaxWindows { get; init; }

    /// <summary>Stop once this much wall time has passed (<c>--duration-s</c>); null = no limit.</summary>
    public TimeSpan? Duration { get; init; }
}
