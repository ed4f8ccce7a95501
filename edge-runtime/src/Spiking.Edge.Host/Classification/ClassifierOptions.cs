namespace Spiking.Edge.Host.Classification;

/// <summary>Settings of a <see cref="ContinuousClassifier"/> besides the windowing.</summary>
public sealed record ClassifierOptions
{
    /// <summary>Events read from the source at a time (default 4,096; 1..1,048,576): the preallocated buffer.</summary>
    public int BufferEvents { get; init; } = 4_096;

    /// <summary>The <c>--transform</c> value, or null for the default adaptation (see <see cref="InputAdaptation"/>).</summary>
    public string? TransformSpec { get; init; }

    /// <summary>The energy estimate per inference.</summary>
    public EnergyModel Energy { get; init; } = EnergyModel.Default;

    /// <summary>The true class of every window when known (a labelled recording), else −1.</summary>
    public int TrueClass { get; init; } = -1;

    /// <summary>
    /// When a live source returns no events, tell the segmenter that stream time has advanced by the wall time since
    /// the last event was read, so windows close on a quiet scene. Null (default): for live sources only.
    /// </summary>
    public bool? AdvanceWhenIdle { get; init; }
}
