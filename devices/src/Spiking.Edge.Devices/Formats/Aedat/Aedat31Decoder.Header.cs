using System.Globalization;
using System.Text.RegularExpressions;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>The AEDAT 3.1 header: line buffering and the lines that matter (version, format, source geometry).</summary>
public sealed partial class Aedat31Decoder
{
    // Consumes header bytes from input[read, end); returns the new read index.
    private int ConsumeHeader(byte[] input, int read, int end, long streamOffset)
    {
        if (_lineLength == 0)
        {
            _lineStart = streamOffset;
        }

        int newline = Array.IndexOf(input, (byte)'\n', read, end - read);
        int stop = newline < 0 ? end : newline + 1;
        int take = stop - read;
        if (_lineLength + take > MaxHeaderLineBytes)
        {
            _fault = new EventStreamException(SourceName, _lineStart, $"header line longer than {MaxHeaderLineBytes} bytes");
            return stop;
        }

        if (_lineLength + take > _line.Length)
        {
            Array.Resize(ref _line, Math.Min(MaxHeaderLineBytes, Math.Max(_line.Length * 2, _lineLength + take)));
        }

        Array.Copy(input, read, _line, _lineLength, take);
        _lineLength += take;
        if (newline >= 0)
        {
            ProcessHeaderLine(_line.AsSpan(0, _lineLength));
            _lineLength = 0;
        }

        return stop;
    }

    private void ProcessHeaderLine(ReadOnlySpan<byte> raw)
    {
        var line = AedatText.TrimEnd(raw);
        if (_lineIndex++ == 0)
        {
            if (!line.SequenceEqual("#!AER-DAT3.1"u8))
            {
                _fault = new EventStreamException(SourceName, 0, $"not an AEDAT 3.1 stream: the first line is '{AedatText.Preview(line)}', not #!AER-DAT3.1");
            }

            return;
        }

        if (line.IsEmpty || line[0] != (byte)'#')
        {
            _fault = new EventStreamException(SourceName, _lineStart, $"header line '{AedatText.Preview(line)}' does not start with '#' (the header must end with #!END-HEADER)");
            return;
        }

        if (line.SequenceEqual("#!END-HEADER"u8))
        {
            _section = Section.PacketHeader;
            return;
        }

        string text = AedatText.ToAscii(line);
        if (text.StartsWith("#Format:", StringComparison.Ordinal))
        {
            string format = text["#Format:".Length..].Trim();
            if (!format.Equals("RAW", StringComparison.OrdinalIgnoreCase))
            {
                _fault = new EventStreamException(SourceName, _lineStart, $"unsupported format '{AedatText.Preview(line)}' (only #Format: RAW is read)");
            }

            return;
        }

        if (Width == 0)
        {
            FindGeometry(text);
        }
    }

    private void FindGeometry(string text)
    {
        if (text.StartsWith("#Source ", StringComparison.Ordinal) || text.StartsWith("#-Source ", StringComparison.Ordinal))
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                string chip = text[(colon + 1)..].Trim();
                SourceChip ??= chip;
                if (AedatSensorSizes.TryFind(chip, out int width, out int height))
                {
                    Width = width;
                    Height = height;
                    return;
                }
            }
        }

        var sizeX = SizeXAttribute().Match(text);
        var sizeY = SizeYAttribute().Match(text);
        if (sizeX.Success && sizeY.Success
            && int.TryParse(sizeX.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(sizeY.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && w is > 0 and <= 0x8000 && h is > 0 and <= 0x8000)
        {
            Width = w;
            Height = h;
        }
    }

    [GeneratedRegex("key=\"(?:dvs|data)?[sS]izeX\"[^>]*>\\s*(\\d{1,6})\\s*<")]
    private static partial Regex SizeXAttribute();

    [GeneratedRegex("key=\"(?:dvs|data)?[sS]izeY\"[^>]*>\\s*(\\d{1,6})\\s*<")]
    private static partial Regex SizeYAttribute();
}
