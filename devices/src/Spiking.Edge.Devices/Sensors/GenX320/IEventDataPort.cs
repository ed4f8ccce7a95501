namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// Where the sensor's event bytes come from: an SPI bridge (<see cref="SpiEventDataPort"/>), or a parallel-capture
/// (CPI) port supplied by the host. Bytes are the EVT 2.1 stream unchanged; a read may end anywhere, even inside a
/// 64-bit word.
/// </summary>
public interface IEventDataPort : IDisposable
{
    /// <summary>The bus, e.g. "SPI bus 0 chip select 0", as used in error messages.</summary>
    string Name { get; }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes.</summary>
    /// <param name="buffer">Destination.</param>
    /// <returns>Bytes read; 0 when nothing is available now.</returns>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    int Read(Span<byte> buffer);
}
