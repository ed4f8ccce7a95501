using System.Buffers.Binary;
using System.Text;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>Builds AEDAT 3.1 captures in code: header lines and libcaer event packets.</summary>
internal static class Aedat31Bytes
{
    /// <summary>The header cAER writes, naming a DAVIS346B.</summary>
    public static readonly string[] Davis346Header =
        ["#!AER-DAT3.1", "#Format: RAW", "#Source 1: DAVIS346B", "#Start-Time: 2017-03-01 12:00:00 (TZ+0100)", "#!END-HEADER"];

    public static byte[] Header(params string[] lines) => Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => l + "\r\n")));

    /// <summary>A packet: the 28-byte header with the given fields, then <paramref name="body"/>.</summary>
    public static byte[] Packet(short type, int size, int tsOffset, int overflow, int capacity, int number, int valid, byte[] body)
    {
        var bytes = new byte[28 + body.Length];
        BinaryPrimitives.WriteInt16LittleEndian(bytes, type);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), size);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), tsOffset);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), overflow);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), capacity);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(20), number);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), valid);
        body.CopyTo(bytes, 28);
        return bytes;
    }

    /// <summary>A polarity packet of the given events, capacity = number + <paramref name="spareCapacity"/> (zero-filled).</summary>
    public static byte[] Polarity(int overflow, int spareCapacity, params (int X, int Y, int Polarity, int Timestamp, bool Valid)[] events)
    {
        var body = new byte[(events.Length + spareCapacity) * 8];
        for (int i = 0; i < events.Length; i++)
        {
            var (x, y, polarity, timestamp, valid) = events[i];
            uint data = ((uint)x << 17) | ((uint)y << 2) | ((uint)polarity << 1) | (valid ? 1u : 0u);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(i * 8), data);
            BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan((i * 8) + 4), timestamp);
        }

        return Packet(1, 8, 4, overflow, events.Length + spareCapacity, events.Length, events.Count(e => e.Valid), body);
    }

    /// <summary>A packet of another type (its body is opaque to the decoder).</summary>
    public static byte[] Other(short type, int eventSize, int count) =>
        Packet(type, eventSize, eventSize - 4, 0, count, count, count, Enumerable.Range(0, eventSize * count).Select(i => (byte)(i * 7)).ToArray());

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
