namespace Spiking.Edge.Host.Sources;

/// <summary>
/// A source that could not be opened or started (no such bus or port, the wrong chip on the bus, an unreadable
/// bring-up file): one line naming the source, then the cause's message.
/// </summary>
public sealed class EventSourceException : IOException
{
    /// <summary>Creates the error.</summary>
    /// <param name="source">Names the source, e.g. "genx320 on I2C bus 1 address 0x3C".</param>
    /// <param name="reason">What failed.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public EventSourceException(string source, string reason, Exception? inner = null)
        : base($"{source}: {reason}", inner)
    {
        SourceName = source;
    }

    /// <summary>Names the source.</summary>
    public string SourceName { get; }
}
