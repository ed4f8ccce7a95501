using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Streaming decoder of AEDAT 3.1 (libcaer / cAER) into caller-owned event buffers: an ASCII header from
/// <c>#!AER-DAT3.1</c> to <c>#!END-HEADER</c>, then event packets, each a 28-byte little-endian header
/// (eventType, eventSource, eventSize, eventTSOffset, eventTSOverflow, eventCapacity, eventNumber, eventValid) and
/// eventCapacity × eventSize bytes of events. Polarity packets (type 1) are decoded; every other packet type is
/// skipped whole and counted. Input may be cut at any byte. No allocation per event.
/// </summary>
/// <remarks>
/// Polarity event (8 bytes LE): uint32 data (bit 0 valid, bit 1 polarity, y bits 2–16, x bits 17–31), int32
/// timestamp; time = (eventTSOverflow &lt;&lt; 31) | timestamp µs. Invalid events (valid bit 0) and events earlier
/// than the previous one are skipped and counted. Refused with an <see cref="EventStreamException"/>: a first line
/// other than <c>#!AER-DAT3.1</c>, a header line not starting with '#' or longer than
/// <see cref="MaxHeaderLineBytes"/>, a <c>#Format</c> other than RAW, a packet header with impossible sizes, a
/// negative event timestamp, an event outside the geometry named in the header, and (at <see cref="Finish"/>) a
/// stream ending inside the header or a packet. See README.md in this folder.
/// </remarks>
public sealed partial class Aedat31Decoder : IEventDecoder
{
    /// <summary>Bytes of an event packet header.</summary>
    public const int PacketHeaderBytes = 28;

    /// <summary>Bytes of a polarity event.</summary>
    public const int PolarityEventBytes = 8;

    /// <summary>Longest header line accepted (a longer one is refused: it is not an AEDAT 3.1 header).</summary>
    public const int MaxHeaderLineBytes = 1 << 16;

    /// <summary>Largest packet body (eventCapacity × eventSize) accepted: 256 MiB; libcaer packets are far smaller.</summary>
    public const long MaxPacketBodyBytes = 1L << 28;

    /// <summary>The libcaer event type of polarity (DVS) packets.</summary>
    public const int PolarityEventType = 1;

    private const int TimestampOverflowShift = 31;

    private readonly PendingBytes _scratch = new(PacketHeaderBytes);
    private byte[] _line = new byte[256];
    private int _lineLength;
    private int _lineIndex;
    private long _lineStart;
    private Section _section;
    private long _position;
    private long _packetStart;
    private int _eventsLeft;
    private long _skipLeft;
    private long _overflowMicroseconds;
    private long _lastTimestamp;
    private EventStreamException? _fault;

    /// <summary>Creates a decoder; <paramref name="source"/> names the stream in error messages (e.g. a file path).</summary>
    public Aedat31Decoder(string source = "AEDAT 3.1 stream")
    {
        ArgumentNullException.ThrowIfNull(source);
        SourceName = source;
        Reset();
    }

    private enum Section
    {
        Header,
        PacketHeader,
        PolarityEvents,
        Skip,
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <inheritdoc/>
    public long Position => _position;

    /// <inheritdoc/>
    public long EventCount { get; private set; }

    /// <inheritdoc/>
    /// <remarks>From the header's <c>#Source</c> chip name or sizeX attribute; 0 when the header names neither.</remarks>
    public int Width { get; private set; }

    /// <inheritdoc/>
    public int Height { get; private set; }

    /// <summary>The chip named by the first <c>#Source</c> header line (e.g. "DAVIS346B"), or null.</summary>
    public string? SourceChip { get; private set; }

    /// <summary>Polarity packets met.</summary>
    public long PolarityPacketCount { get; private set; }

    /// <summary>Packets of other types (special, frame, IMU…) skipped whole.</summary>
    public long SkippedPacketCount { get; private set; }

    /// <summary>Polarity events skipped because their valid bit is 0.</summary>
    public long InvalidEventCount { get; private set; }

    /// <summary>Polarity events skipped because their time is earlier than the previous event's.</summary>
    public long BackwardTimestampCount { get; private set; }

    /// <inheritdoc/>
    public void Reset()
    {
        _lineLength = 0;
        _lineIndex = 0;
        _lineStart = 0;
        _scratch.Clear();
        _section = Section.Header;
        _position = 0;
        _packetStart = 0;
        _eventsLeft = 0;
        _skipLeft = 0;
        _overflowMicroseconds = 0;
        _lastTimestamp = long.MinValue;
        _fault = null;
        EventCount = 0;
        Width = 0;
        Height = 0;
        SourceChip = null;
        PolarityPacketCount = 0;
        SkippedPacketCount = 0;
        InvalidEventCount = 0;
        BackwardTimestampCount = 0;
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
        => SectionLoop.Decode(new Sections(this), ref _position, input, offset, count, output, outputOffset, outputCapacity, out consumed);

    // One step of the current section (see ISectionDecoder.Step).
    private bool Step(ref DecodeWindow window)
    {
        switch (_section)
        {
            case Section.Header:
                window.Read = ConsumeHeader(window.Input, window.Read, window.End, window.StreamOffset);
                return true;
            case Section.PacketHeader:
                if (_scratch.Fill(ref window, PacketHeaderBytes))
                {
                    _packetStart = _scratch.Start;
                    StartPacket();
                }

                return true;
            case Section.PolarityEvents:
                // Events to the end of the packet, the input, the output or the first bad event.
                do
                {
                    if (window.OutputFull)
                    {
                        return false;
                    }

                    if (!_scratch.TryTake(ref window, PolarityEventBytes, out var record, out long eventStart))
                    {
                        return true;
                    }

                    uint data = BinaryPrimitives.ReadUInt32LittleEndian(record);
                    int timestamp = BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
                    if (DecodePolarity(data, timestamp, eventStart, ref window.Output[window.OutputIndex]))
                    {
                        window.Written++;
                    }

                    if (--_eventsLeft == 0)
                    {
                        _section = _skipLeft > 0 ? Section.Skip : Section.PacketHeader;
                        return true;
                    }
                }
                while (window.Read < window.End && _fault == null);

                return true;
            default:
                _skipLeft -= window.Skip(_skipLeft);
                if (_skipLeft == 0)
                {
                    _section = Section.PacketHeader;
                }

                return true;
        }
    }

    /// <inheritdoc/>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null)
        {
            if (_position == 0)
            {
                _fault = new EventStreamException(SourceName, 0, "empty stream: no #!AER-DAT3.1 header");
            }
            else if (_section == Section.Header)
            {
                _fault = new EventStreamException(SourceName, _lineLength > 0 ? _lineStart : _position, "the stream ends inside the header (no #!END-HEADER line)");
            }
            else if (_section == Section.PacketHeader && _scratch.Count > 0)
            {
                _fault = new EventStreamException(SourceName, _scratch.Start, $"truncated packet header: the stream ends after {_scratch.Count} of {PacketHeaderBytes} bytes");
            }
            else if (_section is Section.PolarityEvents or Section.Skip)
            {
                _fault = new EventStreamException(SourceName, _packetStart, "truncated packet: the stream ends inside its events");
            }
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    private void StartPacket()
    {
        short eventType = BinaryPrimitives.ReadInt16LittleEndian(_scratch.Bytes);
        int eventSize = BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(4));
        int timestampOffset = BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(8));
        int overflow = BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(12));
        int capacity = BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(16));
        int number = BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(20));
        int valid = BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(24));
        string? problem =
            eventType < 0 ? $"event type {eventType} is negative" :
            eventSize < 4 ? $"event size {eventSize} is below 4 bytes (every event holds a 32-bit timestamp)" :
            timestampOffset < 0 || timestampOffset > eventSize - 4 ? $"timestamp offset {timestampOffset} is outside the {eventSize}-byte event" :
            overflow < 0 ? $"timestamp overflow {overflow} is negative" :
            capacity < 0 ? $"event capacity {capacity} is negative" :
            number < 0 || number > capacity ? $"event number {number} is outside 0..{capacity} (the capacity)" :
            valid < 0 || valid > number ? $"valid event count {valid} is outside 0..{number} (the event number)" :
            (long)capacity * eventSize > MaxPacketBodyBytes ? $"{capacity} events of {eventSize} bytes exceed the {MaxPacketBodyBytes}-byte packet limit" :
            eventType == PolarityEventType && (eventSize != PolarityEventBytes || timestampOffset != 4) ? $"polarity packet with event size {eventSize} and timestamp offset {timestampOffset} (expected 8 and 4)" :
            null;
        if (problem != null)
        {
            _fault = new EventStreamException(SourceName, _packetStart, "packet header: " + problem);
            return;
        }

        if (eventType == PolarityEventType)
        {
            PolarityPacketCount++;
            _overflowMicroseconds = (long)overflow << TimestampOverflowShift;
            _eventsLeft = number;
            _skipLeft = (long)(capacity - number) * PolarityEventBytes;
            _section = number > 0 ? Section.PolarityEvents : _skipLeft > 0 ? Section.Skip : Section.PacketHeader;
        }
        else
        {
            SkippedPacketCount++;
            _skipLeft = (long)capacity * eventSize;
            _section = _skipLeft > 0 ? Section.Skip : Section.PacketHeader;
        }
    }

    // True when an event was written; false for a skipped event or a refused one (fault set).
    private bool DecodePolarity(uint data, int timestamp, long eventStart, ref Event target)
    {
        if ((data & 1) == 0)
        {
            InvalidEventCount++;
            return false;
        }

        if (timestamp < 0)
        {
            _fault = new EventStreamException(SourceName, eventStart, $"polarity event timestamp {timestamp} is negative (31-bit field)");
            return false;
        }

        int x = (int)(data >> 17) & 0x7FFF;
        int y = (int)(data >> 2) & 0x7FFF;
        if (Width > 0 && (x >= Width || y >= Height))
        {
            _fault = new EventStreamException(SourceName, eventStart, $"x = {x}, y = {y} is outside the {Width} x {Height} sensor named in the header");
            return false;
        }

        long time = _overflowMicroseconds | (uint)timestamp;
        if (time < _lastTimestamp)
        {
            BackwardTimestampCount++;
            return false;
        }

        _lastTimestamp = time;
        target.X = (ushort)x;
        target.Y = (ushort)y;
        target.Polarity = (byte)((data >> 1) & 1);
        target.TimestampMicroseconds = time;
        EventCount++;
        return true;
    }

    /// <summary>The decoder's sections for <see cref="SectionLoop"/>.</summary>
    private readonly struct Sections(Aedat31Decoder decoder) : ISectionDecoder
    {
        /// <inheritdoc/>
        public EventStreamException? Fault => decoder._fault;

        /// <inheritdoc/>
        public bool Step(ref DecodeWindow window) => decoder.Step(ref window);
    }
}
