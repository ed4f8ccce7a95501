using System.Diagnostics;

namespace Spiking.Edge.Host.Sources;

/// <summary>The real wall clock: <see cref="Stopwatch"/> time, <see cref="Thread.Sleep(TimeSpan)"/> waits (about 1 ms resolution).</summary>
internal sealed class StopwatchPlaybackClock : IPlaybackClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public long ElapsedMicroseconds => (long)Stopwatch.GetElapsedTime(_start).TotalMicroseconds;

    /// <inheritdoc/>
    public void Wait(long microseconds) => Thread.Sleep(TimeSpan.FromMicroseconds(microseconds));
}
