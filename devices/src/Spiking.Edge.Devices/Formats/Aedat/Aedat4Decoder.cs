using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Streaming decoder of AEDAT 4.0 (iniVation DV) into caller-owned event buffers: the magic line, a size-prefixed
/// IOHeader FlatBuffer (compression, file data position, XML stream description), then packets (int32 stream id,
/// int32 size, body compressed with LZ4 frames, Zstandard or nothing; decompressed body = size-prefixed FlatBuffer
/// with the stream type as file identifier). EVTS packets are decoded; packets of other streams are skipped whole
/// (not decompressed) and counted. Decoding stops at the FileDataTable when the header gives its position, and
/// runs to the end of the stream otherwise.
/// </summary>
/// <remarks>
/// Input may be cut at any byte. An EVTS packet is buffered until complete (one buffer grown to the largest packet,
/// and one for its decompressed body: nothing is allocated per event) and its last byte is consumed only once all
/// its events are delivered, so that a caller who stops when all input is consumed gets every event. Events
/// earlier than the previous one are skipped and counted. Malformed input is refused with an
/// <see cref="EventStreamException"/> at the offset of the header or packet at fault (README.md in this folder
/// lists every case). Dispose to free the Zstandard context.
/// </remarks>
public sealed partial class Aedat4Decoder : IEventDecoder, IDisposable
{
    private const int LengthOffset = Aedat4Format.MagicBytes;
    private const int HeaderOffset = Aedat4Format.MagicBytes + 4;

    private readonly int? _eventStreamId;
    private readonly PendingBytes _scratch = new(Aedat4Format.PacketHeaderBytes);
    private readonly Aedat4Codec _codec;
    private readonly List<Aedat4StreamInfo> _streams = [];
    private byte[] _header = [];
    private byte[] _packet = [];
    private int _headerCount;
    private Section _section;
    private long _position;
    private long _packetStart;
    private int _packetSize;
    private int _packetCount;
    private Aedat4StreamInfo? _packetStream;
    private bool _decoded;
    private byte[] _events = [];
    private int _eventsStart;
    private int _eventTotal;
    private int _nextEvent;
    private long _skipLeft;
    private long _lastTimestamp;
    private EventStreamException? _fault;

    /// <summary>Creates a decoder.</summary>
    /// <param name="source">Names the stream in error messages (e.g. a file path).</param>
    /// <param name="eventStreamId">The EVTS stream to decode; null decodes every EVTS stream in file order. Packets of
    /// other EVTS streams are then skipped and counted like any other stream's.</param>
    public Aedat4Decoder(string source = "AEDAT 4.0 stream", int? eventStreamId = null)
        : this(source, eventStreamId, Aedat4Format.MaxDecompressedPacketBytes)
    {
    }

    /// <summary>Creates a decoder with another decompressed-packet limit (tests of the limit use a small one).</summary>
    internal Aedat4Decoder(string source, int? eventStreamId, int decompressedPacketLimit)
    {
        ArgumentNullException.ThrowIfNull(source);
        SourceName = source;
        _eventStreamId = eventStreamId;
        _codec = new Aedat4Codec(decompressedPacketLimit);
        Reset();
    }

    private enum Section
    {
        Magic,
        HeaderLength,
        Header,
        PacketHeader,
        PacketBody,
        SkipBody,
        FileDataTable,
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <inheritdoc/>
    public long Position => _position;

    /// <inheritdoc/>
    public long EventCount { get; private set; }

    /// <inheritdoc/>
    /// <remarks>The sizeX of the first decoded EVTS stream in the description, 0 until the header is read or when absent.</remarks>
    public int Width { get; private set; }

    /// <inheritdoc/>
    public int Height { get; private set; }

    /// <summary>The packet compression named by the IOHeader (valid once the header is read).</summary>
    public Aedat4Compression Compression { get; private set; }

    /// <summary>The byte offset of the FileDataTable from the IOHeader, or −1 when the file has none.</summary>
    public long FileDataPosition { get; private set; }

    /// <summary>The streams of the file description (empty until the header is read).</summary>
    public IReadOnlyList<Aedat4StreamInfo> Streams => _streams;

    /// <summary>EVTS packets decoded.</summary>
    public long EventPacketCount { get; private set; }

    /// <summary>Packets skipped whole: streams other than the decoded EVTS stream(s).</summary>
    public long SkippedPacketCount { get; private set; }

    /// <summary>Events skipped because their timestamp is earlier than the previous event's.</summary>
    public long BackwardTimestampCount { get; private set; }

    /// <summary>Bytes from the FileDataTable position to the end of the stream (not decoded).</summary>
    public long FileDataTableBytes { get; private set; }

    /// <inheritdoc/>
    public void Reset()
    {
        _streams.Clear();
        _header = [];
        _scratch.Clear();
        _headerCount = 0;
        _section = Section.Magic;
        _position = 0;
        _packetStart = 0;
        _packetSize = 0;
        _packetCount = 0;
        _packetStream = null;
        _decoded = false;
        _events = [];
        _eventsStart = 0;
        _eventTotal = 0;
        _nextEvent = 0;
        _skipLeft = 0;
        _lastTimestamp = long.MinValue;
        _fault = null;
        EventCount = 0;
        Width = 0;
        Height = 0;
        Compression = Aedat4Compression.None;
        FileDataPosition = -1;
        EventPacketCount = 0;
        SkippedPacketCount = 0;
        BackwardTimestampCount = 0;
        FileDataTableBytes = 0;
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
        => SectionLoop.Decode(new Sections(this), ref _position, input, offset, count, output, outputOffset, outputCapacity, out consumed);

    // One step of the current section (see ISectionDecoder.Step).
    private bool Step(ref DecodeWindow window)
    {
        switch (_section)
        {
            case Section.Magic:
                if (window.Input[window.Read] != Aedat4Format.Magic[_headerCount])
                {
                    _fault = new EventStreamException(SourceName, 0, "not an AEDAT 4.0 stream: it does not start with #!AER-DAT4.0");
                    return true;
                }

                window.Read++;
                if (++_headerCount == Aedat4Format.MagicBytes)
                {
                    _headerCount = 0;
                    _section = Section.HeaderLength;
                }

                return true;
            case Section.HeaderLength:
                if (_scratch.Fill(ref window, 4))
                {
                    StartHeader(BinaryPrimitives.ReadUInt32LittleEndian(_scratch.Bytes));
                }

                return true;
            case Section.Header:
                int part = Math.Min(_header.Length - _headerCount, window.End - window.Read);
                Array.Copy(window.Input, window.Read, _header, _headerCount, part);
                _headerCount += part;
                window.Read += part;
                if (_headerCount == _header.Length)
                {
                    ReadHeader();
                }

                return true;
            case Section.PacketHeader:
                if (_scratch.Count == 0)
                {
                    _packetStart = window.StreamOffset;
                    if (_packetStart == FileDataPosition)
                    {
                        _section = Section.FileDataTable;
                        return true;
                    }
                }

                if (_scratch.Fill(ref window, Aedat4Format.PacketHeaderBytes))
                {
                    StartPacket(BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes), BinaryPrimitives.ReadInt32LittleEndian(_scratch.Bytes.AsSpan(4)));
                }

                return true;
            case Section.PacketBody:
                return StepPacketBody(ref window);
            case Section.SkipBody:
                _skipLeft -= window.Skip(_skipLeft);
                if (_skipLeft == 0)
                {
                    _section = Section.PacketHeader;
                }

                return true;
            default:
                FileDataTableBytes += window.End - window.Read;
                window.Read = window.End;
                return true;
        }
    }

    /// <inheritdoc/>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null)
        {
            _fault = _section switch
            {
                _ when _position == 0 => new EventStreamException(SourceName, 0, "empty stream: no #!AER-DAT4.0 header"),
                Section.Magic or Section.HeaderLength or Section.Header =>
                    new EventStreamException(SourceName, 0, "the stream ends inside the file header"),
                Section.PacketHeader when _scratch.Count > 0 => new EventStreamException(
                    SourceName, _packetStart, $"truncated packet header: the stream ends after {_scratch.Count} of {Aedat4Format.PacketHeaderBytes} bytes"),
                Section.PacketHeader when FileDataPosition >= 0 && _position < FileDataPosition => new EventStreamException(
                    SourceName, _position, $"the stream ends before the file data table at byte offset {FileDataPosition}"),
                Section.PacketBody or Section.SkipBody => new EventStreamException(
                    SourceName, _packetStart, $"truncated packet: the stream ends inside its {_packetSize}-byte body"),
                _ => null,
            };
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    /// <summary>Frees the Zstandard decompression context.</summary>
    public void Dispose() => _codec.Dispose();

    /// <summary>The decoder's sections for <see cref="SectionLoop"/>.</summary>
    private readonly struct Sections(Aedat4Decoder decoder) : ISectionDecoder
    {
        /// <inheritdoc/>
        public EventStreamException? Fault => decoder._fault;

        /// <inheritdoc/>
        public bool Step(ref DecodeWindow window) => decoder.Step(ref window);
    }
}
