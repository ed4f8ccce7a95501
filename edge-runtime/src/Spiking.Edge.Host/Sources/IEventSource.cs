using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Sources;

/// <summary>
/// A stream of events pulled into caller-owned buffers (architecture.md, Contract 4): a recording, a live sensor or a
/// serial link. Nothing is allocated per event; not thread-safe.
/// </summary>
public interface IEventSource : IDisposable
{
    /// <summary>Names the source in output and errors, e.g. "file /data/3/00042.bin".</summary>
    string Name { get; }

    /// <summary>What the source is, once known (format and header of a file, bus of a sensor); may change after the first read.</summary>
    string Description { get; }

    /// <summary>True for a sensor or link that keeps producing events in real time; false for a recording.</summary>
    bool IsLive { get; }

    /// <summary>Sensor width in pixels once known (a file's header may give it only at the first read), else 0.</summary>
    int Width { get; }

    /// <summary>Sensor height in pixels once known, else 0.</summary>
    int Height { get; }

    /// <summary>True once the stream has ended: <see cref="Read"/> will return 0 from now on.</summary>
    bool EndOfStream { get; }

    /// <summary>
    /// Reads up to <paramref name="capacity"/> events into <paramref name="buffer"/> from <paramref name="offset"/>, in
    /// time order.
    /// </summary>
    /// <param name="buffer">Caller-owned events.</param>
    /// <param name="offset">First slot to fill.</param>
    /// <param name="capacity">Slots available (at least 1).</param>
    /// <returns>Events written; 0 when nothing arrived this time (live sources) or the stream ended
    /// (<see cref="EndOfStream"/>).</returns>
    int Read(Event[] buffer, int offset, int capacity);
}
