namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// A fixed-size record or header cut across <c>Decode</c> calls: the bytes read so far and the stream offset of its
/// first byte. One array for the decoder's lifetime, so assembling a record allocates nothing.
/// </summary>
internal sealed class PendingBytes
{
    private readonly byte[] _bytes;

    /// <summary>Creates a buffer for records of up to <paramref name="capacity"/> bytes.</summary>
    public PendingBytes(int capacity) => _bytes = new byte[capacity];

    /// <summary>The record's bytes; complete after <see cref="Fill"/> returned true.</summary>
    public byte[] Bytes => _bytes;

    /// <summary>Bytes of a partial record held (0 when none is in progress).</summary>
    public int Count { get; private set; }

    /// <summary>Stream offset of the first byte of the record in progress (or last completed).</summary>
    public long Start { get; private set; }

    /// <summary>
    /// Copies from the window's input until <paramref name="size"/> bytes are held; true when they are (and the
    /// buffer is emptied for the next record, its bytes kept in <see cref="Bytes"/>).
    /// </summary>
    public bool Fill(ref DecodeWindow window, int size)
    {
        if (Count == 0)
        {
            Start = window.StreamOffset;
        }

        int take = Math.Min(size - Count, window.End - window.Read);
        Array.Copy(window.Input, window.Read, _bytes, Count, take);
        Count += take;
        window.Read += take;
        if (Count < size)
        {
            return false;
        }

        Count = 0;
        return true;
    }

    /// <summary>
    /// Takes the next <paramref name="size"/>-byte record: straight from the window's input when it holds the whole
    /// record and none is in progress, through the buffer otherwise (see <see cref="Fill"/>). True, with the
    /// record's bytes and its stream offset, when a whole record was taken.
    /// </summary>
    public bool TryTake(ref DecodeWindow window, int size, out ReadOnlySpan<byte> record, out long recordStart)
    {
        if (Count == 0 && window.End - window.Read >= size)
        {
            record = window.Input.AsSpan(window.Read, size);
            recordStart = window.StreamOffset;
            window.Read += size;
            return true;
        }

        bool whole = Fill(ref window, size);
        record = whole ? _bytes.AsSpan(0, size) : default;
        recordStart = Start;
        return whole;
    }

    /// <summary>Forgets the record in progress.</summary>
    public void Clear()
    {
        Count = 0;
        Start = 0;
    }
}
