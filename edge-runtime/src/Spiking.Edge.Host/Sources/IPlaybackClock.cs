namespace Spiking.Edge.Host.Sources;

/// <summary>The wall clock a recording is replayed against at recorded speed (replaced in tests).</summary>
internal interface IPlaybackClock
{
    /// <summary>Microseconds since the clock was created.</summary>
    long ElapsedMicroseconds { get; }

    /// <summary>Blocks for about <paramref name="microseconds"/>.</summary>
    void Wait(long microseconds);
}
