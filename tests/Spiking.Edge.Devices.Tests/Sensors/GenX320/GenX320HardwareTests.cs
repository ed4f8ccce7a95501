using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.Globalization;
using Spiking.Edge.Devices.Sensors.GenX320;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

/// <summary>
/// Tests against a real GenX320 (see the folder README, "Hardware tests"). Skipped unless
/// SPIKING_EDGE_GENX320_I2C_BUS names the I2C bus; the other variables default to the README's wiring.
/// </summary>
[Trait("Category", "Hardware")]
public class GenX320HardwareTests
{
    private const string BusVariable = "SPIKING_EDGE_GENX320_I2C_BUS";

    [SkippableFact]
    public void The_sensor_on_the_named_bus_answers_its_chip_id()
    {
        using var sensor = Open();

        Assert.Contains(sensor.ChipId, new[] { GenX320Fields.MassProductionChipId, GenX320Fields.EngineeringSampleChipId });
    }

    [SkippableFact]
    public void One_second_of_streaming_gives_events_inside_the_array_in_time_order()
    {
        Skip.If(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SPIKING_EDGE_GENX320_INIT")), "SPIKING_EDGE_GENX320_INIT is not set: streaming needs the board's bring-up sequence");
        using var sensor = Open();
        sensor.StartStreaming();
        var buffer = new Event[4_096];
        long events = 0;
        long last = long.MinValue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1_000)
        {
            int n = sensor.ReadEvents(buffer, 0, buffer.Length);
            for (int i = 0; i < n; i++)
            {
                Assert.InRange(buffer[i].X, 0, 319);
                Assert.InRange(buffer[i].Y, 0, 319);
                Assert.True(buffer[i].TimestampMicroseconds >= last, $"event {events + i} goes back in time");
                last = buffer[i].TimestampMicroseconds;
            }

            events += n;
        }

        sensor.StopStreaming();
        Assert.True(events > 0, $"no events in 1 s ({sensor.BytesRead} bytes read); is the scene moving and the bridge forwarding?");
    }

    private static GenX320Sensor Open()
    {
        string? bus = Environment.GetEnvironmentVariable(BusVariable);
        Skip.If(string.IsNullOrEmpty(bus), $"{BusVariable} is not set: no GenX320 wired to this machine (see Sensors/GenX320/README.md)");
        int resetPin = Number("SPIKING_EDGE_GENX320_RESET_PIN", GenX320Options.NotConnected);
        int powerPin = Number("SPIKING_EDGE_GENX320_POWER_PIN", GenX320Options.NotConnected);
        string? init = Environment.GetEnvironmentVariable("SPIKING_EDGE_GENX320_INIT");
        var options = new GenX320Options
        {
            InitSequence = string.IsNullOrEmpty(init) ? [] : GenX320InitSequence.Parse(File.ReadAllText(init), init),
            ResetPin = resetPin,
            PowerEnablePin = powerPin,
            ExpectedChipId = (uint)Number("SPIKING_EDGE_GENX320_CHIP_ID", unchecked((int)GenX320Fields.MassProductionChipId)),
        };
        var i2c = I2cDevice.Create(new I2cConnectionSettings(int.Parse(bus!, CultureInfo.InvariantCulture), GenX320Fields.DefaultI2cAddress));
        var spi = SpiDevice.Create(new SpiConnectionSettings(Number("SPIKING_EDGE_GENX320_SPI_BUS", 0), Number("SPIKING_EDGE_GENX320_SPI_CS", 0))
        {
            ClockFrequency = Number("SPIKING_EDGE_GENX320_SPI_HZ", 10_000_000),
            Mode = SpiMode.Mode0,
        });
        var gpio = resetPin >= 0 || powerPin >= 0 ? new GpioController() : null;
        return new GenX320Sensor(i2c, new SpiEventDataPort(spi), gpio, options);
    }

    private static int Number(string variable, int fallback)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? unchecked((int)uint.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            : int.Parse(text, CultureInfo.InvariantCulture);
    }
}
