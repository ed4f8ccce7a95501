using System.Text;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>ASCII helpers shared by the AEDAT header parsers.</summary>
internal static class AedatText
{
    /// <summary>Longest excerpt of a header line quoted in an error message.</summary>
    private const int PreviewCharacters = 40;

    /// <summary>The line without its trailing CR / LF bytes.</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        int length = line.Length;
        while (length > 0 && (line[length - 1] == (byte)'\n' || line[length - 1] == (byte)'\r'))
        {
            length--;
        }

        return line[..length];
    }

    /// <summary>A printable excerpt of a header line for an error message (non-ASCII bytes shown as '?').</summary>
    public static string Preview(ReadOnlySpan<byte> line)
    {
        var text = new StringBuilder();
        foreach (byte b in TrimEnd(line))
        {
            if (text.Length == PreviewCharacters)
            {
                text.Append("...");
                break;
            }

            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return text.ToString();
    }

    /// <summary>The line as a string (ASCII; other bytes become '?').</summary>
    public static string ToAscii(ReadOnlySpan<byte> line)
    {
        var text = new StringBuilder(line.Length);
        foreach (byte b in line)
        {
            text.Append(b < 0x80 ? (char)b : '?');
        }

        return text.ToString();
    }
}
