using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.NMnist;

/// <summary>
/// Streaming decoder of the N-MNIST binary format into caller-owned event buffers. Input may be cut at any byte:
/// a partial 5-byte record is kept between calls. No allocation per event.
/// </summary>
/// <remarks>
/// Malformed input (README.md, "Malformed input"): x or y ≥ 34 (other than the y = 240 overflow marker) and a
/// timestamp earlier than the previous event's are refused with an <see cref="EventStreamException"/> naming the
/// record's byte offset. The events before the bad record are delivered first: the call that meets it returns
/// them, and the next call (or <see cref="Finish"/>) throws. A trailing partial record is reported by
/// <see cref="Finish"/> / <see cref="Complete"/>. After an error the decoder stays failed until <see cref="Reset"/>.
/// </remarks>
public sealed class NMnistDecoder : IEventDecoder
{
    private readonly byte[] _pending = new byte[NMnistFormat.RecordBytes];
    private int _pendingCount;
    private long _position;
    private long _timestampOffset;
    private long _lastTimestamp;
    private EventStreamException? _fault;

    /// <summary>Creates a decoder; <paramref name="source"/> names the stream in error messages (e.g. a file path).</summary>
    public NMnistDecoder(string source = "N-MNIST stream")
    {
        ArgumentNullException.ThrowIfNull(source);
        SourceName = source;
    }

    /// <summary>The stream label used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>Bytes of the stream consumed so far (including a kept partial record).</summary>
    public long Position => _position;

    /// <summary>Events decoded so far (overflow markers are not events).</summary>
    public long EventCount { get; private set; }

    /// <inheritdoc/>
    /// <remarks>N-MNIST is always 34 × 34.</remarks>
    public int Width => NMnistFormat.SensorSize;

    /// <inheritdoc/>
    public int Height => NMnistFormat.SensorSize;

    /// <summary>Overflow markers met so far.</summary>
    public long OverflowMarkerCount { get; private set; }

    /// <summary>Forgets all state, ready for a new stream.</summary>
    public void Reset()
    {
        _pendingCount = 0;
        _position = 0;
        _timestampOffset = 0;
        _lastTimestamp = 0;
        _fault = null;
        EventCount = 0;
        OverflowMarkerCount = 0;
    }

    /// <summary>
    /// Decodes from <paramref name="input"/>[offset, offset + count) into <paramref name="output"/> starting at
    /// <paramref name="outputOffset"/>, writing at most <paramref name="outputCapacity"/> events.
    /// </summary>
    /// <param name="input">Raw bytes of the stream, any cut.</param>
    /// <param name="offset">First byte to read.</param>
    /// <param name="count">Bytes available.</param>
    /// <param name="output">Caller-owned event buffer.</param>
    /// <param name="outputOffset">First slot to fill.</param>
    /// <param name="outputCapacity">Slots available.</param>
    /// <param name="consumed">Bytes taken from the input; when less than <paramref name="count"/>, the output
    /// was full or a malformed record was met: call again with the rest.</param>
    /// <returns>Number of events written.</returns>
    /// <exception cref="EventStreamException">A malformed record was met earlier (or first thing in this call).</exception>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
    {
        DecodeCall.Begin(input, offset, count, output, outputOffset, outputCapacity, _fault);

        int read = offset;
        int end = offset + count;
        int written = 0;

        // Complete a record split across calls.
        if (_pendingCount > 0)
        {
            while (_pendingCount < NMnistFormat.RecordBytes && read < end)
            {
                _pending[_pendingCount++] = input[read++];
            }

            if (_pendingCount < NMnistFormat.RecordBytes)
            {
                _position += read - offset;
                consumed = read - offset;
                return 0;
            }

            if (outputCapacity == 0)
            {
                // Leave the completing bytes unread: nothing can be written.
                int taken = read - offset;
                _pendingCount -= taken;
                consumed = 0;
                return 0;
            }

            long recordStart = _position - (NMnistFormat.RecordBytes - (read - offset));
            if (!DecodeRecord(_pending[0], _pending[1], _pending[2], _pending[3], _pending[4], recordStart, ref output[outputOffset]))
            {
                if (_fault != null)
                {
                    _position += read - offset;
                    consumed = read - offset;
                    throw _fault;
                }
            }
            else
            {
                written++;
            }

            _pendingCount = 0;
        }

        while (end - read >= NMnistFormat.RecordBytes && written < outputCapacity)
        {
            long recordStart = _position + (read - offset);
            if (DecodeRecord(input[read], input[read + 1], input[read + 2], input[read + 3], input[read + 4], recordStart, ref output[outputOffset + written]))
            {
                written++;
            }
            else if (_fault != null)
            {
                read += NMnistFormat.RecordBytes;
                _position += read - offset;
                consumed = read - offset;
                if (written == 0)
                {
                    throw _fault;
                }

                return written;
            }

            read += NMnistFormat.RecordBytes;
        }

        // Keep a trailing partial record (only when the output did not stop us first).
        if (end - read < NMnistFormat.RecordBytes)
        {
            while (read < end)
            {
                _pending[_pendingCount++] = input[read++];
            }
        }

        _position += read - offset;
        consumed = read - offset;
        return written;
    }

    /// <summary>
    /// Ends the stream: true when it ended cleanly; false with the error when a malformed record was met or the
    /// stream ends inside a record (error at the partial record's first byte).
    /// </summary>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null && _pendingCount > 0)
        {
            _fault = new EventStreamException(
                SourceName,
                _position - _pendingCount,
                $"truncated record: the stream ends after {_pendingCount} of {NMnistFormat.RecordBytes} bytes");
        }

        error = _fault;
        return error == null;
    }

    /// <summary>Ends the stream; throws the error <see cref="Complete"/> would report.</summary>
    /// <exception cref="EventStreamException">The stream was malformed or ends inside a record.</exception>
    public void Finish() => DecodeCall.Finish(this);

    // Returns true when an event was written; false for an overflow marker (no fault) or a bad record (fault set).
    private bool DecodeRecord(byte b0, byte b1, byte b2, byte b3, byte b4, long recordStart, ref Event target)
    {
        if (b1 == NMnistFormat.OverflowMarkerY)
        {
            _timestampOffset += NMnistFormat.OverflowIncrementMicroseconds;
            OverflowMarkerCount++;
            return false;
        }

        if (b0 >= NMnistFormat.SensorSize || b1 >= NMnistFormat.SensorSize)
        {
            string field = b0 >= NMnistFormat.SensorSize ? $"x = {b0}" : $"y = {b1}";
            _fault = new EventStreamException(SourceName, recordStart, $"{field} is outside the 34 x 34 sensor (0..33)");
            return false;
        }

        long timestamp = (((b2 & 0x7F) << 16) | (b3 << 8) | b4) + _timestampOffset;
        if (timestamp < _lastTimestamp)
        {
            _fault = new EventStreamException(SourceName, recordStart, $"timestamp {timestamp} us is earlier than the previous event's {_lastTimestamp} us");
            return false;
        }

        _lastTimestamp = timestamp;
        target.X = b0;
        target.Y = b1;
        target.Polarity = (byte)(b2 >> 7);
        target.TimestampMicroseconds = timestamp;
        EventCount++;
        return true;
    }
}
