using System.IO.Compression;

namespace Spiking.Edge.Trainer.Tests.Data;

/// <summary>Crafts IDX files for tests.</summary>
internal static class IdxFiles
{
    public static byte[] Images(int count, int rows, int cols, Func<int, int, int, byte> pixel, int magic = 0x803)
    {
        var bytes = new List<byte>();
        foreach (int v in new[] { magic, count, rows, cols })
        {
            bytes.AddRange(BigEndian(v));
        }

        for (int i = 0; i < count; i++)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    bytes.Add(pixel(i, r, c));
                }
            }
        }

        return bytes.ToArray();
    }

    public static byte[] Labels(byte[] labels, int magic = 0x801)
        => [.. BigEndian(magic), .. BigEndian(labels.Length), .. labels];

    public static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }

    private static byte[] BigEndian(int v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
