using System.Buffers.Binary;
using Google.FlatBuffers;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Writes events as an AEDAT 4.0 file: the magic line, an IOHeader describing one EVTS stream (id 0) of the given
/// sensor size, packets of at most <c>eventsPerPacket</c> events (size-prefixed EventPacket FlatBuffers with file
/// identifier EVTS, compressed as chosen), and, on <see cref="Finish"/>, a FileDataTable indexing every packet,
/// whose position is then written into the IOHeader (as DV does: the header has the same size either way).
/// </summary>
/// <remarks>
/// Events must have non-decreasing, non-negative timestamps, x &lt; width, y &lt; height and polarity 0 or 1; the
/// first that does not is refused with an <see cref="ArgumentException"/> naming its index in the whole stream.
/// </remarks>
public sealed class Aedat4Writer : IDisposable
{
    /// <summary>Events per packet unless told otherwise.</summary>
    public const int DefaultEventsPerPacket = 4096;

    /// <summary>Largest packet accepted: 1 Mi events (16 MiB before compression).</summary>
    public const int MaxEventsPerPacket = 1 << 20;

    /// <summary>The id of the one EVTS stream written.</summary>
    public const int EventStreamId = 0;

    private readonly Stream _destination;
    private readonly int _width;
    private readonly int _height;
    private readonly Aedat4Compression _compression;
    private readonly bool _writeFileDataTable;
    private readonly string _description;
    private readonly long _start;
    private readonly Event[] _pending;
    private readonly FlatBufferBuilder _builder;
    private readonly Aedat4Codec _codec = new(int.MaxValue - (1 << 23));
    private readonly List<PacketEntry> _table = [];
    private readonly byte[] _packetHeader = new byte[Aedat4Format.PacketHeaderBytes];
    private int _pendingCount;
    private long _offset;
    private long _written;
    private long _lastTimestamp;
    private bool _finished;

    /// <summary>Creates a writer and writes the magic line and the IOHeader.</summary>
    /// <param name="destination">The stream written to (not closed by the writer); must be seekable when a file data table is written.</param>
    /// <param name="width">Sensor width, 1..32767.</param>
    /// <param name="height">Sensor height, 1..32767.</param>
    /// <param name="compression">Packet compression.</param>
    /// <param name="eventsPerPacket">Most events per packet, 1..<see cref="MaxEventsPerPacket"/>.</param>
    /// <param name="writeFileDataTable">True to end the file with a FileDataTable (as DV does); false leaves the
    /// header's file data position at −1, like a recording that was interrupted.</param>
    /// <exception cref="ArgumentException">The destination cannot be written (or sought when needed), or an argument is out of range.</exception>
    public Aedat4Writer(Stream destination, int width, int height, Aedat4Compression compression = Aedat4Compression.Lz4, int eventsPerPacket = DefaultEventsPerPacket, bool writeFileDataTable = true)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("the destination stream is not writable", nameof(destination));
        }

        if (writeFileDataTable && !destination.CanSeek)
        {
            throw new ArgumentException("the destination stream cannot seek, which writing the file data table position needs", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, Aedat4Format.MaxSensorSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, Aedat4Format.MaxSensorSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerPacket, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eventsPerPacket, MaxEventsPerPacket);
        if (!Enum.IsDefined(compression))
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown compression");
        }

        _destination = destination;
        _width = width;
        _height = height;
        _compression = compression;
        _writeFileDataTable = writeFileDataTable;
        _description = Aedat4Description.ForEvents(width, height, compression);
        _start = destination.CanSeek ? destination.Position : 0;
        _pending = new Event[eventsPerPacket];
        _builder = new FlatBufferBuilder((Aedat4Format.EventBytes * eventsPerPacket) + 64);
        _lastTimestamp = 0;
        Put(Aedat4Format.Magic);
        Put(Header(-1));
    }

    /// <summary>Events written so far.</summary>
    public long EventsWritten => _written;

    /// <summary>Packets written so far.</summary>
    public int PacketsWritten => _table.Count;

    /// <summary>Writes <paramref name="count"/> events starting at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentException">An event is out of order or out of range; the message names its index in the whole stream.</exception>
    public void Write(Event[] events, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArrayRange.Check(events.Length, offset, count, nameof(offset), nameof(count));
        for (int i = 0; i < count; i++)
        {
            Write(events[offset + i]);
        }
    }

    /// <summary>Writes one event.</summary>
    /// <exception cref="ArgumentException">The event is out of order or out of range (see <see cref="Write(Event[], int, int)"/>).</exception>
    public void Write(Event e)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (EventChecks.Problem(e, _width, _height, _lastTimestamp) is { } problem)
        {
            throw Invalid(problem);
        }

        _lastTimestamp = e.TimestampMicroseconds;
        _pending[_pendingCount++] = e;
        _written++;
        if (_pendingCount == _pending.Length)
        {
            WritePacket();
        }
    }

    /// <summary>
    /// Writes the last partial packet and, when asked for, the FileDataTable and its position in the IOHeader; then
    /// flushes. Further writes are refused. Called by <see cref="Dispose"/> when not called before.
    /// </summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_pendingCount > 0)
        {
            WritePacket();
        }

        if (_writeFileDataTable)
        {
            long tablePosition = _offset;
            var table = FileDataTable();
            _codec.Compress(_compression, table);
            Put(_codec.Buffer.AsSpan(0, _codec.Length));
            long end = _destination.Position;
            _destination.Position = _start + Aedat4Format.MagicBytes;
            _destination.Write(Header(tablePosition));
            _destination.Position = end;
        }

        _destination.Flush();
        _codec.Dispose();
    }

    /// <summary>Finishes the file (see <see cref="Finish"/>).</summary>
    public void Dispose() => Finish();

    private ArgumentException Invalid(string reason) => new($"AEDAT 4.0 writer: event {_written}: {reason}");

    // The size-prefixed IOHeader; all fields forced so that its size does not depend on the table position.
    private byte[] Header(long fileDataPosition)
    {
        var builder = new FlatBufferBuilder(_description.Length + 128) { ForceDefaults = true };
        var description = builder.CreateString(_description);
        builder.StartTable(3);
        builder.AddLong(1, fileDataPosition, -1);
        builder.AddOffset(2, description.Value, 0);
        builder.AddInt(0, (int)_compression, 0);
        builder.FinishSizePrefixed(builder.EndTable(), Aedat4Format.HeaderIdentifier);
        return builder.SizedByteArray();
    }

    private void WritePacket()
    {
        // EventPacket { elements: [Event] }, Event = { t: int64; x: int16; y: int16; on: bool } padded to 16 bytes.
        _builder.Clear();
        _builder.StartVector(Aedat4Format.EventBytes, _pendingCount, 8);
        for (int i = _pendingCount - 1; i >= 0; i--)
        {
            ref var e = ref _pending[i];
            _builder.Prep(8, Aedat4Format.EventBytes);
            _builder.Pad(3);
            _builder.PutBool(e.Polarity != 0);
            _builder.PutShort((short)e.Y);
            _builder.PutShort((short)e.X);
            _builder.PutLong(e.TimestampMicroseconds);
        }

        var elements = _builder.EndVector();
        _builder.StartTable(1);
        _builder.AddOffset(0, elements.Value, 0);
        _builder.FinishSizePrefixed(_builder.EndTable(), Aedat4Format.EventsIdentifier);

        _codec.Compress(_compression, Built());
        BinaryPrimitives.WriteInt32LittleEndian(_packetHeader, EventStreamId);
        BinaryPrimitives.WriteInt32LittleEndian(_packetHeader.AsSpan(4), _codec.Length);
        Put(_packetHeader);
        long bodyOffset = _offset;
        Put(_codec.Buffer.AsSpan(0, _codec.Length));
        _table.Add(new PacketEntry(bodyOffset, _codec.Length, _pendingCount, _pending[0].TimestampMicroseconds, _pending[_pendingCount - 1].TimestampMicroseconds));
        _pendingCount = 0;
    }

    // FileDataTable { table: [FileDataDefinition] }, FileDataDefinition { byteOffset; packetInfo: PacketHeader struct;
    // numElements; timestampStart; timestampEnd }, PacketHeader = { streamId: int32; size: int32 }.
    private ReadOnlySpan<byte> FileDataTable()
    {
        _builder.Clear();
        var definitions = new int[_table.Count];
        for (int i = 0; i < _table.Count; i++)
        {
            var entry = _table[i];
            _builder.StartTable(5);
            _builder.AddLong(0, entry.ByteOffset, 0);
            _builder.AddLong(2, entry.NumElements, 0);
            _builder.AddLong(3, entry.TimestampStart, 0);
            _builder.AddLong(4, entry.TimestampEnd, 0);
            _builder.Prep(4, 8);
            _builder.PutInt(entry.Size);
            _builder.PutInt(EventStreamId);
            _builder.AddStruct(1, _builder.Offset, 0);
            definitions[i] = _builder.EndTable();
        }

        _builder.StartVector(4, definitions.Length, 4);
        for (int i = definitions.Length - 1; i >= 0; i--)
        {
            _builder.AddOffset(definitions[i]);
        }

        var vector = _builder.EndVector();
        _builder.StartTable(1);
        _builder.AddOffset(0, vector.Value, 0);
        _builder.FinishSizePrefixed(_builder.EndTable(), Aedat4Format.FileDataTableIdentifier);
        return Built();
    }

    private ReadOnlySpan<byte> Built()
    {
        var segment = _builder.DataBuffer.ToArraySegment(_builder.DataBuffer.Position, _builder.Offset);
        return segment.AsSpan();
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        _destination.Write(bytes);
        _offset += bytes.Length;
    }

    private readonly record struct PacketEntry(long ByteOffset, int Size, int NumElements, long TimestampStart, long TimestampEnd);
}
