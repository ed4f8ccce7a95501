namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// How a <see cref="GenX320Sensor"/> is wired and brought up. Defaults follow Prophesee's platform wrapper
/// (<c>psee_sensor_wrapper_alif.c</c>) and <c>psee_open_evt</c>; see README.md for the wiring table.
/// </summary>
public sealed class GenX320Options
{
    /// <summary>Marks a pin that is not wired.</summary>
    public const int NotConnected = -1;

    /// <summary>The chip id the constructor requires (default: mass production, 0xB0602003).</summary>
    public uint ExpectedChipId { get; init; } = GenX320Fields.MassProductionChipId;

    /// <summary>GPIO (logical numbering of the <see cref="System.Device.Gpio.GpioController"/>) driving the active-low
    /// RSTN input, or <see cref="NotConnected"/>.</summary>
    public int ResetPin { get; init; } = NotConnected;

    /// <summary>GPIO driving the module's active-high power enable, or <see cref="NotConnected"/>.</summary>
    public int PowerEnablePin { get; init; } = NotConnected;

    /// <summary>
    /// µs between power enable and reset release (default 500: the wrapper's 100 + 100 + 200 µs between the 1.1 V,
    /// 1.8 V, 2.5 V rails and the clock, then 100 µs before RSTN).
    /// </summary>
    public int PowerToResetReleaseMicroseconds { get; init; } = 500;

    /// <summary>µs between reset release and the first I2C access (default 100,000: <c>psee_open_evt</c> waits 100 ms).</summary>
    public int ResetToFirstAccessMicroseconds { get; init; } = 100_000;

    /// <summary>The data output enabled by <see cref="GenX320Sensor.StartStreaming"/>.</summary>
    public GenX320OutputInterface OutputInterface { get; init; } = GenX320OutputInterface.Cpi;

    /// <summary>Bytes asked of the data port per read (8..1,048,576; default 4,096). Any size works: reads may end
    /// inside a word.</summary>
    public int ReadChunkBytes { get; init; } = 4_096;

    /// <summary>
    /// Board bring-up run after the identity check (clocks, power management, biases, output-interface set-up):
    /// board-specific, not shipped by this driver. Empty by default.
    /// </summary>
    public IReadOnlyList<GenX320RegisterOperation> InitSequence { get; init; } = [];

    /// <summary>Waits the given µs; replace it in tests so they do not sleep. Default <see cref="MicrosecondDelay.Wait"/>.</summary>
    public Action<int> DelayMicroseconds { get; init; } = MicrosecondDelay.Wait;

    /// <summary>Throws a one-line error naming the first invalid option.</summary>
    /// <exception cref="ArgumentException">An option is out of range or missing.</exception>
    public void Validate()
    {
        CheckPin(ResetPin, "options.ResetPin");
        CheckPin(PowerEnablePin, "options.PowerEnablePin");
        if (ResetPin >= 0 && ResetPin == PowerEnablePin)
        {
            throw new ArgumentException($"options.PowerEnablePin: pin {PowerEnablePin} is also the reset pin", "options.PowerEnablePin");
        }

        CheckRange(PowerToResetReleaseMicroseconds, 0, 10_000_000, "options.PowerToResetReleaseMicroseconds");
        CheckRange(ResetToFirstAccessMicroseconds, 0, 10_000_000, "options.ResetToFirstAccessMicroseconds");
        CheckRange(ReadChunkBytes, 8, 1 << 20, "options.ReadChunkBytes");
        if (!Enum.IsDefined(OutputInterface))
        {
            throw new ArgumentOutOfRangeException("options.OutputInterface", $"options.OutputInterface is {(int)OutputInterface}; must be Cpi or Mipi");
        }

        if (InitSequence is null)
        {
            throw new ArgumentNullException("options.InitSequence", "options.InitSequence must not be null (use an empty list)");
        }

        if (DelayMicroseconds is null)
        {
            throw new ArgumentNullException("options.DelayMicroseconds", "options.DelayMicroseconds must not be null");
        }
    }

    private static void CheckPin(int pin, string name)
    {
        if (pin < NotConnected)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} is {pin}; must be a GPIO number (0 or more) or -1 (not connected)");
        }
    }

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} is {value}; must be within {min}..{max}");
        }
    }
}
