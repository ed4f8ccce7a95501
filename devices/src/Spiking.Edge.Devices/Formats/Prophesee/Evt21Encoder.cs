using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Encodes events as Prophesee EVT 2.1 words (either byte order) into caller-owned byte buffers. Consecutive events
/// of the same time, row and polarity whose x rise within one 32-aligned group share a vector word; a TIME_HIGH word
/// precedes each new time-high value. <see cref="Evt21Decoder"/> reads back exactly the events written.
/// </summary>
/// <remarks>
/// Times beyond 2^34 µs wrap as the format does: the encoder never steps TIME_HIGH forward by half its range or more
/// (it inserts intermediate TIME_HIGH words), so the decoder's wrap-around rule recovers the full time. The last
/// vector word stays pending until an event that cannot join it, or <see cref="Flush"/>.
/// </remarks>
public sealed class Evt21Encoder
{
    private const string FormatName = "EVT 2.1";
    private readonly Evt21ByteOrder _byteOrder;
    private readonly EventGrouping _grouping;
    private bool _hasTimeHigh;
    private long _timeHigh;

    /// <summary>Creates an encoder.</summary>
    /// <param name="byteOrder">How to lay out the 64-bit words.</param>
    /// <param name="width">Sensor width (1..2048): events at x ≥ width are refused.</param>
    /// <param name="height">Sensor height (1..2048): events at y ≥ height are refused.</param>
    public Evt21Encoder(Evt21ByteOrder byteOrder, int width, int height)
    {
        if (!Enum.IsDefined(byteOrder))
        {
            throw new ArgumentOutOfRangeException(nameof(byteOrder), byteOrder, "must be Little or Legacy");
        }

        EncoderChecks.Geometry(width, height, Evt21Format.MaxSensorSize);
        _byteOrder = byteOrder;
        _grouping = new EventGrouping(FormatName, width, height, Evt21Format.MaxEventsPerWord, Evt21Format.WordBytes);
    }

    /// <summary>Events taken so far (a pending word's events included).</summary>
    public long EventsEncoded => _grouping.EventsEncoded;

    /// <summary>True when a vector word waits for more events or for <see cref="Flush"/>.</summary>
    public bool HasPendingWord => _grouping.IsPending;

    /// <summary>
    /// Encodes events from <paramref name="events"/>[offset, offset + count) into
    /// <paramref name="output"/>[outputOffset, outputOffset + outputCapacity), 8 bytes per word. Stops when the output
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

    /// <summary>Writes the pending vector word, if any; returns the bytes written (0 or 8).</summary>
    /// <exception cref="ArgumentException">A word is pending and the output has less than 8 bytes.</exception>
    public int Flush(byte[] output, int outputOffset, int outputCapacity)
    {
        EncoderChecks.OutputRange(output, outputOffset, outputCapacity);
        if (!_grouping.IsPending)
        {
            return 0;
        }

        if (outputCapacity < Evt21Format.WordBytes)
        {
            throw new ArgumentException($"the pending word needs {Evt21Format.WordBytes} bytes, the output has {outputCapacity}", nameof(outputCapacity));
        }

        WritePending(output, outputOffset);
        return Evt21Format.WordBytes;
    }

    // A group can open with no TIME_HIGH word first.
    private bool IsReadyFor(in Event e) => _hasTimeHigh && e.TimestampMicroseconds >> Evt21Format.TimeLowBits == _timeHigh;

    // The pending vector word, or the next TIME_HIGH word the event needs.
    private void WriteNextWord(in Event e, byte[] output, int index)
    {
        if (_grouping.IsPending)
        {
            WritePending(output, index);
        }
        else
        {
            WriteTimeHighFor(e.TimestampMicroseconds, output, index);
        }
    }

    // Writes the next TIME_HIGH word towards the event's time (the time base does not match it yet).
    private void WriteTimeHighFor(long timestamp, byte[] output, int index)
    {
        long target = timestamp >> Evt21Format.TimeLowBits;
        long next = !_hasTimeHigh
            ? (target <= Evt21Format.TimeHighMask ? target : 0) // the decoder starts at loop 0: beyond 2^34 µs, step from 0
            : (target - _timeHigh < Evt21Format.TimeHighHalfRange ? target : _timeHigh + Evt21Format.TimeHighHalfRange - 1);
        WriteWord(output, index, ((uint)Evt21Format.TypeTimeHigh << Evt21Format.TypeShift) | (uint)(next & Evt21Format.TimeHighMask), 0);
        _hasTimeHigh = true;
        _timeHigh = next;
    }

    private void WritePending(byte[] output, int index)
    {
        uint header = ((uint)_grouping.Polarity << Evt21Format.TypeShift)
            | ((uint)(_grouping.Time & Evt21Format.TimeLowMask) << Evt21Format.TimeLowShift)
            | ((uint)_grouping.BaseX << Evt21Format.XShift)
            | (uint)_grouping.Y;
        WriteWord(output, index, header, _grouping.Mask);
        _grouping.Close();
    }

    private void WriteWord(byte[] output, int index, uint header, uint payload)
    {
        var span = output.AsSpan(index, Evt21Format.WordBytes);
        bool little = _byteOrder == Evt21ByteOrder.Little;
        BinaryPrimitives.WriteUInt32LittleEndian(span, little ? payload : header);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], little ? header : payload);
    }

    /// <summary>The EVT 2.1 words for <see cref="EventGrouping"/>.</summary>
    private readonly struct Words(Evt21Encoder encoder) : IGroupWords
    {
        /// <inheritdoc/>
        public bool IsReadyFor(in Event e) => encoder.IsReadyFor(e);

        /// <inheritdoc/>
        public int OpenGroup(in Event e) => e.X & ~(Evt21Format.MaxEventsPerWord - 1);

        /// <inheritdoc/>
        public void WriteWord(in Event e, byte[] output, int index) => encoder.WriteNextWord(e, output, index);
    }
}
