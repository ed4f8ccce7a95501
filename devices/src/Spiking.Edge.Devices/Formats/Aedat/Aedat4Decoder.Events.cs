using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>AEDAT 4.0 EVTS packets: decompression, the EventPacket FlatBuffer and event delivery.</summary>
public sealed partial class Aedat4Decoder
{
    private void DecodePacket()
    {
        try
        {
            var body = _packet.AsSpan(0, _packetSize);
            ReadOnlySpan<byte> content;
            if (Compression == Aedat4Compression.None)
            {
                _events = _packet;
                content = body;
            }
            else
            {
                _codec.Decompress(Compression, body);
                _events = _codec.Buffer;
                content = _codec.Buffer.AsSpan(0, _codec.Length);
            }

            if (content.Length < 4)
            {
                throw new InvalidDataException($"the body holds {content.Length} bytes, too few for a size prefix");
            }

            long size = BinaryPrimitives.ReadUInt32LittleEndian(content);
            if (size > content.Length - 4)
            {
                throw new InvalidDataException($"size prefix {size} exceeds the {content.Length - 4} bytes that follow it");
            }

            var buffer = content.Slice(4, (int)size);
            FlatBufferView.CheckIdentifier(buffer, Aedat4Format.EventsIdentifier);
            int root = FlatBufferView.Root(buffer);
            int elements = FlatBufferView.Field(buffer, root, 0, 4);
            var (start, total) = elements == 0 ? (0, 0) : FlatBufferView.Vector(buffer, elements, Aedat4Format.EventBytes, "the events");

            // Positions in _events: the content starts at 0 of _events, the FlatBuffer 4 bytes later.
            _eventsStart = 4 + start;
            _eventTotal = total;
            _nextEvent = 0;
            _decoded = true;
            EventPacketCount++;
        }
        catch (InvalidDataException e)
        {
            _fault = new EventStreamException(SourceName, _packetStart, $"{Aedat4Format.EventsIdentifier} packet of stream {_packetStream!.Id}: {e.Message}");
        }
    }

    // Writes up to `capacity` events of the decoded packet; stops early when an event is refused (fault set).
    private int Deliver(Event[] output, int outputOffset, int capacity)
    {
        int written = 0;
        var stream = _packetStream!;
        while (written < capacity && _nextEvent < _eventTotal)
        {
            var element = _events.AsSpan(_eventsStart + (Aedat4Format.EventBytes * _nextEvent), Aedat4Format.EventBytes);
            long t = BinaryPrimitives.ReadInt64LittleEndian(element);
            short x = BinaryPrimitives.ReadInt16LittleEndian(element[8..]);
            short y = BinaryPrimitives.ReadInt16LittleEndian(element[10..]);
            string? problem =
                t < 0 ? $"timestamp {t} is negative" :
                x < 0 || y < 0 ? $"x = {x}, y = {y} is negative" :
                stream.Width > 0 && (x >= stream.Width || y >= stream.Height) ? $"x = {x}, y = {y} is outside the {stream.Width} x {stream.Height} sensor of stream {stream.Id}" :
                null;
            if (problem != null)
            {
                _fault = new EventStreamException(SourceName, _packetStart, $"event {_nextEvent} of the {Aedat4Format.EventsIdentifier} packet: {problem}");
                return written;
            }

            _nextEvent++;
            if (t < _lastTimestamp)
            {
                BackwardTimestampCount++;
                continue;
            }

            _lastTimestamp = t;
            ref var target = ref output[outputOffset + written];
            target.X = (ushort)x;
            target.Y = (ushort)y;
            target.Polarity = element[12] != 0 ? (byte)1 : (byte)0;
            target.TimestampMicroseconds = t;
            written++;
            EventCount++;
        }

        return written;
    }
}
