using System.IO.Compression;

namespace Spiking.Edge.Trainer.Data;

/// <summary>
/// Reads IDX files (MNIST / Fashion-MNIST), raw or gzip-compressed (detected from the content). Checks the magic
/// number, the dimensions and that the data length matches the header exactly; errors are one line naming the path
/// and the byte offset (in the decompressed content for .gz files).
/// </summary>
public static class IdxReader
{
    /// <summary>Magic of an unsigned-byte, 3-dimensional IDX file (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic of an unsigned-byte, 1-dimensional IDX file (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    private const int MaxDimension = 65_535;

    /// <summary>Reads an images file (magic 0x00000803).</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX images file.</exception>
    public static IdxImages ReadImages(string path)
    {
        using var stream = Open(path, out string where);
        byte[] header = ReadHeader(stream, 16, ImagesMagic, "images", where);
        int count = Dimension(header, 4, where, "image count", allowZero: true);
        int rows = Dimension(header, 8, where, "rows", allowZero: false);
        int cols = Dimension(header, 12, where, "columns", allowZero: false);
        long expected = (long)count * rows * cols;
        if (expected > Array.MaxLength)
        {
            throw new InvalidDataException($"{where}: byte offset 4: {count} x {rows} x {cols} pixels is too large to load");
        }

        byte[] pixels = ReadBody(stream, expected, 16, where);
        return new IdxImages(pixels, count, rows, cols);
    }

    /// <summary>Reads a labels file (magic 0x00000801).</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX labels file.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var stream = Open(path, out string where);
        byte[] header = ReadHeader(stream, 8, LabelsMagic, "labels", where);
        int count = Dimension(header, 4, where, "label count", allowZero: true);
        return ReadBody(stream, count, 8, where);
    }

    private static Stream Open(string path, out string where)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: IDX file not found", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        int first = file.ReadByte();
        int second = file.ReadByte();
        file.Position = 0;
        if (first == 0x1F && second == 0x8B)
        {
            where = path + " (decompressed)";
            return new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16);
        }

        where = path;
        return file;
    }

    // The magic is checked as soon as its 4 bytes are there, so that a file of another kind is named as such.
    private static byte[] ReadHeader(Stream stream, int length, int magic, string kind, string where)
    {
        var header = new byte[length];
        int read = ReadFully(stream, header, 0, length, where);
        if (read >= 4)
        {
            CheckMagic(header, magic, kind, where);
        }

        if (read < length)
        {
            throw new InvalidDataException($"{where}: byte offset {read}: truncated header: {length} bytes expected, the file has {read}");
        }

        return header;
    }

    private static void CheckMagic(byte[] header, int expected, string kind, string where)
    {
        int magic = BigEndian(header, 0);
        if (magic != expected)
        {
            throw new InvalidDataException($"{where}: byte offset 0: magic 0x{magic:X8} is not 0x{expected:X8} (IDX unsigned-byte {kind})");
        }
    }

    private static int Dimension(byte[] header, int offset, string where, string name, bool allowZero)
    {
        int value = BigEndian(header, offset);
        int max = name.EndsWith("count", StringComparison.Ordinal) ? int.MaxValue : MaxDimension;
        if (value < (allowZero ? 0 : 1) || value > max)
        {
            throw new InvalidDataException($"{where}: byte offset {offset}: {name} {value} is out of range");
        }

        return value;
    }

    private static byte[] ReadBody(Stream stream, long expected, int headerLength, string where)
    {
        // Never trust the claimed length for the allocation before the data is there: grow with what is read.
        if (stream is FileStream file && file.Length - headerLength != expected)
        {
            long actual = file.Length - headerLength;
            string problem = actual < expected ? "truncated" : "trailing bytes";
            throw new InvalidDataException($"{where}: byte offset {headerLength + Math.Min(actual, expected)}: {problem}: the header announces {expected} data bytes, the file has {actual}");
        }

        var body = new byte[Math.Min(expected, 1 << 20)];
        long total = 0;
        while (total < expected)
        {
            if (total == body.Length)
            {
                Array.Resize(ref body, (int)Math.Min(expected, (long)body.Length * 2));
            }

            int n;
            try
            {
                n = stream.Read(body, (int)total, body.Length - (int)total);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{where}: byte offset {headerLength + total}: corrupt gzip data ({e.Message})", e);
            }

            if (n == 0)
            {
                throw new InvalidDataException($"{where}: byte offset {headerLength + total}: truncated: the header announces {expected} data bytes, the file has {total}");
            }

            total += n;
        }

        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException($"{where}: byte offset {headerLength + expected}: trailing bytes after the {expected} data bytes the header announces");
        }

        return body;
    }

    private static int ReadFully(Stream stream, byte[] buffer, int offset, int count, string where)
    {
        int total = 0;
        try
        {
            while (total < count)
            {
                int n = stream.Read(buffer, offset + total, count - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{where}: byte offset {total}: corrupt gzip data ({e.Message})", e);
        }

        return total;
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
