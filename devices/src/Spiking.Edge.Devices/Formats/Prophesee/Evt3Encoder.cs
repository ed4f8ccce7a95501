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
    private readonly EventGrouping _grouping;

    // The decoder's state after the words written so far.
    private bool _hasTime;
    private long _timeHigh;
    private int _timeLow;
    private bool _hasRow;
    private int _row;
    private bool _hasBase;
    private int _baseX;
    private int _basePolarity;

    // The pending group (in _grouping) starts at the vector base: no VECT_BASE_X needed first.
    private bool _groupOnBase;

    /// <summary>Creates an encoder.</summary>
    /// <param name="width">Sensor width (1..2048): events at x ≥ width are refused.</param>
    /// <param name="height">Sensor height (1..2048): events at y ≥ height are refused.</param>
    public Evt3Encoder(int width, int height)
    {
        EncoderChecks.Geometry(width, height, Evt3Format.MaxSensorSize);
        _grouping = new EventGrouping(FormatName, width, height, VectorSpan, Evt3Format.WordBytes);
    }

    /// <summary>Events taken so far (a pending group's events included).</summary>
    public long EventsEncoded => _grouping.EventsEncoded;

    /// <summary>True when a group of events waits for more events or for <see cref="Flush"/>.</summary>
    public bool HasPendingGroup => _grouping.IsPending;

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
        => _grouping.Encode(new Words(this), events, offset, count, output, outputOffset, outputCapacity, out eventsConsumed);

    /// <summary>Writes the pending group, if any; returns the bytes written (0, 2 or 4).</summary>
    /// <exception cref="ArgumentException">A group is pending and the output has less than <see cref="MaxFlushBytes"/> bytes.</exception>
    public int Flush(byte[] output, int outputOffset, int outputCapacity)
    {
        EncoderChecks.OutputRange(output, outputOffset, outputCapacity);
        if (_grouping.IsPending && outputCapacity < MaxFlushBytes)
        {
            throw new ArgumentException($"the pending group needs up to {MaxFlushBytes} bytes, the output has {outputCapacity}", nameof(outputCapacity));
        }

        int written = 0;
        while (_grouping.IsPending)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(outputOffset + written), (ushort)NextGroupWord());
            written += Evt3Format.WordBytes;
        }

        return written;
    }

    // Opens a group at the event: on the vector base when the event lies within it; returns the group's base x.
    private int OpenGroup(in Event e)
    {
        _groupOnBase = _hasBase && _basePolarity == e.Polarity && e.X >= _baseX && e.X < _baseX + VectorSpan;
        return _groupOnBase ? _baseX : e.X;
    }

    // The pending group's next word, or the next time or row word the event needs.
    private void WriteNextWord(in Event e, byte[] output, int index)
    {
        int word = _grouping.IsPending ? NextGroupWord() : NextStateWord(e);
        BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(index), (ushort)word);
    }

    // The next word the pending group needs; the group is done after its last word.
    private int NextGroupWord()
    {
        if (_grouping.Count == 1 && !_groupOnBase)
        {
            _grouping.Close();
            return (Evt3Format.TypeAddrX << 12) | (_grouping.Polarity << 11) | _grouping.BaseX;
        }

        if (!_groupOnBase)
        {
            _hasBase = true;
            _baseX = _grouping.BaseX;
            _basePolarity = _grouping.Polarity;
            _groupOnBase = true;
            return (Evt3Format.TypeVectBaseX << 12) | (_grouping.Polarity << 11) | _grouping.BaseX;
        }

        _grouping.Close();
        int mask = (int)_grouping.Mask;
        if (mask < 1 << 8)
        {
            _baseX += 8;
            return (Evt3Format.TypeVect8 << 12) | mask;
        }

        _baseX += VectorSpan;
        return (Evt3Format.TypeVect12 << 12) | mask;
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

    /// <summary>The EVT 3.0 words for <see cref="EventGrouping"/>.</summary>
    private readonly struct Words(Evt3Encoder encoder) : IGroupWords
    {
        /// <inheritdoc/>
        public bool IsReadyFor(in Event e) => !encoder.NeedsStateWord(e);

        /// <inheritdoc/>
        public int OpenGroup(in Event e) => encoder.OpenGroup(e);

        /// <inheritdoc/>
        public void WriteWord(in Event e, byte[] output, int index) => encoder.WriteNextWord(e, output, index);
    }
}
