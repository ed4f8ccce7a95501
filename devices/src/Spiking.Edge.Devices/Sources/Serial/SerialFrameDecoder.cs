using System.Buffers.Binary;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Sources.Serial;

/// <summary>
/// Streaming decoder of the USB-serial event link (<see cref="SerialFraming"/>): finds frames, checks their length
/// and CRC-32, and decodes the EVT 2.1 payloads of the good ones with the portable <see cref="Evt21StreamDecoder"/>.
/// Input may be cut at any byte; nothing is allocated per event.
/// </summary>
/// <remarks>
/// Counted and skipped (<see cref="Counters"/>): bytes outside frames, frames with a bad length or CRC, and gaps in
/// the sequence numbers. After a rejected candidate the search restarts at the byte after its sync word, so a frame
/// hidden behind a lost or corrupted byte is still found. Refused (<see cref="EventStreamException"/> with the link's
/// byte offset): malformed EVT 2.1 inside a frame whose CRC is good, and a stream that ends inside a frame.
/// </remarks>
public sealed class SerialFrameDecoder : IEventDecoder
{
    private readonly byte[] _frame;
    private readonly int _maxPayloadBytes;
    private readonly Evt21StreamDecoder _core;
    private int _count;
    private long _position;
    private bool _delivering;
    private int _payloadOffset;
    private int _payloadEnd;
    private long _coreBase;
    private bool _hasSequence;
    private ushort _expectedSequence;
    private long _framesAccepted;
    private long _droppedFrames;
    private long _crcFailures;
    private long _badLengths;
    private long _bytesSkipped;
    private EventStreamException? _fault;

    /// <summary>Creates a decoder.</summary>
    /// <param name="width">Sensor width (0..2048, 0 = unknown: only the 11-bit range applies).</param>
    /// <param name="height">Sensor height (0..2048, 0 = unknown).</param>
    /// <param name="source">Names the link in error messages.</param>
    /// <param name="maxPayloadBytes">Largest payload accepted (8..4,096); longer length fields are bad lengths.</param>
    public SerialFrameDecoder(int width = 0, int height = 0, string source = "serial stream", int maxPayloadBytes = SerialFraming.MaxPayloadBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        DecoderArguments.CheckGeometry(width, height, Evt21Format.MaxSensorSize);

        if (maxPayloadBytes < SerialFraming.WordBytes || maxPayloadBytes > SerialFraming.MaxPayloadBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPayloadBytes), $"maxPayloadBytes is {maxPayloadBytes}; must be within {SerialFraming.WordBytes}..{SerialFraming.MaxPayloadBytes}");
        }

        _maxPayloadBytes = maxPayloadBytes;
        _frame = new byte[SerialFraming.FrameBytes(maxPayloadBytes)];
        _core = Evt21Core.Create(Evt21ByteOrder.Little, width, height);
        SourceName = source;
        Width = width;
        Height = height;
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <inheritdoc/>
    public long Position => _position;

    /// <inheritdoc/>
    public long EventCount => _core.EventCount;

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int Height { get; }

    /// <summary>What the link layer counted (frames accepted, dropped, rejected; bytes skipped).</summary>
    public SerialFrameCounters Counters => new(_framesAccepted, _droppedFrames, _crcFailures, _badLengths, _bytesSkipped);

    /// <summary>What the EVT 2.1 decoder counted and skipped inside accepted frames.</summary>
    public PropheseeCounters EventCounters => Evt21Core.Counters(_core);

    /// <inheritdoc/>
    public void Reset()
    {
        _core.Reset();
        _count = 0;
        _position = 0;
        _delivering = false;
        _hasSequence = false;
        _framesAccepted = _droppedFrames = _crcFailures = _badLengths = _bytesSkipped = 0;
        _fault = null;
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
    {
        DecodeCall.Begin(input, offset, count, output, outputOffset, outputCapacity, _fault);

        int read = offset;
        int end = offset + count;
        int written = 0;
        while (true)
        {
            if (_delivering)
            {
                written += _core.Decode(_frame, _payloadOffset, _payloadEnd - _payloadOffset, output, outputOffset + written, outputCapacity - written, out int used);
                _payloadOffset += used;
                if (_core.IsFaulted)
                {
                    long frameStart = _position - _count;
                    _fault = new EventStreamException(SourceName, frameStart + SerialFraming.HeaderBytes + (_core.FaultOffset - _coreBase), _core.FaultReason);
                    break;
                }

                if (_payloadOffset < _payloadEnd)
                {
                    break; // output full
                }

                _delivering = false;
                Discard(_payloadEnd + SerialFraming.CrcBytes, skipped: false);
                AlignToSync();
                continue;
            }

            if (_count >= SerialFraming.HeaderBytes)
            {
                int length = BinaryPrimitives.ReadUInt16LittleEndian(_frame.AsSpan(SerialFraming.LengthOffset));
                if (!SerialFraming.IsValidLength(length, _maxPayloadBytes))
                {
                    _badLengths++;
                    Reject();
                    continue;
                }

                int needed = SerialFraming.FrameBytes(length);
                if (_count >= needed)
                {
                    if (CrcMatches(length))
                    {
                        Accept(length);
                    }
                    else
                    {
                        _crcFailures++;
                        Reject();
                    }

                    continue;
                }

                if (read == end)
                {
                    break;
                }

                read += Take(input, read, Math.Min(needed - _count, end - read));
                continue;
            }

            if (read == end)
            {
                break;
            }

            if (_count >= SerialFraming.SyncBytes)
            {
                read += Take(input, read, Math.Min(SerialFraming.HeaderBytes - _count, end - read));
            }
            else if (input[read] == SerialFraming.Sync[_count])
            {
                read += Take(input, read, 1);
            }
            else if (_count == 0)
            {
                _bytesSkipped++;
                _position++;
                read++;
            }
            else
            {
                Reject(); // a broken sync; the byte is examined again from a clean state
            }
        }

        consumed = read - offset;
        return DecodeCall.End(written, _fault);
    }

    /// <inheritdoc/>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null && !_delivering && _count >= SerialFraming.SyncBytes)
        {
            _fault = new EventStreamException(SourceName, _position - _count, $"stream ends inside a frame, after {_count} of its bytes");
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    private int Take(byte[] input, int at, int bytes)
    {
        Buffer.BlockCopy(input, at, _frame, _count, bytes);
        _count += bytes;
        _position += bytes;
        return bytes;
    }

    private bool CrcMatches(int length)
    {
        int crcAt = SerialFraming.HeaderBytes + length;
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(_frame.AsSpan(crcAt));
        return SerialCrc32.Compute(_frame.AsSpan(SerialFraming.LengthOffset, crcAt - SerialFraming.LengthOffset)) == expected;
    }

    private void Accept(int length)
    {
        ushort sequence = BinaryPrimitives.ReadUInt16LittleEndian(_frame.AsSpan(SerialFraming.SequenceOffset));
        if (_hasSequence)
        {
            _droppedFrames += (ushort)(sequence - _expectedSequence);
        }

        _hasSequence = true;
        _expectedSequence = (ushort)(sequence + 1);
        _framesAccepted++;
        _delivering = true;
        _payloadOffset = SerialFraming.HeaderBytes;
        _payloadEnd = SerialFraming.HeaderBytes + length;
        _coreBase = _core.Position;
    }

    // Drops the first buffered byte (the sync of a rejected candidate) and realigns on the next possible sync.
    private void Reject()
    {
        Discard(1, skipped: true);
        AlignToSync();
    }

    // Drops buffered bytes up to the first position that starts with the sync word (or a prefix of it at the end).
    private void AlignToSync()
    {
        var sync = SerialFraming.Sync;
        int at = 0;
        for (; at < _count; at++)
        {
            int compare = Math.Min(SerialFraming.SyncBytes, _count - at);
            if (_frame.AsSpan(at, compare).SequenceEqual(sync[..compare]))
            {
                break;
            }
        }

        Discard(at, skipped: true);
    }

    private void Discard(int bytes, bool skipped)
    {
        if (bytes == 0)
        {
            return;
        }

        Buffer.BlockCopy(_frame, bytes, _frame, 0, _count - bytes);
        _count -= bytes;
        if (skipped)
        {
            _bytesSkipped += bytes;
        }
    }
}
