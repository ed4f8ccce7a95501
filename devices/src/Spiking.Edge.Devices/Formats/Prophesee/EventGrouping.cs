using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// The encoding loop the Prophesee vector encoders (EVT 2.1, EVT 3.0) share: refuses events the format cannot carry,
/// and groups consecutive events of one time, row and polarity whose x rise within a word's span from the group's
/// base x. The format (<see cref="IGroupWords"/>) says when an event needs a time or row word first and writes the
/// words; the loop stops when the output cannot take the next word.
/// </summary>
internal sealed class EventGrouping
{
    private readonly string _formatName;
    private readonly int _width;
    private readonly int _height;
    private readonly int _span;
    private readonly int _wordBytes;
    private int _lastX;
    private long _lastTimestamp;

    /// <summary>Creates the loop of one encoder.</summary>
    /// <param name="formatName">The format's name in messages (e.g. "EVT 3.0").</param>
    /// <param name="width">Sensor width: events at x ≥ width are refused.</param>
    /// <param name="height">Sensor height: events at y ≥ height are refused.</param>
    /// <param name="span">Pixels a group covers from its base x.</param>
    /// <param name="wordBytes">Bytes per word.</param>
    public EventGrouping(string formatName, int width, int height, int span, int wordBytes)
    {
        _formatName = formatName;
        _width = width;
        _height = height;
        _span = span;
        _wordBytes = wordBytes;
    }

    /// <summary>Events taken so far (a pending group's events included).</summary>
    public long EventsEncoded { get; private set; }

    /// <summary>True when a group waits for more events or for its words.</summary>
    public bool IsPending { get; private set; }

    /// <summary>The pending group's time (µs).</summary>
    public long Time { get; private set; }

    /// <summary>The pending group's row.</summary>
    public int Y { get; private set; }

    /// <summary>The pending group's polarity.</summary>
    public int Polarity { get; private set; }

    /// <summary>The pending group's base x.</summary>
    public int BaseX { get; private set; }

    /// <summary>The pending group's events: bit i for x = <see cref="BaseX"/> + i.</summary>
    public uint Mask { get; private set; }

    /// <summary>Events in the pending group.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Encodes events from <paramref name="events"/>[offset, offset + count) into
    /// <paramref name="output"/>[outputOffset, outputOffset + outputCapacity) with the words of <paramref name="words"/>.
    /// Stops when the output cannot take the next word.
    /// </summary>
    /// <typeparam name="TWords">The format's words: a struct, so that the loop is compiled for each format with direct calls.</typeparam>
    /// <param name="words">The format's words.</param>
    /// <param name="events">Events in time order.</param>
    /// <param name="offset">First event to encode.</param>
    /// <param name="count">Events available.</param>
    /// <param name="output">Caller-owned byte buffer.</param>
    /// <param name="outputOffset">First byte to write.</param>
    /// <param name="outputCapacity">Bytes available.</param>
    /// <param name="eventsConsumed">Events taken.</param>
    /// <returns>Bytes written.</returns>
    public int Encode<TWords>(TWords words, Event[] events, int offset, int count, byte[] output, int outputOffset, int outputCapacity, out int eventsConsumed)
        where TWords : struct, IGroupWords
    {
        EncoderChecks.Ranges(events, offset, count, output, outputOffset, outputCapacity);
        int written = 0;
        int taken = 0;
        while (taken < count)
        {
            ref readonly Event e = ref events[offset + taken];
            EncoderChecks.Event(_formatName, e, EventsEncoded, _width, _height, _lastTimestamp);
            if (!Joins(e))
            {
                if (IsPending || !words.IsReadyFor(e))
                {
                    if (outputCapacity - written < _wordBytes)
                    {
                        break;
                    }

                    words.WriteWord(e, output, outputOffset + written);
                    written += _wordBytes;
                    continue;
                }

                Open(e, words.OpenGroup(e));
            }

            Mask |= 1u << (e.X - BaseX);
            _lastX = e.X;
            Count++;
            _lastTimestamp = e.TimestampMicroseconds;
            EventsEncoded++;
            taken++;
        }

        eventsConsumed = taken;
        return written;
    }

    /// <summary>Ends the pending group: its last word is written.</summary>
    public void Close() => IsPending = false;

    private bool Joins(in Event e) =>
        IsPending && e.TimestampMicroseconds == Time && e.Y == Y && e.Polarity == Polarity && e.X > _lastX && e.X < BaseX + _span;

    private void Open(in Event e, int baseX)
    {
        IsPending = true;
        Time = e.TimestampMicroseconds;
        Y = e.Y;
        Polarity = e.Polarity;
        BaseX = baseX;
        _lastX = -1;
        Mask = 0;
        Count = 0;
    }
}
