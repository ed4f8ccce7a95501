using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.NMnist;

/// <summary>
/// Writes events in the N-MNIST binary format to a stream. Timestamps must be non-negative and non-decreasing;
/// a timestamp beyond the 23-bit field is reached with overflow markers (y = 240, each adding 2^13 µs), so that
/// <see cref="NMnistDecoder"/> reads back exactly the events written.
/// </summary>
public sealed class NMnistEncoder
{
    private const int BufferRecords = 4096;

    private readonly Stream _destination;
    private readonly byte[] _buffer = new byte[BufferRecords * NMnistFormat.RecordBytes];
    private int _buffered;
    private long _timestampOffset;
    private long _lastTimestamp;
    private long _eventsWritten;

    /// <summary>Creates an encoder writing to <paramref name="destination"/> (not closed by the encoder).</summary>
    public NMnistEncoder(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("the destination stream is not writable", nameof(destination));
        }

        _destination = destination;
    }

    /// <summary>Events written so far (overflow markers not counted).</summary>
    public long EventsWritten => _eventsWritten;

    /// <summary>Writes <paramref name="count"/> events starting at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentException">An event has x or y ≥ 34, a polarity above 1, a negative timestamp or
    /// a timestamp earlier than the previous one; the message names the event's index in the whole stream.</exception>
    public void Write(Event[] events, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (offset < 0 || count < 0 || count > events.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"range [{offset}, {offset}+{count}) is outside the array of {events.Length}");
        }

        for (int i = 0; i < count; i++)
        {
            Write(events[offset + i]);
        }
    }

    /// <summary>Writes one event.</summary>
    /// <exception cref="ArgumentException">The event cannot be represented (see <see cref="Write(Event[], int, int)"/>).</exception>
    public void Write(Event e)
    {
        if (EventChecks.Problem(e, NMnistFormat.SensorSize, NMnistFormat.SensorSize, _lastTimestamp) is { } problem)
        {
            throw Invalid(problem);
        }

        while (e.TimestampMicroseconds - _timestampOffset > NMnistFormat.MaxRawTimestamp)
        {
            Put(0, NMnistFormat.OverflowMarkerY, 0, 0);
            _timestampOffset += NMnistFormat.OverflowIncrementMicroseconds;
        }

        Put((byte)e.X, (byte)e.Y, e.Polarity, (int)(e.TimestampMicroseconds - _timestampOffset));
        _lastTimestamp = e.TimestampMicroseconds;
        _eventsWritten++;
    }

    /// <summary>Writes buffered records to the stream and flushes it.</summary>
    public void Flush()
    {
        if (_buffered > 0)
        {
            _destination.Write(_buffer, 0, _buffered);
            _buffered = 0;
        }

        _destination.Flush();
    }

    private void Put(byte x, byte y, byte polarity, int rawTimestamp)
    {
        if (_buffered == _buffer.Length)
        {
            _destination.Write(_buffer, 0, _buffered);
            _buffered = 0;
        }

        _buffer[_buffered] = x;
        _buffer[_buffered + 1] = y;
        _buffer[_buffered + 2] = (byte)((polarity << 7) | ((rawTimestamp >> 16) & 0x7F));
        _buffer[_buffered + 3] = (byte)(rawTimestamp >> 8);
        _buffer[_buffered + 4] = (byte)rawTimestamp;
        _buffered += NMnistFormat.RecordBytes;
    }

    private ArgumentException Invalid(string reason) => new($"N-MNIST encoder: event {_eventsWritten}: {reason}");
}
