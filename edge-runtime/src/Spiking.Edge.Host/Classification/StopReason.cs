namespace Spiking.Edge.Host.Classification;

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    /// <summary>The source's stream ended (end of a file, a closed link).</summary>
    EndOfStream = 0,

    /// <summary><see cref="RunLimits.MaxWindows"/> windows were classified.</summary>
    MaxWindows = 1,

    /// <summary><see cref="RunLimits.Duration"/> passed.</summary>
    Duration = 2,

    /// <summary>The run was cancelled (Ctrl+C).</summary>
    Interrupted = 3,
}
