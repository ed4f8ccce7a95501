using System.Globalization;
using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Host.Sources;

/// <summary>
/// <c>genx320[:KEY=VALUE,…]</c>: a live GenX320 wired as devices/src/Spiking.Edge.Devices/Sensors/GenX320/README.md
/// shows. Keys: <c>i2c</c>, <c>address</c>, <c>spi</c>, <c>spi-hz</c>, <c>reset</c>, <c>power</c>, <c>init</c>,
/// <c>chip-id</c>, <c>interface</c>, <c>chunk</c>, <c>roi</c>, <c>erc</c>, <c>stc</c> (see each property).
/// </summary>
public sealed record GenX320SourceSpec : EventSourceSpec
{
    /// <summary>The accepted keys.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["i2c", "address", "spi", "spi-hz", "reset", "power", "init", "chip-id", "interface", "chunk", "roi", "erc", "stc"];

    /// <summary>Creates the specification with the defaults (the README's Raspberry Pi wiring without pins).</summary>
    /// <param name="text">The specification as given.</param>
    public GenX320SourceSpec(string text)
        : base(text)
    {
    }

    /// <summary>I2C bus of the control registers, <c>i2c</c> (0..255; default 1, <c>/dev/i2c-1</c>).</summary>
    public int I2cBus { get; init; } = 1;

    /// <summary>7-bit I2C address, <c>address</c> (0x08..0x77; default 0x3C).</summary>
    public int I2cAddress { get; init; } = GenX320Fields.DefaultI2cAddress;

    /// <summary>SPI bus of the event bridge, <c>spi=BUS.CS</c> (default 0.0, <c>/dev/spidev0.0</c>).</summary>
    public int SpiBus { get; init; }

    /// <summary>SPI chip select, the CS of <c>spi=BUS.CS</c>.</summary>
    public int SpiChipSelect { get; init; }

    /// <summary>SPI clock in Hz, <c>spi-hz</c> (100,000..100,000,000; default 10,000,000 as in the README's hardware test).</summary>
    public int SpiClockHertz { get; init; } = 10_000_000;

    /// <summary>GPIO of the active-low reset, <c>reset</c> (0..1023 or none; default none).</summary>
    public int ResetPin { get; init; } = GenX320Options.NotConnected;

    /// <summary>GPIO of the active-high power enable, <c>power</c> (0..1023 or none; default none).</summary>
    public int PowerEnablePin { get; init; } = GenX320Options.NotConnected;

    /// <summary>Board bring-up file (<c>write 0xADDR 0xVALUE</c> / <c>delay US</c> lines), <c>init</c>; null = none.</summary>
    public string? InitSequencePath { get; init; }

    /// <summary>Chip id required at start-up, <c>chip-id</c> (default 0xB0602003, mass production).</summary>
    public uint ExpectedChipId { get; init; } = GenX320Fields.MassProductionChipId;

    /// <summary>Data output enabled, <c>interface=cpi|mipi</c> (default cpi).</summary>
    public GenX320OutputInterface OutputInterface { get; init; } = GenX320OutputInterface.Cpi;

    /// <summary>Bytes per data-port read, <c>chunk</c> (8..1,048,576; default 4,096).</summary>
    public int ReadChunkBytes { get; init; } = 4_096;

    /// <summary>Region of interest, <c>roi=WxH+X+Y</c>; null = the whole array.</summary>
    public GenX320Window? RegionOfInterest { get; init; }

    /// <summary>Event-rate limit in events/s, <c>erc</c> (10,000..200,000,000); 0 = off (default).</summary>
    public long EventRateLimitPerSecond { get; init; }

    /// <summary>Spatio-temporal filter threshold in µs, <c>stc</c> (1,000..100,000); 0 = off (default).</summary>
    public int SpatioTemporalFilterMicroseconds { get; init; }

    /// <inheritdoc/>
    public override EventSourceKind Kind => EventSourceKind.GenX320;

    /// <summary>Names the sensor by its control bus, as the driver does: "genx320 on I2C bus 1 address 0x3C".</summary>
    public string Name => $"genx320 on I2C bus {I2cBus} address 0x{I2cAddress:X2}";

    /// <summary>
    /// The driver options this specification asks for; the bring-up file, if any, is read and parsed here.
    /// </summary>
    /// <param name="delayMicroseconds">Replaces the driver's busy-wait (tests); null keeps it.</param>
    /// <returns>Validated options.</returns>
    /// <exception cref="EventSourceException">The bring-up file cannot be read or has a malformed line.</exception>
    public GenX320Options CreateOptions(Action<int>? delayMicroseconds = null)
    {
        IReadOnlyList<GenX320RegisterOperation> init = [];
        if (InitSequencePath is not null)
        {
            try
            {
                init = GenX320InitSequence.Parse(File.ReadAllText(InitSequencePath), InitSequencePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new EventSourceException(Name, $"bring-up file (init=): {e.Message}", e);
            }
        }

        var options = new GenX320Options
        {
            ExpectedChipId = ExpectedChipId,
            ResetPin = ResetPin,
            PowerEnablePin = PowerEnablePin,
            OutputInterface = OutputInterface,
            ReadChunkBytes = ReadChunkBytes,
            InitSequence = init,
            DelayMicroseconds = delayMicroseconds ?? MicrosecondDelay.Wait,
        };
        options.Validate();
        return options;
    }

    /// <summary>Parses what follows <c>genx320:</c> (may be empty).</summary>
    internal static GenX320SourceSpec FromArguments(string text, string arguments)
    {
        var values = new SpecArguments(text, arguments.Trim().Length == 0 ? [] : arguments.Split(','), Keys);
        var spec = new GenX320SourceSpec(text);
        var (spiBus, spiChipSelect) = Spi(values);
        int reset = values.Pin("reset");
        int power = values.Pin("power");
        if (reset >= 0 && reset == power)
        {
            throw values.Error("power", $"GPIO {power} is also the reset pin");
        }

        return spec with
        {
            I2cBus = (int)values.Integer("i2c", 0, 255, spec.I2cBus, "an I2C bus number 0..255"),
            I2cAddress = (int)values.Integer("address", 0x08, 0x77, spec.I2cAddress, "a 7-bit I2C address 0x08..0x77"),
            SpiBus = spiBus,
            SpiChipSelect = spiChipSelect,
            SpiClockHertz = (int)values.Integer("spi-hz", 100_000, 100_000_000, spec.SpiClockHertz, "an SPI clock 100000..100000000 Hz"),
            ResetPin = reset,
            PowerEnablePin = power,
            InitSequencePath = values.Raw("init"),
            ExpectedChipId = (uint)values.Integer("chip-id", 0, uint.MaxValue, spec.ExpectedChipId, "a 32-bit chip id such as 0xB0602003"),
            OutputInterface = values.Choice("interface", ["cpi", "mipi"], "cpi") == "mipi" ? GenX320OutputInterface.Mipi : GenX320OutputInterface.Cpi,
            ReadChunkBytes = (int)values.Integer("chunk", 8, 1 << 20, spec.ReadChunkBytes, "bytes per read 8..1048576"),
            RegionOfInterest = Roi(values),
            EventRateLimitPerSecond = values.Integer("erc", 10_000, 200_000_000, 0, "events per second 10000..200000000"),
            SpatioTemporalFilterMicroseconds = (int)values.Integer("stc", 1_000, 100_000, 0, "a threshold of 1000..100000 us"),
        };
    }

    private static (int Bus, int ChipSelect) Spi(SpecArguments values)
    {
        string? text = values.Raw("spi");
        if (text is null)
        {
            return (0, 0);
        }

        string[] parts = text.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int bus)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int chipSelect)
            || bus > 255 || chipSelect > 255)
        {
            throw values.Error("spi", $"\"{text}\" is not BUS.CS; expected e.g. spi=0.0 for /dev/spidev0.0 (each 0..255)");
        }

        return (bus, chipSelect);
    }

    private static GenX320Window? Roi(SpecArguments values)
    {
        string? text = values.Raw("roi");
        if (text is null)
        {
            return null;
        }

        string[] parts = text.ToLowerInvariant().Split('+');
        string[] size = parts[0].Split('x');
        if (parts.Length != 3 || size.Length != 2
            || !int.TryParse(size[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            || !int.TryParse(size[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int left)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int top))
        {
            throw values.Error("roi", $"\"{text}\" is not WxH+LEFT+TOP; expected e.g. roi=160x160+80+80");
        }

        var window = new GenX320Window(left, top, width, height);
        try
        {
            window.Validate("roi");
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw values.Error("roi", $"{e.Message.Split(" (Parameter", StringSplitOptions.None)[0]} (the array is 320 x 320)");
        }

        return window;
    }
}
