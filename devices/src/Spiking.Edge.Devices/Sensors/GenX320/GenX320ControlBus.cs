using System.Buffers.Binary;
using System.Device.I2c;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// The GenX320's 32-bit control registers over I2C. A write is one transfer of 6 bytes: the 16-bit register address
/// big-endian, then the 32-bit value big-endian. A read is a combined transfer (repeated start): the 2 address bytes
/// written, then 4 bytes read, big-endian. Sources: Prophesee's platform wrapper <c>psee_sensor_wrapper_alif.c</c>
/// (byte-swapped 16-bit halves), OpenMV <c>genx320.c</c> <c>read_reg</c>/<c>write_reg</c>, and the Prophesee Linux
/// driver <c>psee-i2c.c</c> (16-bit addresses for "saphir", the GenX320). No allocation per transfer.
/// </summary>
public sealed class GenX320ControlBus : IDisposable
{
    private readonly I2cDevice _device;
    private readonly bool _shouldDispose;
    private readonly byte[] _write = new byte[6];
    private readonly byte[] _read = new byte[4];

    /// <summary>Wraps an I2C device (7-bit address 0x3C on every known board).</summary>
    /// <param name="device">The I2C device of the sensor.</param>
    /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this object.</param>
    public GenX320ControlBus(I2cDevice device, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;
        var settings = device.ConnectionSettings;
        Name = $"I2C bus {settings.BusId} address 0x{settings.DeviceAddress:X2}";
    }

    /// <summary>"I2C bus B address 0xNN", as used in messages.</summary>
    public string Name { get; }

    /// <summary>Register writes issued so far (for diagnostics).</summary>
    public long WriteCount { get; private set; }

    /// <summary>Reads a 32-bit register.</summary>
    /// <param name="register">The register.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="GenX320BusException">The transfer failed (the bus driver threw an <see cref="IOException"/>).</exception>
    public uint Read(GenX320Register register)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_write, (ushort)register);
        try
        {
            _device.WriteRead(_write.AsSpan(0, 2), _read);
        }
        catch (IOException e)
        {
            throw new GenX320BusException(Name, "reading register " + Describe(register), -1, e);
        }

        return BinaryPrimitives.ReadUInt32BigEndian(_read);
    }

    /// <summary>Writes a 32-bit register.</summary>
    /// <param name="register">The register.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="GenX320BusException">The transfer failed.</exception>
    public void Write(GenX320Register register, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_write, (ushort)register);
        BinaryPrimitives.WriteUInt32BigEndian(_write.AsSpan(2), value);
        try
        {
            _device.Write(_write);
        }
        catch (IOException e)
        {
            throw new GenX320BusException(Name, $"writing 0x{value:X8} to register {Describe(register)}", -1, e);
        }

        WriteCount++;
    }

    /// <summary>Read-modify-write: clears the <paramref name="clear"/> bits, then sets the <paramref name="set"/> bits.</summary>
    /// <param name="register">The register.</param>
    /// <param name="clear">Bits to clear.</param>
    /// <param name="set">Bits to set.</param>
    /// <exception cref="GenX320BusException">A transfer failed.</exception>
    public void Update(GenX320Register register, uint clear, uint set)
    {
        uint value = Read(register);
        Write(register, (value & ~clear) | set);
    }

    /// <summary>"0xAAAA (Name)" for a known register, "0xAAAA" otherwise.</summary>
    internal static string Describe(GenX320Register register) =>
        Enum.IsDefined(register) ? $"0x{(ushort)register:X4} ({register})" : $"0x{(ushort)register:X4}";

    /// <summary>Disposes the I2C device when this object owns it.</summary>
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _device.Dispose();
        }
    }
}
