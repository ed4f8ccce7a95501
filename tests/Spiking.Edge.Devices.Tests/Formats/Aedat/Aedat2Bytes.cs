using System.Buffers.Binary;
using System.Text;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>Builds AEDAT 2.0 captures in code: header lines and big-endian (address, timestamp) records.</summary>
internal static class Aedat2Bytes
{
    /// <summary>The header jAER writes (abridged): the version line and two comment lines.</summary>
    public static readonly string[] Header = ["#!AER-DAT2.0", "# This is a raw AE data file created by a test", "# Timestamps tick is 1 us"];

    public static byte[] Build(string[] headerLines, params (uint Address, uint Timestamp)[] records)
    {
        var bytes = new List<byte>();
        foreach (string line in headerLines)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes(line + "\r\n"));
        }

        var record = new byte[8];
        foreach (var (address, timestamp) in records)
        {
            BinaryPrimitives.WriteUInt32BigEndian(record, address);
            BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(4), timestamp);
            bytes.AddRange(record);
        }

        return [.. bytes];
    }

    public static byte[] Build(params (uint Address, uint Timestamp)[] records) => Build(Header, records);

    /// <summary>A DAVIS DVS address (jAER layout) from raw fields.</summary>
    public static uint Davis(int rawX, int rawY, int polarity) => ((uint)rawY << 22) | ((uint)rawX << 12) | ((uint)polarity << 11);

    /// <summary>A DVS128 address (jAER layout) from raw fields; <paramref name="rawPolarity"/> 0 is ON.</summary>
    public static uint Dvs128(int rawX, int rawY, int rawPolarity) => ((uint)rawY << 8) | ((uint)rawX << 1) | (uint)rawPolarity;
}
