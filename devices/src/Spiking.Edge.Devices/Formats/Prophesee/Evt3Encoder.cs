using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Encodes events as Prophesee EVT 3.0 words into caller-owned byte buffers: TIME_HIGH / TIME_LOW when the time
/// changes, EVT_ADDR_Y when the row changes, then EVT_ADDR_X for a lone event or VECT_BASE_X and a VECT_12 / VECT_8
/// mask for consecutive events of the same time, row and polarity whose x rise within 12 pixels.
/// <see cref="Evt3Decoder"/> reads back exactly the events written.
/// </summary>
/// <remarks>
/// The encoder mirrors the decoder's state (time, row, vector base) and reuses the vector base where the next group
/// starts at it. Times beyond 2^24 µs wrap as the format does: TIME_HIGH never steps forward by half its range or
/// more (intermediate TIME_HIGH words are inserted). The last group stays pending until an event that cannot join it,
/// or <see cref="Flush"/>.
/// </remarks>
public sealed class Evt3Encoder
{
    /// <summary>Bytes <see cref="Flush"/> may need: VECT_BASE_X and a vector word.</summary>
    public const int MaxFlushBytes = 2 * Evt3Format.WordBytes;

    private const string FormatName = "EVT 3.0";
    private const int VectorSpan = 12;
    private readonly int _width;
    private readonly int _height;

    // The decoder's state after the words written so far.
    private bool _hasTime;
    private long _timeHigh;
    private int _timeLow;
    private bool _hasRow;
    private int _row;
    private bool _hasBase;
    private int _baseX;
    private int _basePolarity;

    // The pending group: events at (time, row, polarity) with x in [_groupX, _groupX + 12), rising.
    private bool _pending;
    private bool _groupOnBase;
    private long _groupTime;
    private int _groupY;
    private int _groupPolarity;
    private int _groupX;
    private int _groupLastX;
    private int _groupMask;
    private int _groupCount;
    private long _lastTimestamp;

    /// <summary>Creates an encoder.</summary>
    /// <param name="width">Sensor width (1..2048): events at x ≥ width are refused.</param>
    /// <param name="height">Sensor height (1..2048): events at y ≥ height are refused.</param>
    public Evt3Encoder(int width, int height)
    {
        EncoderChecks.Geometry(width, height, Evt3Format.MaxSensorSize);
        _width = width;
        _height = height;
    }

    /// <summary>Events taken so far (a pending group's events included).</summary>
    public long EventsEncoded { get; private set; }

    /// <summary>True when a group of events waits for more events or for <see cref="Flush"/>.</summary>
    public bool HasPendingGroup => _pending;

    /// <summary>
    /// Encodes events from <paramref name="events"/>[offset, offset + count) into
    /// <paramref name="output"/>[outputOffset, outputOffset + outputCapacity), 2 bytes per word. Stops when the output
    /// cannot take the next word: call again with the remaining events.
    /// </summary>
    /// <param name="events">Events in time order.</param>
    /// <param name="offset">First event to encode.</param>
    /// <param name="count">Events available.</param>
    /// <param name="output">Caller-owned byte buffer.</param>
    /// <param name="outputOffset">First byte to write.</param>
    /// <param name="outputCapacity">Bytes available.</param>
    /// <param name="eventsConsumed">Events taken.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">An event lies outside the geometry, has a polarity above 1, a negative
    /// timestamp or one earlier than the previous event's; the message names its index in the whole stream.</exception>
    public int Encode(Event[] events, int offset, int count, byte[] output, int outputOffset, int outputCapacity, out int eventsConsumed)
    {
        EncoderChecks.Ranges(events, offset, count, output, outputOffset, outputCapacity);
        int written = 0;
        int taken = 0;
        while (taken < count)
        {
            ref readonly Event e = ref events[offset + taken];
            EncoderChecks.Event(FormatName, e, EventsEncoded, _width, _height, _lastTimestamp);
            if (TryJoin(e))
            {
                Take(e, ref taken);
                continue;
            }

            if (!_pending && !NeedsStateWord(e))
            {
                StartGroup(e);
                Take(e, ref taken);
                continue;
            }

            if (outputCapacity - written < Evt3Format.WordBytes)
            {
                break;
            }

            int word = _pending ? NextGroupWord() : NextStateWord(e);
            BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(outputOffset + written), (ushort)word);
            written += Evt3Format.WordBytes;
        }

        eventsConsumed = taken;
        return written;
    }

    /// <summary>Writes the pending group, if any; returns the bytes written (0, 2 or 4).</summary>
    /// <exception cref="ArgumentException">A group is pending and the output has less than <see cref="MaxFlushBytes"/> bytes.</exception>
    public int Flush(byte[] output, int outputOffset, int outputCapacity)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (outputOffset < 0 || outputCapacity < 0 || outputCapacity > output.Length - outputOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(outputCapacity), $"range [{outputOffset}, {outputOffset}+{outputCapacity}) is outside the output array of {output.Length}");
        }

        if (_pending && outputCapacity < MaxFlushBytes)
        {
            throw new ArgumentException($"the pending group needs up to {MaxFlushBytes} bytes, the output has {outputCapacity}", nameof(outputCapacity));
        }

        int written = 0;
        while (_pending)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(outputOffset + written), (ushort)NextGroupWord());
            written += Evt3Format.WordBytes;
        }

        return written;
    }

    private bool TryJoin(in Event e) =>
        _pending && e.TimestampMicroseconds == _groupTime && e.Y == _groupY && e.Polarity == _groupPolarity
        && e.X > _groupLastX && e.X < _groupX + VectorSpan;

    private void Take(in Event e, ref int taken)
    {
        _groupMask |= 1 << (e.X - _groupX);
        _groupLastX = e.X;
        _groupCount++;
        _lastTimestamp = e.TimestampMicroseconds;
        EventsEncoded++;
        taken++;
    }

    private void StartGroup(in Event e)
    {
        _pending = true;
        _groupTime = e.TimestampMicroseconds;
        _groupY = e.Y;
        _groupPolarity = e.Polarity;
        _groupOnBase = _hasBase && _basePolarity == e.Polarity && e.X >= _baseX && e.X < _baseX + VectorSpan;
        _groupX = _groupOnBase ? _baseX : e.X;
        _groupLastX = -1;
        _groupMask = 0;
        _groupCount = 0;
    }

    // The next word the pending group needs; the group is done after its last word.
    private int NextGroupWord()
    {
        if (_groupCount == 1 && !_groupOnBase)
        {
            _pending = false;
            return (Evt3Format.TypeAddrX << 12) | (_groupPolarity << 11) | _groupX;
        }

        if (!_groupOnBase)
        {
            _hasBase = true;
            _baseX = _groupX;
            _basePolarity = _groupPolarity;
            _groupOnBase = true;
            return (Evt3Format.TypeVectBaseX << 12) | (_groupPolarity << 11) | _groupX;
        }

        _pending = false;
        if (_groupMask < 1 << 8)
        {
            _baseX += 8;
            return (Evt3Format.TypeVect8 << 12) | _groupMask;
        }

        _baseX += VectorSpan;
        return (Evt3Format.TypeVect12 << 12) | _groupMask;
    }

    private bool NeedsStateWord(in Event e) =>
        !_hasTime || e.TimestampMicroseconds >> 12 != _timeHigh || (e.TimestampMicroseconds & Evt3Format.FieldMask) != _timeLow
        || !_hasRow || e.Y != _row;

    // The next time or row word the event needs (the decoder's state does not match it yet).
    private int NextStateWord(in Event e)
    {
        long high = e.TimestampMicroseconds >> 12;
        int low = (int)(e.TimestampMicroseconds & Evt3Format.FieldMask);
        if (!_hasTime || high != _timeHigh)
        {
            long next = !_hasTime
                ? (high <= Evt3Format.FieldMask ? high : 0)
                : (high - _timeHigh < Evt3Format.TimeHighHalfRange ? high : _timeHigh + Evt3Format.TimeHighHalfRange - 1);
            _hasTime = true;
            _timeHigh = next;
            _timeLow = 0;
            return (Evt3Format.TypeTimeHigh << 12) | (int)(next & Evt3Format.FieldMask);
        }

        if (low != _timeLow)
        {
            _timeLow = low;
            return (Evt3Format.TypeTimeLow << 12) | low;
        }

        _hasRow = true;
        _row = e.Y;
        return (Evt3Format.TypeAddrY << 12) | e.Y;
    }
}
