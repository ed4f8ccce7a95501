namespace Spiking.Edge.Devices.Sources.Serial;

/// <summary>A failed read on the serial link, in one line: "&lt;link&gt;: reading at stream byte offset N failed: &lt;cause&gt;".</summary>
public sealed class SerialLinkException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="link">The link, e.g. "serial /dev/ttyACM0".</param>
    /// <param name="streamOffset">Bytes read from the link before the failed read.</param>
    /// <param name="inner">The stream's exception.</param>
    public SerialLinkException(string link, long streamOffset, Exception inner)
        : base($"{link}: reading at stream byte offset {streamOffset} failed: {inner?.Message.ReplaceLineEndings(" ")}", inner)
    {
        Link = link;
        StreamOffset = streamOffset;
    }

    /// <summary>The link named in the message.</summary>
    public string Link { get; }

    /// <summary>Bytes read from the link before the failed read.</summary>
    public long StreamOffset { get; }
}
