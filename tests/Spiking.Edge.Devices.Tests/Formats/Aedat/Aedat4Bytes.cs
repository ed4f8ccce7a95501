using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Google.FlatBuffers;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using Spiking.Edge.Devices.Formats.Aedat;
using ZstdSharp;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>
/// Builds AEDAT 4.0 captures in code, independently of <see cref="Aedat4Writer"/>: IOHeader, stream description,
/// EVTS and other packets (Google.FlatBuffers builder), compressed with K4os LZ4 frames or ZstdSharp directly.
/// </summary>
internal static class Aedat4Bytes
{
    public static readonly byte[] Magic = Encoding.ASCII.GetBytes("#!AER-DAT4.0\r\n");

    /// <summary>A compact DV-style description of the given streams (sizes 0 = no info node).</summary>
    public static string Description(params (int Id, string Type, int Width, int Height)[] streams)
    {
        var xml = new StringBuilder("<dv version=\"2.0\"><node name=\"outInfo\" path=\"/o/\">");
        foreach (var (id, type, width, height) in streams)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<node name=\"{id}\" path=\"/o/{id}/\"><attr key=\"typeIdentifier\" type=\"string\">{type}</attr>");
            if (width > 0)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<node name=\"info\" path=\"/o/{id}/info/\"><attr key=\"sizeX\" type=\"int\">{width}</attr><attr key=\"sizeY\" type=\"int\">{height}</attr></node>");
            }

            xml.Append("</node>");
        }

        return xml.Append("</node></dv>").ToString();
    }

    /// <summary>The usual description: EVTS 0 (346 × 260), FRME 1, IMUS 2, TRIG 3.</summary>
    public static string Davis346Description() => Description((0, "EVTS", 346, 260), (1, "FRME", 346, 260), (2, "IMUS", 0, 0), (3, "TRIG", 0, 0));

    /// <summary>Magic line and size-prefixed IOHeader (all fields forced, so the size does not depend on the values).</summary>
    public static byte[] Start(int compression, long fileDataPosition, string description, string identifier = "IOHE")
    {
        var builder = new FlatBufferBuilder(256) { ForceDefaults = true };
        var text = builder.CreateString(description);
        builder.StartTable(3);
        builder.AddLong(1, fileDataPosition, -1);
        builder.AddOffset(2, text.Value, 0);
        builder.AddInt(0, compression, 0);
        builder.FinishSizePrefixed(builder.EndTable(), identifier);
        return [.. Magic, .. builder.SizedByteArray()];
    }

    /// <summary>A size-prefixed EventPacket FlatBuffer.</summary>
    public static byte[] Events(string identifier, params (long T, short X, short Y, bool On)[] events)
    {
        var builder = new FlatBufferBuilder(64);
        builder.StartVector(16, events.Length, 8);
        for (int i = events.Length - 1; i >= 0; i--)
        {
            builder.Prep(8, 16);
            builder.Pad(3);
            builder.PutBool(events[i].On);
            builder.PutShort(events[i].Y);
            builder.PutShort(events[i].X);
            builder.PutLong(events[i].T);
        }

        var vector = builder.EndVector();
        builder.StartTable(1);
        builder.AddOffset(0, vector.Value, 0);
        builder.FinishSizePrefixed(builder.EndTable(), identifier);
        return builder.SizedByteArray();
    }

    public static byte[] Events(params (long T, short X, short Y, bool On)[] events) => Events("EVTS", events);

    /// <summary>A size-prefixed FlatBuffer of another packet type: one table holding a byte vector.</summary>
    public static byte[] Other(string identifier, int payloadBytes)
    {
        var builder = new FlatBufferBuilder(64);
        builder.StartVector(1, payloadBytes, 1);
        for (int i = payloadBytes - 1; i >= 0; i--)
        {
            builder.PutByte((byte)(i * 13));
        }

        var payload = builder.EndVector();
        builder.StartTable(1);
        builder.AddOffset(0, payload.Value, 0);
        builder.FinishSizePrefixed(builder.EndTable(), identifier);
        return builder.SizedByteArray();
    }

    /// <summary>The body compressed as the IOHeader's compression value says.</summary>
    public static byte[] Compress(int compression, byte[] body)
    {
        switch (compression)
        {
            case 1:
            case 2:
                var lz4 = new ArrayBufferWriter<byte>();
                LZ4Frame.Encode(body.AsSpan(), lz4, compression == 1 ? LZ4Level.L00_FAST : LZ4Level.L09_HC, 0);
                return lz4.WrittenSpan.ToArray();
            case 3:
            case 4:
                using (var zstd = new Compressor(compression == 3 ? 3 : 19))
                {
                    return zstd.Wrap(body).ToArray();
                }

            default:
                return body;
        }
    }

    /// <summary>A packet: stream id, size, body.</summary>
    public static byte[] Packet(int streamId, byte[] body)
    {
        var bytes = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, streamId);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), body.Length);
        body.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>A packet header claiming <paramref name="size"/> bytes, without the body.</summary>
    public static byte[] PacketHeader(int streamId, int size)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, streamId);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), size);
        return bytes;
    }

    /// <summary>
    /// A whole file: IOHeader (compression, description) and the packets (compressed here); with
    /// <paramref name="table"/> bytes appended as the file data table and its position in the header, or none (−1).
    /// </summary>
    public static byte[] File(int compression, string description, byte[]? table, params (int StreamId, byte[] Content)[] packets)
    {
        var body = packets.SelectMany(p => Packet(p.StreamId, Compress(compression, p.Content))).ToArray();
        int headerLength = Start(compression, -1, description).Length;
        long position = table == null ? -1 : headerLength + body.Length;
        return [.. Start(compression, position, description), .. body, .. table ?? []];
    }
}
