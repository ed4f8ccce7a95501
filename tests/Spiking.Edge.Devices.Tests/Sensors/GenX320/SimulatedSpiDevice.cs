using System.Device.Spi;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

/// <summary>
/// An SPI bridge replaying recorded EVT 2.1 bytes: each read takes the next bytes, zero filler after the end (empty
/// OFF vectors, which decode to nothing); a chosen read can fail with an <see cref="IOException"/>.
/// </summary>
internal sealed class SimulatedSpiDevice : SpiDevice
{
    private readonly byte[] _data;
    private readonly SpiConnectionSettings _settings = new(0, 0) { ClockFrequency = 10_000_000, Mode = SpiMode.Mode0 };
    private int _position;

    public SimulatedSpiDevice(byte[] data) => _data = data;

    /// <summary>Zero-based index of the read that throws, or -1.</summary>
    public int FailingRead { get; set; } = -1;

    /// <summary>Reads performed so far (the failing one included).</summary>
    public int Reads { get; private set; }

    /// <summary>True once every recorded byte was handed out.</summary>
    public bool Exhausted => _position >= _data.Length;

    public override SpiConnectionSettings ConnectionSettings => _settings;

    public override void Read(Span<byte> buffer)
    {
        if (Reads++ == FailingRead)
        {
            throw new IOException("Error 5 performing SPI data transfer.");
        }

        int n = Math.Min(buffer.Length, Math.Max(0, _data.Length - _position));
        _data.AsSpan(_position, n).CopyTo(buffer);
        buffer[n..].Clear();
        _position += n;
    }

    public override byte ReadByte() => throw new NotSupportedException("the data port reads whole chunks");

    public override void WriteByte(byte value) => throw new NotSupportedException("the data port only reads");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException("the data port only reads");

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
        throw new NotSupportedException("the data port only reads");
}
