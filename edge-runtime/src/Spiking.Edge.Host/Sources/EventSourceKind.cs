namespace Spiking.Edge.Host.Sources;

/// <summary>The kinds of event source a <c>--source</c> specification can name.</summary>
public enum EventSourceKind
{
    /// <summary><c>file:PATH</c>: a recording in any format the devices library reads.</summary>
    File = 0,

    /// <summary><c>genx320:KEY=VALUE,…</c>: a live Prophesee GenX320 over I2C, SPI and GPIO.</summary>
    GenX320 = 1,

    /// <summary><c>serial:PORT,KEY=VALUE,…</c>: a board forwarding EVT 2.1 words in SE21 frames over USB-serial.</summary>
    Serial = 2,
}
