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
    private readonly int _width;
    private readonly int _height;
    private bool _hasTimeHigh;
    private long _timeHigh;
    private bool _pending;
    private long _pendingTime;
    private int _pendingY;
    private int _pendingPolarity;
    private int _pendingBaseX;
    private int _pendingLastX;
    private uint _pendingMask;
    private long _lastTimestamp;

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
        _width = width;
        _height = height;
    }

    /// <summary>Events taken so far (a pending word's events included).</summary>
    public long EventsEncoded { get; private set; }

    /// <summary>True when a vector word waits for more events or for <see cref="Flush"/>.</summary>
    public bool HasPendingWord => _pending;

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

            if (!_pending && _hasTimeHigh && e.TimestampMicroseconds >> Evt21Format.TimeLowBits == _timeHigh)
            {
                StartWord(e);
                Take(e, ref taken);
                continue;
            }

            if (outputCapacity - written < Evt21Format.WordBytes)
            {
                break;
            }

            if (_pending)
            {
                WritePending(output, outputOffset + written);
            }
            else
            {
                WriteTimeHighFor(e.TimestampMicroseconds, output, outputOffset + written);
            }

            written += Evt21Format.WordBytes;
        }

        eventsConsumed = taken;
        return written;
    }

    /// <summary>Writes the pending vector word, if any; returns the bytes written (0 or 8).</summary>
    /// <exception cref="ArgumentException">A word is pending and the output has less than 8 bytes.</exception>
    public int Flush(byte[] output, int outputOffset, int outputCapacity)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (outputOffset < 0 || outputCapacity < 0 || outputCapacity > output.Length - outputOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(outputCapacity), $"range [{outputOffset}, {outputOffset}+{outputCapacity}) is outside the output array of {output.Length}");
        }

        if (!_pending)
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

    private bool TryJoin(in Event e)
    {
        if (!_pending || e.TimestampMicroseconds != _pendingTime || e.Y != _pendingY || e.Polarity != _pendingPolarity)
        {
            return false;
        }

        return e.X > _pendingLastX && e.X < _pendingBaseX + Evt21Format.MaxEventsPerWord;
    }

    private void Take(in Event e, ref int taken)
    {
        _pendingMask |= 1u << (e.X - _pendingBaseX);
        _pendingLastX = e.X;
        _lastTimestamp = e.TimestampMicroseconds;
        EventsEncoded++;
        taken++;
    }

    private void StartWord(in Event e)
    {
        _pending = true;
        _pendingTime = e.TimestampMicroseconds;
        _pendingY = e.Y;
        _pendingPolarity = e.Polarity;
        _pendingBaseX = e.X & ~(Evt21Format.MaxEventsPerWord - 1);
        _pendingLastX = -1;
        _pendingMask = 0;
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
        uint header = ((uint)_pendingPolarity << Evt21Format.TypeShift)
            | ((uint)(_pendingTime & Evt21Format.TimeLowMask) << Evt21Format.TimeLowShift)
            | ((uint)_pendingBaseX << Evt21Format.XShift)
            | (uint)_pendingY;
        WriteWord(output, index, header, _pendingMask);
        _pending = false;
    }

    private void WriteWord(byte[] output, int index, uint header, uint payload)
    {
        var span = output.AsSpan(index, Evt21Format.WordBytes);
        bool little = _byteOrder == Evt21ByteOrder.Little;
        BinaryPrimitives.WriteUInt32LittleEndian(span, little ? payload : header);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], little ? header : payload);
    }
}
