using System.Buffers.Binary;
using System.Device.I2c;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

/// <summary>
/// A GenX320 on a simulated I2C bus: 16-bit big-endian register addresses, 32-bit big-endian values. Writes are stored
/// and logged; reads answer the stored value, or a status override; a read of a chosen register can be made to fail.
/// </summary>
internal sealed class SimulatedI2cDevice : I2cDevice
{
    private readonly I2cConnectionSettings _settings;
    private readonly List<string>? _log;

    public SimulatedI2cDevice(uint chipId, int busId = 1, int address = 0x3C, List<string>? log = null)
    {
        _settings = new I2cConnectionSettings(busId, address);
        _log = log;
        Registers[0x0014] = chipId;
    }

    /// <summary>Register contents (what was written, or preset).</summary>
    public Dictionary<ushort, uint> Registers { get; } = new();

    /// <summary>Values read back instead of the stored ones (status registers).</summary>
    public Dictionary<ushort, uint> ReadOverrides { get; } = new();

    /// <summary>Every register write, in order.</summary>
    public List<(ushort Address, uint Value)> Writes { get; } = new();

    /// <summary>Raw bytes of every write transfer and of every read request.</summary>
    public List<byte[]> Transfers { get; } = new();

    /// <summary>A register whose read throws <see cref="IOException"/>, or null.</summary>
    public ushort? FailingRead { get; set; }

    public override I2cConnectionSettings ConnectionSettings => _settings;

    /// <summary>The last value written to <paramref name="address"/>.</summary>
    public uint Last(ushort address) => Writes.Last(w => w.Address == address).Value;

    /// <summary>The values written to <paramref name="address"/>, in order.</summary>
    public uint[] WritesTo(ushort address) => Writes.Where(w => w.Address == address).Select(w => w.Value).ToArray();

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Assert.Equal(2, writeBuffer.Length);
        Assert.Equal(4, readBuffer.Length);
        Transfers.Add(writeBuffer.ToArray());
        ushort address = BinaryPrimitives.ReadUInt16BigEndian(writeBuffer);
        _log?.Add($"i2c read 0x{address:X4}");
        if (FailingRead == address)
        {
            throw new IOException("Error 121 performing I2C data transfer.");
        }

        uint value = ReadOverrides.TryGetValue(address, out uint forced) ? forced : Registers.GetValueOrDefault(address);
        BinaryPrimitives.WriteUInt32BigEndian(readBuffer, value);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Assert.Equal(6, buffer.Length);
        Transfers.Add(buffer.ToArray());
        ushort address = BinaryPrimitives.ReadUInt16BigEndian(buffer);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(buffer[2..]);
        _log?.Add($"i2c write 0x{address:X4}=0x{value:X8}");
        Registers[address] = value;
        Writes.Add((address, value));
    }

    public override byte ReadByte() => throw new NotSupportedException("the GenX320 driver reads registers with WriteRead");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("the GenX320 driver reads registers with WriteRead");

    public override void WriteByte(byte value) => throw new NotSupportedException("the GenX320 driver writes whole registers");
}
