namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// A failed transfer on one of the GenX320's buses, in one line: "GenX320 on &lt;bus&gt;: &lt;what&gt; failed: &lt;cause&gt;".
/// Control-register failures name the register; event-data failures name the byte offset in the data stream.
/// </summary>
public sealed class GenX320BusException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="bus">The bus, e.g. "I2C bus 1 address 0x3C" or "SPI bus 0 chip select 0".</param>
    /// <param name="operation">What was attempted, e.g. "reading register 0x0014 (ChipId)".</param>
    /// <param name="streamOffset">Byte offset in the event-data stream where the failed read started, or -1.</param>
    /// <param name="inner">The bus driver's exception.</param>
    public GenX320BusException(string bus, string operation, long streamOffset, Exception inner)
        : base($"GenX320 on {bus}: {operation} failed: {OneLine(inner)}", inner)
    {
        Bus = bus;
        StreamOffset = streamOffset;
    }

    /// <summary>The bus named in the message.</summary>
    public string Bus { get; }

    /// <summary>Byte offset in the event-data stream where the failed read started; -1 for control transfers.</summary>
    public long StreamOffset { get; }

    private static string OneLine(Exception inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner.Message.ReplaceLineEndings(" ");
    }
}
