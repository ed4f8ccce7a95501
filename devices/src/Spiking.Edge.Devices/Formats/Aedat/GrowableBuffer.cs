using System.Buffers;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// A reusable <see cref="IBufferWriter{T}"/> over one array that grows (doubling) to the largest content written
/// and is never shrunk, so that decoding packet after packet allocates only when a packet is larger than any before.
/// Growth beyond <c>limit</c> (plus one LZ4 block of slack for writers that ask for whole blocks) throws
/// <see cref="PacketTooLargeException"/>.
/// </summary>
internal sealed class GrowableBuffer : IBufferWriter<byte>
{
    // LZ4 frames ask for up to one 4 MiB block at a time.
    private const int Slack = (1 << 22) + (1 << 16);

    private readonly int _limit;
    private byte[] _array;

    /// <summary>Creates an empty buffer that refuses content beyond <paramref name="limit"/> bytes.</summary>
    public GrowableBuffer(int limit, int initialSize = 4096)
    {
        _limit = limit;
        _array = new byte[initialSize];
    }

    /// <summary>The array holding the content in [0, <see cref="Count"/>).</summary>
    public byte[] Array => _array;

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The content written.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Count);

    /// <summary>Forgets the content (keeps the array).</summary>
    public void Clear() => Count = 0;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (count < 0 || count > _array.Length - Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"must be within 0..{_array.Length - Count}");
        }

        Count += count;
        if (Count > _limit)
        {
            throw new PacketTooLargeException(_limit);
        }
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(Count);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(Count);
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> (at least 1) more bytes.</summary>
    public void Ensure(int sizeHint)
    {
        long need = Math.Max(sizeHint, 1);
        if (_array.Length - Count >= need)
        {
            return;
        }

        long wanted = Math.Max(2L * _array.Length, Count + need);
        if (Count + need > (long)_limit + Slack)
        {
            throw new PacketTooLargeException(_limit);
        }

        System.Array.Resize(ref _array, (int)Math.Min(wanted, (long)_limit + Slack));
    }
}
