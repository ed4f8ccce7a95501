using System.Buffers.Binary;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>The AEDAT 4.0 IOHeader and packet headers.</summary>
public sealed partial class Aedat4Decoder
{
    private void StartHeader(uint length)
    {
        if (length < 12 || length > Aedat4Format.MaxHeaderBytes)
        {
            _fault = new EventStreamException(SourceName, LengthOffset, $"IOHeader length {length} is outside 12..{Aedat4Format.MaxHeaderBytes} bytes");
            return;
        }

        _header = new byte[length];
        _headerCount = 0;
        _section = Section.Header;
    }

    private void ReadHeader()
    {
        try
        {
            var buffer = _header.AsSpan();
            FlatBufferView.CheckIdentifier(buffer, Aedat4Format.HeaderIdentifier);
            int root = FlatBufferView.Root(buffer);
            int compressionField = FlatBufferView.Field(buffer, root, 0, 4);
            int compression = compressionField == 0 ? 0 : BinaryPrimitives.ReadInt32LittleEndian(buffer[compressionField..]);
            if (compression < (int)Aedat4Compression.None || compression > (int)Aedat4Compression.ZstdHigh)
            {
                throw new InvalidDataException($"compression {compression} is not one of 0..4 (none, LZ4, LZ4 high, Zstd, Zstd high)");
            }

            int positionField = FlatBufferView.Field(buffer, root, 1, 8);
            long dataPosition = positionField == 0 ? -1 : BinaryPrimitives.ReadInt64LittleEndian(buffer[positionField..]);
            long headerEnd = HeaderOffset + _header.Length;
            if (dataPosition != -1 && dataPosition < headerEnd)
            {
                throw new InvalidDataException($"file data position {dataPosition} is neither -1 nor after the header (byte {headerEnd})");
            }

            int descriptionField = FlatBufferView.Field(buffer, root, 2, 4);
            if (descriptionField == 0)
            {
                throw new InvalidDataException("it has no description");
            }

            var streams = Aedat4Description.Parse(FlatBufferView.String(buffer, descriptionField, "the description"));
            Compression = (Aedat4Compression)compression;
            FileDataPosition = dataPosition;
            _streams.AddRange(streams);
            var events = streams.FirstOrDefault(IsDecoded);
            Width = events?.Width ?? 0;
            Height = events?.Height ?? 0;
            _header = [];
            _section = Section.PacketHeader;
        }
        catch (InvalidDataException e)
        {
            _fault = new EventStreamException(SourceName, HeaderOffset, "IOHeader: " + e.Message);
        }
    }

    private bool IsDecoded(Aedat4StreamInfo stream) =>
        stream.TypeIdentifier == Aedat4Format.EventsIdentifier && (_eventStreamId == null || _eventStreamId == stream.Id);

    private void StartPacket(int streamId, int size)
    {
        string? problem = null;
        var stream = _streams.Find(s => s.Id == streamId);
        if (size < 0 || size > Aedat4Format.MaxPacketBytes)
        {
            problem = $"packet size {size} is outside 0..{Aedat4Format.MaxPacketBytes} bytes";
        }
        else if (FileDataPosition >= 0 && _packetStart + Aedat4Format.PacketHeaderBytes + size > FileDataPosition)
        {
            problem = $"the {size}-byte packet runs past the file data table at byte offset {FileDataPosition}";
        }
        else if (stream == null)
        {
            problem = $"stream id {streamId} is not in the file description";
        }
        else if (IsDecoded(stream) && size == 0)
        {
            problem = $"the {Aedat4Format.EventsIdentifier} packet of stream {streamId} has an empty body";
        }

        if (problem != null)
        {
            _fault = new EventStreamException(SourceName, _packetStart, problem);
            return;
        }

        if (IsDecoded(stream!))
        {
            if (_packet.Length < size)
            {
                int doubled = (int)Math.Min(2L * _packet.Length, Aedat4Format.MaxPacketBytes);
                _packet = new byte[Math.Max(size, doubled)];
            }

            _packetStream = stream;
            _packetSize = size;
            _packetCount = 0;
            _section = Section.PacketBody;
        }
        else
        {
            SkippedPacketCount++;
            _packetSize = size;
            _skipLeft = size;
            _section = size > 0 ? Section.SkipBody : Section.PacketHeader;
        }
    }
}
