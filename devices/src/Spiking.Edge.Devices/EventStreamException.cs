namespace Spiking.Edge.Devices;

/// <summary>
/// Thrown when an event stream or file is malformed. Names the source (a file path or a stream label), the byte
/// offset of the offending record and the reason, in a one-line message.
/// </summary>
public sealed class EventStreamException : Exception
{
    /// <summary>Creates the exception; the message reads "source: byte offset N: reason".</summary>
    /// <param name="source">The file path or stream label.</param>
    /// <param name="offset">Byte offset in the stream of the record at fault.</param>
    /// <param name="reason">What is wrong, in a few words.</param>
    public EventStreamException(string source, long offset, string reason)
        : base($"{source}: byte offset {offset}: {reason}")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reason);
        base.Source = source;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The file path or stream label the error came from.</summary>
    public new string Source => base.Source ?? string.Empty;

    /// <summary>Byte offset in the stream of the record at fault.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without source and offset.</summary>
    public string Reason { get; }
}
