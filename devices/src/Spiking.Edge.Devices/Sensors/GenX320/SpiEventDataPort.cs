using System.Device.Spi;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// Event bytes read over SPI as the bus master, one transfer per <see cref="Read"/> that fills the whole buffer. The
/// far end is a bridge (an MCU or FPGA capturing the sensor's CPI output) that forwards the EVT 2.1 bytes unchanged
/// and, when it has nothing to send, whole zero words: an all-zero word is an OFF vector with an empty mask, which
/// decodes to no event. See README.md, "Event data over SPI".
/// </summary>
public sealed class SpiEventDataPort : IEventDataPort
{
    private readonly SpiDevice _device;
    private readonly bool _shouldDispose;

    /// <summary>Wraps an SPI device.</summary>
    /// <param name="device">The SPI device of the bridge.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this port.</param>
    public SpiEventDataPort(SpiDevice device, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;
        var settings = device.ConnectionSettings;
        Name = $"SPI bus {settings.BusId} chip select {settings.ChipSelectLine}";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        _device.Read(buffer);
        return buffer.Length;
    }

    /// <summary>Disposes the SPI device when this port owns it.</summary>
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _device.Dispose();
        }
    }
}
