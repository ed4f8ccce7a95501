namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// One step of a board bring-up sequence (<see cref="GenX320Options.InitSequence"/>): a register write or a delay,
/// the two operations of Prophesee's ISSD files.
/// </summary>
public readonly record struct GenX320RegisterOperation
{
    private GenX320RegisterOperation(bool isDelay, ushort address, uint value, int microseconds)
    {
        IsDelay = isDelay;
        Address = address;
        Value = value;
        DelayMicroseconds = microseconds;
    }

    /// <summary>True for a delay, false for a register write.</summary>
    public bool IsDelay { get; }

    /// <summary>Register address of a write.</summary>
    public ushort Address { get; }

    /// <summary>Value of a write.</summary>
    public uint Value { get; }

    /// <summary>Length of a delay in µs.</summary>
    public int DelayMicroseconds { get; }

    /// <summary>A register write.</summary>
    /// <param name="address">Register address.</param>
    /// <param name="value">Value written.</param>
    public static GenX320RegisterOperation Write(ushort address, uint value) => new(false, address, value, 0);

    /// <summary>A delay.</summary>
    /// <param name="microseconds">Length in µs (0..10,000,000).</param>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or above 10 s.</exception>
    public static GenX320RegisterOperation Delay(int microseconds)
    {
        if (microseconds < 0 || microseconds > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(microseconds), $"a delay of {microseconds} us is outside 0..10,000,000 us");
        }

        return new(true, 0, 0, microseconds);
    }
}
