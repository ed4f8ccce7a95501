namespace Spiking.Edge.Host.Classification;

/// <summary>One classified window.</summary>
public sealed class WindowResult
{
    /// <summary>1 for the first window classified in the run, then 2, 3, …</summary>
    public long Sequence { get; init; }

    /// <summary>The segmenter's window index (fixed modes: k of the window [o + kH, o + kH + D); may jump over empty windows).</summary>
    public long WindowIndex { get; init; }

    /// <summary>Start of the window in stream time, µs (inclusive); the network saw event times minus this.</summary>
    public long StartMicroseconds { get; init; }

    /// <summary>End of the window in stream time, µs (exclusive).</summary>
    public long EndMicroseconds { get; init; }

    /// <summary>True when the stream ended before the window did.</summary>
    public bool Truncated { get; init; }

    /// <summary>The predicted class index.</summary>
    public int PredictedClass { get; init; }

    /// <summary>The predicted class's label (its number when the model has no labels).</summary>
    public required string PredictedLabel { get; init; }

    /// <summary>The true class when known (a recording in a folder named after a label), else −1.</summary>
    public int TrueClass { get; init; } = -1;

    /// <summary>Events of the window (after the input transform) fed to the network.</summary>
    public long Events { get; init; }

    /// <summary>Of those, the events the network accepted (inside its T ticks and geometry; semantics §2).</summary>
    public long EventsAccepted { get; init; }

    /// <summary>Stored synapses touched (semantics §6).</summary>
    public long SynOps { get; init; }

    /// <summary>Neuron updates (neurons × closed ticks).</summary>
    public long NeuronUpdates { get; init; }

    /// <summary>The last layer's output counts (semantics §5), a copy.</summary>
    public required int[] OutputSpikeCounts { get; init; }

    /// <summary>
    /// µs from the moment the host could know the window closed (the read that delivered the closing event, or the
    /// end of the stream) to the prediction: transform, segmentation, the chunk's pushes and <c>FinishSample</c>.
    /// </summary>
    public double LatencyMicroseconds { get; init; }

    /// <summary>The <see cref="EnergyModel"/> estimate for this inference, pJ.</summary>
    public double EnergyPicojoules { get; init; }

    /// <summary>Events read from the source per wall-clock second since the run started.</summary>
    public double EventsPerSecond { get; init; }

    /// <summary>SynOps of the classified windows per wall-clock second since the run started.</summary>
    public double SynOpsPerSecond { get; init; }

    /// <summary>True when the true class is known and equals the prediction.</summary>
    public bool IsCorrect => TrueClass >= 0 && TrueClass == PredictedClass;
}
