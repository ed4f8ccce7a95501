using System.Device.Spi;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>An SPI bridge replaying recorded EVT 2.1 bytes, then zero filler (empty OFF vectors: no events).</summary>
internal sealed class SimulatedSpiDevice : SpiDevice
{
    private readonly byte[] _data;
    private readonly SpiConnectionSettings _settings = new(0, 0) { ClockFrequency = 10_000_000, Mode = SpiMode.Mode0 };
    private int _position;

    public SimulatedSpiDevice(byte[] data) => _data = data;

    public bool Exhausted => _position >= _data.Length;

    public override SpiConnectionSettings ConnectionSettings => _settings;

    public override void Read(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, Math.Max(0, _data.Length - _position));
        _data.AsSpan(_position, n).CopyTo(buffer);
        buffer[n..].Clear();
        _position += n;
    }

    public override byte ReadByte() => throw new NotSupportedException();

    public override void WriteByte(byte value) => throw new NotSupportedException();

    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException();

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => throw new NotSupportedException();
}
