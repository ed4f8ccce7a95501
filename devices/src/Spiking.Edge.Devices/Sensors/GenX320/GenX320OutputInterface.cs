namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>Which of the sensor's data outputs <see cref="GenX320Sensor.StartStreaming"/> enables.</summary>
public enum GenX320OutputInterface
{
    /// <summary>The parallel camera interface (CPI, register 0x8000): MCU boards and CPI-to-SPI/USB bridges.</summary>
    Cpi = 0,

    /// <summary>MIPI CSI-2 (register 0xB000): the EVK3 and MIPI hosts.</summary>
    Mipi = 1,
}
