namespace Spiking.Edge.Host.Running;

/// <summary>Everything a <c>run --model M --source S</c> invocation asks for (see <see cref="HostCommandOptions"/>).</summary>
public sealed record HostRunOptions
{
    /// <summary>The model file (<c>--model</c>).</summary>
    public required string ModelPath { get; init; }

    /// <summary>The source specification (<c>--source</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Replay files at recorded speed (<c>--realtime</c>).</summary>
    public bool Realtime { get; init; }

    /// <summary>Input transform (<c>--transform</c>), or null for the default adaptation.</summary>
    public string? Transform { get; init; }

    /// <summary>Window duration in ms (<c>--window-ms</c>).</summary>
    public double? WindowMilliseconds { get; init; }

    /// <summary>Hop in ms (<c>--hop-ms</c>).</summary>
    public double? HopMilliseconds { get; init; }

    /// <summary>Events per window (<c>--window-events</c>).</summary>
    public int? WindowEvents { get; init; }

    /// <summary>Hop in events (<c>--hop-events</c>).</summary>
    public int? HopEvents { get; init; }

    /// <summary>Activity trigger (<c>--trigger rate:EVENTS/MS</c>).</summary>
    public string? Trigger { get; init; }

    /// <summary>Energy figures (<c>--energy-pj synop=…,update=…,event=…</c>).</summary>
    public string? EnergyPicojoules { get; init; }

    /// <summary>Stop after this many windows (<c>--max-windows</c>).</summary>
    public long? MaxWindows { get; init; }

    /// <summary>Stop after this many wall-clock seconds (<c>--duration-s</c>).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Use the portable scalar kernels instead of SIMD (<c>--scalar</c>).</summary>
    public bool Scalar { get; init; }
}
