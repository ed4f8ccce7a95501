using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using Spiking.Edge.Devices.Sensors.GenX320;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Sources;

/// <summary>
/// A live GenX320 as an event source: the specification's region of interest, event-rate limit and spatio-temporal
/// filter are applied, streaming starts at construction and stops at disposal. Events are in sensor coordinates
/// (320 × 320) whatever the region of interest.
/// </summary>
public sealed class GenX320EventSource : IEventSource
{
    private readonly GenX320Sensor _sensor;
    private readonly string _description;
    private bool _disposed;

    /// <summary>Configures <paramref name="sensor"/> as <paramref name="spec"/> says and starts streaming; the source owns the sensor.</summary>
    /// <param name="sensor">A sensor already powered up and identified (see <see cref="Open"/>).</param>
    /// <param name="spec">The region of interest, event-rate limit and filter to apply.</param>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    public GenX320EventSource(GenX320Sensor sensor, GenX320SourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(spec);
        _sensor = sensor;
        Name = spec.Name;
        if (spec.EventRateLimitPerSecond > 0)
        {
            sensor.SetEventRateLimit(spec.EventRateLimitPerSecond);
        }

        if (spec.SpatioTemporalFilterMicroseconds > 0)
        {
            sensor.SetSpatioTemporalFilter(true, spec.SpatioTemporalFilterMicroseconds);
        }

        sensor.StartStreaming();
        if (spec.RegionOfInterest is { } roi)
        {
            sensor.SetRegionOfInterest(roi);
        }

        _description = $"GenX320 chip id 0x{sensor.ChipId:X8}, events from {sensor.DataSourceName}"
            + (spec.RegionOfInterest is { } r ? $", ROI {r.Width}x{r.Height}+{r.X}+{r.Y}" : "")
            + (sensor.EventRateLimitPerSecond > 0 ? $", ERC {sensor.EventRateLimitPerSecond} ev/s" : "")
            + (sensor.SpatioTemporalFilterThresholdMicroseconds > 0 ? $", STC {sensor.SpatioTemporalFilterThresholdMicroseconds} us" : "");
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Description => _description;

    /// <inheritdoc/>
    public bool IsLive => true;

    /// <inheritdoc/>
    public int Width => GenX320Fields.SensorWidth;

    /// <inheritdoc/>
    public int Height => GenX320Fields.SensorHeight;

    /// <inheritdoc/>
    public bool EndOfStream => false;

    /// <summary>The driver (counters, registers).</summary>
    public GenX320Sensor Sensor => _sensor;

    /// <summary>
    /// Opens the hardware a specification names (I2C, SPI, GPIO through System.Device.Gpio), powers the sensor up,
    /// checks its chip id, runs the bring-up file and starts streaming.
    /// </summary>
    /// <param name="spec">Buses, pins and settings.</param>
    /// <returns>The streaming source.</returns>
    /// <exception cref="EventSourceException">A bus or pin cannot be opened, the chip id differs, the bring-up file is
    /// bad, or a register transfer fails (one line naming the sensor).</exception>
    public static GenX320EventSource Open(GenX320SourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        GenX320Options options = spec.CreateOptions();
        I2cDevice? i2c = null;
        SpiDevice? spi = null;
        GpioController? gpio = null;
        GenX320Sensor? sensor = null;
        try
        {
            i2c = I2cDevice.Create(new I2cConnectionSettings(spec.I2cBus, spec.I2cAddress));
            spi = SpiDevice.Create(new SpiConnectionSettings(spec.SpiBus, spec.SpiChipSelect)
            {
                ClockFrequency = spec.SpiClockHertz,
                Mode = SpiMode.Mode0,
            });
            gpio = spec.ResetPin >= 0 || spec.PowerEnablePin >= 0 ? new GpioController() : null;
            sensor = new GenX320Sensor(i2c, new SpiEventDataPort(spi), gpio, options);
            return new GenX320EventSource(sensor, spec);
        }
        catch (Exception e) when (e is IOException or GenX320IdentityException or PlatformNotSupportedException or UnauthorizedAccessException
            or InvalidOperationException or ArgumentException)
        {
            if (sensor is not null)
            {
                sensor.Dispose();
            }
            else
            {
                i2c?.Dispose();
                spi?.Dispose();
                gpio?.Dispose();
            }

            throw new EventSourceException(spec.Name, e.Message.ReplaceLineEndings(" "), e);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="GenX320BusException">A data-port read failed.</exception>
    /// <exception cref="Devices.EventStreamException">The EVT 2.1 stream is malformed.</exception>
    public int Read(Event[] buffer, int offset, int capacity) => _sensor.ReadEvents(buffer, offset, capacity);

    /// <summary>Stops streaming and disposes the sensor and its buses.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _sensor.StopStreaming();
        }
        finally
        {
            _sensor.Dispose();
        }
    }
}
