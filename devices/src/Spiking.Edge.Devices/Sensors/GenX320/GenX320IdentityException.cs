namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// The chip-id register did not hold the expected id: "GenX320 on I2C bus B address 0xNN: expected chip id 0x…,
/// found 0x…". Thrown by the <see cref="GenX320Sensor"/> constructor.
/// </summary>
public sealed class GenX320IdentityException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="bus">The control bus, e.g. "I2C bus 1 address 0x3C".</param>
    /// <param name="expectedChipId">The id the options asked for.</param>
    /// <param name="foundChipId">The id read from register 0x0014.</param>
    public GenX320IdentityException(string bus, uint expectedChipId, uint foundChipId)
        : base($"GenX320 on {bus}: expected chip id 0x{expectedChipId:X8}, found 0x{foundChipId:X8}")
    {
        Bus = bus;
        ExpectedChipId = expectedChipId;
        FoundChipId = foundChipId;
    }

    /// <summary>The control bus named in the message.</summary>
    public string Bus { get; }

    /// <summary>The id the options asked for.</summary>
    public uint ExpectedChipId { get; }

    /// <summary>The id read from the chip.</summary>
    public uint FoundChipId { get; }
}
