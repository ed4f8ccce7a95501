using System.Device.Gpio;
using System.Device.I2c;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// A live Prophesee GenX320 (320 × 320 event sensor): control registers over I2C, event bytes from an
/// <see cref="IEventDataPort"/> (SPI bridge or parallel capture), reset and power-enable pins over GPIO. The
/// constructor powers the sensor up, checks its chip id and runs the board's bring-up sequence; then configure
/// (<see cref="SetRegionOfInterest"/>, <see cref="SetEventRateLimit"/>, <see cref="SetSpatioTemporalFilter"/>),
/// <see cref="StartStreaming"/> and pull events with <see cref="ReadEvents"/>. See README.md for wiring and sources.
/// </summary>
/// <remarks>
/// Disposal follows dotnet/iot's convention: with <c>shouldDispose</c> true (the default) the sensor disposes the I2C
/// device, the data port and the GPIO controller it was given. Pins are left as they are; call
/// <see cref="PowerDown"/> first to hold the sensor in reset and remove its power. Not thread-safe.
/// </remarks>
public sealed partial class GenX320Sensor : IDisposable
{
    private readonly GenX320Options _options;
    private readonly GenX320ControlBus _bus;
    private readonly IEventDataPort _port;
    private readonly GpioController? _gpio;
    private readonly bool _shouldDispose;
    private readonly Evt21Decoder _decoder;
    private readonly byte[] _chunk;
    private bool _disposed;

    /// <summary>Powers the sensor up (when pins are wired), checks its identity and runs the bring-up sequence.</summary>
    /// <param name="controlBus">The sensor's I2C device (address 0x3C on known boards).</param>
    /// <param name="dataPort">Where the EVT 2.1 bytes come from.</param>
    /// <param name="gpio">The controller of the reset and power-enable pins; null when neither is wired.</param>
    /// <param name="options">Wiring, delays and bring-up; validated here.</param>
    /// <param name="shouldDispose">True to dispose the devices with this sensor.</param>
    /// <exception cref="ArgumentException">An option is invalid, or pins are wired but <paramref name="gpio"/> is null.</exception>
    /// <exception cref="GenX320BusException">Reading the chip id (or a bring-up write) failed on the bus.</exception>
    /// <exception cref="GenX320IdentityException">The chip id is not <see cref="GenX320Options.ExpectedChipId"/>.</exception>
    public GenX320Sensor(I2cDevice controlBus, IEventDataPort dataPort, GpioController? gpio, GenX320Options options, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(controlBus);
        ArgumentNullException.ThrowIfNull(dataPort);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (gpio is null && (options.ResetPin >= 0 || options.PowerEnablePin >= 0))
        {
            throw new ArgumentException("gpio: options.ResetPin or options.PowerEnablePin is wired, so a GpioController is required", nameof(gpio));
        }

        _options = options;
        _bus = new GenX320ControlBus(controlBus, shouldDispose);
        _port = dataPort;
        _gpio = gpio;
        _shouldDispose = shouldDispose;
        _chunk = new byte[options.ReadChunkBytes];
        _decoder = new Evt21Decoder(Evt21ByteOrder.Little, GenX320Fields.SensorWidth, GenX320Fields.SensorHeight, dataPort.Name);

        PowerUp();
        ChipId = CheckIdentity();
        RunInitSequence();
    }

    /// <summary>The chip id read at construction.</summary>
    public uint ChipId { get; }

    /// <summary>Raw register access, for settings this driver does not wrap.</summary>
    public GenX320ControlBus Registers => _bus;

    /// <summary>The data port's name ("SPI bus 0 chip select 0"), the source named in decoding errors.</summary>
    public string DataSourceName => _port.Name;

    /// <summary>Holds the sensor in reset and removes its power (for the pins that are wired); streaming stops.</summary>
    public void PowerDown()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_options.ResetPin >= 0)
        {
            _gpio!.Write(_options.ResetPin, PinValue.Low);
        }

        if (_options.PowerEnablePin >= 0)
        {
            _gpio!.Write(_options.PowerEnablePin, PinValue.Low);
        }

        IsStreaming = false;
    }

    /// <summary>Disposes the devices when the sensor owns them (see remarks).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _bus.Dispose();
        if (_shouldDispose)
        {
            _port.Dispose();
            _gpio?.Dispose();
        }
    }

    // Power-up (psee_sensor_wrapper_alif.c): reset asserted, power on, wait for rails and clock, release reset, wait
    // before the first register access.
    private void PowerUp()
    {
        bool reset = _options.ResetPin >= 0;
        bool power = _options.PowerEnablePin >= 0;
        if (!reset && !power)
        {
            return;
        }

        if (reset)
        {
            OpenOutput(_options.ResetPin);
            _gpio!.Write(_options.ResetPin, PinValue.Low);
        }

        if (power)
        {
            OpenOutput(_options.PowerEnablePin);
            _gpio!.Write(_options.PowerEnablePin, PinValue.High);
        }

        _options.DelayMicroseconds(_options.PowerToResetReleaseMicroseconds);
        if (reset)
        {
            _gpio!.Write(_options.ResetPin, PinValue.High);
        }

        _options.DelayMicroseconds(_options.ResetToFirstAccessMicroseconds);
    }

    private void OpenOutput(int pin)
    {
        if (_gpio!.IsPinOpen(pin))
        {
            _gpio.SetPinMode(pin, PinMode.Output);
        }
        else
        {
            _gpio.OpenPin(pin, PinMode.Output);
        }
    }

    private uint CheckIdentity()
    {
        uint found = _bus.Read(GenX320Register.ChipId);
        if (found != _options.ExpectedChipId)
        {
            throw new GenX320IdentityException(_bus.Name, _options.ExpectedChipId, found);
        }

        return found;
    }

    private void RunInitSequence()
    {
        foreach (var operation in _options.InitSequence)
        {
            if (operation.IsDelay)
            {
                _options.DelayMicroseconds(operation.DelayMicroseconds);
            }
            else
            {
                _bus.Write((GenX320Register)operation.Address, operation.Value);
            }
        }
    }
}
