using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

/// <summary>Builders of raw Prophesee words from their documented bit fields, to craft tiny captures in code.</summary>
internal static class Evt2Words
{
    public static uint Cd(int polarity, int timeLow, int x, int y) => ((uint)polarity << 28) | ((uint)timeLow << 22) | ((uint)x << 11) | (uint)y;

    public static uint TimeHigh(long timeHigh) => (0x8u << 28) | (uint)timeHigh;

    public static uint Word(int type, uint payload28) => ((uint)type << 28) | (payload28 & 0x0FFFFFFF);

    public static byte[] Bytes(params uint[] words) => words.SelectMany(BitConverter.GetBytes).ToArray();
}

/// <summary>EVT 2.1 words as (header = bits 63–32, payload = bits 31–0).</summary>
internal static class Evt21Words
{
    public static (uint Header, uint Payload) Vector(int polarity, int timeLow, int x, int y, uint mask)
        => (((uint)polarity << 28) | ((uint)timeLow << 22) | ((uint)x << 11) | (uint)y, mask);

    public static (uint Header, uint Payload) TimeHigh(long timeHigh) => ((0x8u << 28) | (uint)timeHigh, 0);

    public static (uint Header, uint Payload) Word(int type, uint payload) => ((uint)type << 28, payload);

    /// <summary>Little: the 64-bit word little-endian; legacy: the header half's 4 bytes LE, then the payload's.</summary>
    public static byte[] Bytes(Evt21ByteOrder order, params (uint Header, uint Payload)[] words)
        => words.SelectMany(w => order == Evt21ByteOrder.Little
            ? BitConverter.GetBytes(((ulong)w.Header << 32) | w.Payload)
            : BitConverter.GetBytes(w.Header).Concat(BitConverter.GetBytes(w.Payload))).ToArray();
}

internal static class Evt3Words
{
    public static ushort AddrY(int y) => (ushort)y;

    public static ushort AddrX(int x, int polarity) => (ushort)((0x2 << 12) | (polarity << 11) | x);

    public static ushort VectBaseX(int x, int polarity) => (ushort)((0x3 << 12) | (polarity << 11) | x);

    public static ushort Vect12(int mask) => (ushort)((0x4 << 12) | mask);

    public static ushort Vect8(int mask) => (ushort)((0x5 << 12) | mask);

    public static ushort TimeLow(int low) => (ushort)((0x6 << 12) | low);

    public static ushort TimeHigh(int high) => (ushort)((0x8 << 12) | high);

    public static ushort Word(int type, int content) => (ushort)((type << 12) | content);

    public static byte[] Bytes(params ushort[] words) => words.SelectMany(BitConverter.GetBytes).ToArray();
}
