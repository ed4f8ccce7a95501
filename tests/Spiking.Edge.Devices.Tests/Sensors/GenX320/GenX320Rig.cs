using System.Device.Gpio;
using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

/// <summary>A GenX320 on simulated buses: shared log of pin, I2C and delay operations; delays recorded, never slept.</summary>
internal sealed class GenX320Rig : IDisposable
{
    public GenX320Rig(uint chipId = GenX320Fields.MassProductionChipId, byte[]? spiData = null)
    {
        I2c = new SimulatedI2cDevice(chipId, log: Log);
        Spi = new SimulatedSpiDevice(spiData ?? []);
        Gpio = new GpioController(new RecordingGpioDriver(Log));
    }

    public List<string> Log { get; } = new();

    public List<int> Delays { get; } = new();

    public SimulatedI2cDevice I2c { get; }

    public SimulatedSpiDevice Spi { get; }

    public GpioController Gpio { get; }

    public GenX320Sensor? Sensor { get; private set; }

    /// <summary>Options with the recording delay; <paramref name="configure"/> may set other fields.</summary>
    public GenX320Options Options(Func<GenX320Options, GenX320Options>? configure = null)
    {
        var options = new GenX320Options
        {
            DelayMicroseconds = microseconds =>
            {
                Delays.Add(microseconds);
                Log.Add($"delay {microseconds}");
            },
        };
        return configure == null ? options : configure(options);
    }

    public GenX320Sensor Create(GenX320Options? options = null, bool withGpio = true)
    {
        Sensor = new GenX320Sensor(I2c, new SpiEventDataPort(Spi), withGpio ? Gpio : null, options ?? Options());
        return Sensor;
    }

    public void Dispose()
    {
        Sensor?.Dispose();
        Gpio.Dispose();
    }
}
