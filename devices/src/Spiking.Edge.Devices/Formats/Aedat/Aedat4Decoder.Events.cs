using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>AEDAT 4.0 EVTS packets: buffering, decompression, the EventPacket FlatBuffer and event delivery.</summary>
public sealed partial class Aedat4Decoder
{
    // The body of an EVTS packet: all but its last byte is buffered; at the last byte the packet is decoded and its
    // events delivered, and that byte is consumed only once they all are. False when the output is full or an event
    // was refused.
    private bool StepPacketBody(ref DecodeWindow window)
    {
        int missing = _packetSize - _packetCount;
        if (missing > 1)
        {
            // Everything but the packet's last byte.
            int take = Math.Min(missing - 1, window.End - window.Read);
            Array.Copy(window.Input, window.Read, _packet, _packetCount, take);
            _packetCount += take;
            window.Read += take;
            return true;
        }

        if (!_decoded)
        {
            // Look at the last byte without consuming it: it is consumed once every event is delivered.
            _packet[_packetSize - 1] = window.Input[window.Read];
            DecodePacket();
            if (_fault != null)
            {
                return true;
            }
        }

        window.Written += Deliver(window.Output, window.OutputIndex, window.OutputLeft);
        if (_nextEvent < _eventTotal)
        {
            // Output full, or an event was refused.
            return false;
        }

        window.Read++;
        _decoded = false;
        _section = Section.PacketHeader;
        return true;
    }

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
