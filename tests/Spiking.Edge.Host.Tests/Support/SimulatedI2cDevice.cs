using System.Buffers.Binary;
using System.Device.I2c;
using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>
/// A GenX320 on a simulated I2C bus (the minimal part of tests/Spiking.Edge.Devices.Tests/Sensors/GenX320's
/// simulation): 16-bit big-endian register addresses, 32-bit big-endian values; writes stored, reads answer them.
/// </summary>
internal sealed class SimulatedI2cDevice : I2cDevice
{
    private readonly I2cConnectionSettings _settings = new(1, 0x3C);

    public SimulatedI2cDevice(uint chipId)
    {
        Registers[0x0014] = chipId;
    }

    public Dictionary<ushort, uint> Registers { get; } = new();

    public List<(ushort Address, uint Value)> Writes { get; } = new();

    public override I2cConnectionSettings ConnectionSettings => _settings;

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        ushort address = BinaryPrimitives.ReadUInt16BigEndian(writeBuffer);
        uint value = Registers.GetValueOrDefault(address);
        if (address == (ushort)GenX320Register.StcInitialization)
        {
            value |= GenX320Fields.StcInitDone; // the filter's SRAM reports its initialisation done at once
        }

        BinaryPrimitives.WriteUInt32BigEndian(readBuffer, value);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ushort address = BinaryPrimitives.ReadUInt16BigEndian(buffer);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(buffer[2..]);
        Registers[address] = value;
        Writes.Add((address, value));
    }

    public override byte ReadByte() => throw new NotSupportedException();

    public override void Read(Span<byte> buffer) => throw new NotSupportedException();

    public override void WriteByte(byte value) => throw new NotSupportedException();
}
