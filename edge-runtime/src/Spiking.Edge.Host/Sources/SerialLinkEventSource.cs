using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Sources;

/// <summary>
/// A board's USB-serial link (SE21 frames carrying EVT 2.1) as an event source. The stream ends only when the link
/// reports its end (a closed port or the end of a captured byte stream).
/// </summary>
public sealed class SerialLinkEventSource : IEventSource
{
    private readonly SerialEventSource _link;

    /// <summary>Wraps a link; the source owns it.</summary>
    /// <param name="link">The link (over a serial port, or any stream in tests).</param>
    /// <param name="width">Sensor width the link was opened with.</param>
    /// <param name="height">Sensor height.</param>
    public SerialLinkEventSource(SerialEventSource link, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        _link = link;
        Width = width;
        Height = height;
    }

    /// <inheritdoc/>
    public string Name => _link.SourceName;

    /// <inheritdoc/>
    public string Description => $"SE21 frames with EVT 2.1 payload, {Width} x {Height} sensor";

    /// <inheritdoc/>
    public bool IsLive => true;

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int Height { get; }

    /// <inheritdoc/>
    public bool EndOfStream => _link.EndOfStream;

    /// <summary>The link (frame counters).</summary>
    public SerialEventSource Link => _link;

    /// <summary>Opens the serial port a specification names.</summary>
    /// <param name="spec">Port, baud rate, read timeout and sensor geometry.</param>
    /// <returns>The source.</returns>
    /// <exception cref="EventSourceException">The port cannot be opened.</exception>
    public static SerialLinkEventSource Open(SerialSourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            var link = SerialEventSource.Open(spec.PortName, spec.BaudRate, spec.ReadTimeoutMilliseconds, spec.Width, spec.Height);
            return new SerialLinkEventSource(link, spec.Width, spec.Height);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or PlatformNotSupportedException)
        {
            throw new EventSourceException($"serial {spec.PortName}", e.Message.ReplaceLineEndings(" "), e);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="SerialLinkException">A read failed.</exception>
    /// <exception cref="Devices.EventStreamException">A frame holds malformed EVT 2.1, or the stream ended inside a frame.</exception>
    public int Read(Event[] buffer, int offset, int capacity) => _link.ReadEvents(buffer, offset, capacity);

    /// <summary>Closes the link.</summary>
    public void Dispose() => _link.Dispose();
}
