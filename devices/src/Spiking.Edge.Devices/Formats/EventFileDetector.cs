using System.Text;
using Spiking.Edge.Devices.Formats.Aedat;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// Recognises an event file: by content first (AEDAT magic lines; a Prophesee "%" header whose keys say RAW —
/// <c>format</c> or <c>evt</c> — or DAT — <c>Version</c>), then by extension (<c>.bin</c>, <c>.raw</c>, <c>.dat</c>,
/// <c>.aedat</c>, <c>.aedat4</c>).
/// </summary>
internal static class EventFileDetector
{
    /// <summary>Bytes read from the start of the file to recognise it (headers are far shorter).</summary>
    public const int SniffBytes = 1 << 16;

    /// <summary>The formats, as listed in the error for a file that is none of them.</summary>
    public const string SupportedList =
        "N-MNIST .bin, Prophesee RAW .raw (EVT 2.0 / 2.1 / 3.0), Prophesee DAT .dat, AEDAT 2.0 / 3.1 .aedat, AEDAT 4.0 .aedat4";

    private const string AedatMagicPrefix = "#!AER-DAT";
    private const string AedatChipKey = "# AEChip:";

    public static EventFileInfo Detect(string path, Aedat2Options? aedat2)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] head = ReadHead(path);
        var byContent = ByContent(path, head, aedat2);
        if (byContent != null)
        {
            return byContent;
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        EventFileFormat? format = extension switch
        {
            ".bin" => EventFileFormat.NMnist,
            ".raw" => EventFileFormat.PropheseeRaw,
            ".dat" => EventFileFormat.PropheseeDat,
            ".aedat4" => EventFileFormat.Aedat4,
            _ => null,
        };
        if (extension == ".aedat")
        {
            // 2.0, 3.1 and 4.0 all use .aedat: without a known first line nothing says which, and every AEDAT decoder
            // would refuse at byte 0 anyway.
            throw new EventStreamException(path, 0, $"not an AEDAT 2.0, 3.1 or 4.0 file: it starts with '{AedatText.Preview(FirstLine(head))}'");
        }

        if (format == null)
        {
            string named = extension.Length == 0 ? "no extension" : $"extension '{extension}'";
            throw new EventStreamException(path, 0, $"not a recognised event file (no known header, {named}); supported: {SupportedList}");
        }

        return new EventFileInfo(path, format.Value, EventFileEvidence.Extension, null);
    }

    private static EventFileInfo? ByContent(string path, byte[] head, Aedat2Options? aedat2)
    {
        var start = head.AsSpan();
        if (start.StartsWith("#!AER-DAT4.0"u8))
        {
            return new EventFileInfo(path, EventFileFormat.Aedat4, EventFileEvidence.Content, null);
        }

        if (start.StartsWith("#!AER-DAT3.1"u8))
        {
            return new EventFileInfo(path, EventFileFormat.Aedat31, EventFileEvidence.Content, null);
        }

        if (start.StartsWith("#!AER-DAT2.0"u8))
        {
            return new EventFileInfo(path, EventFileFormat.Aedat2, EventFileEvidence.Content, aedat2 ?? InferAedat2(head));
        }

        if (start.StartsWith(Encoding.ASCII.GetBytes(AedatMagicPrefix)))
        {
            throw new EventStreamException(path, 0, $"'{AedatText.Preview(FirstLine(head))}' is not a supported AEDAT version (2.0, 3.1 or 4.0)");
        }

        if (start.Length > 0 && start[0] == (byte)'%')
        {
            var keys = PercentKeys(head);
            if (keys.Contains("format") || keys.Contains("evt"))
            {
                return new EventFileInfo(path, EventFileFormat.PropheseeRaw, EventFileEvidence.Content, null);
            }

            if (keys.Contains("Version"))
            {
                return new EventFileInfo(path, EventFileFormat.PropheseeDat, EventFileEvidence.Content, null);
            }
        }

        return null;
    }

    /// <summary>The first word of each complete "% key value" line at the start of the file, up to "% end".</summary>
    private static HashSet<string> PercentKeys(byte[] head)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        int at = 0;
        while (at + 1 < head.Length && head[at] == (byte)'%' && head[at + 1] == (byte)' ')
        {
            int newline = Array.IndexOf(head, (byte)'\n', at);
            if (newline < 0)
            {
                break;
            }

            string[] tokens = Encoding.Latin1.GetString(head, at + 2, newline - at - 2)
                .Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 0)
            {
                if (tokens[0] == "end")
                {
                    break;
                }

                keys.Add(tokens[0]);
            }

            at = newline + 1;
        }

        return keys;
    }

    /// <summary>
    /// The sensor of an AEDAT 2.0 file from its <c># AEChip:</c> header line (jAER writes the chip class, e.g.
    /// <c>eu.seebetter.ini.chips.davis.Davis346B</c> or <c>ch.unizh.ini.jaer.chip.retina.DVS128</c>; AedatTools
    /// the chip name): DVS128 addresses for DVS128, DAVIS addresses for a DAVIS chip of known size; else null.
    /// </summary>
    private static Aedat2Options? InferAedat2(byte[] head)
    {
        int at = 0;
        while (at < head.Length && head[at] == (byte)'#')
        {
            int newline = Array.IndexOf(head, (byte)'\n', at);
            int end = newline < 0 ? head.Length : newline;
            string line = AedatText.ToAscii(AedatText.TrimEnd(head.AsSpan(at, end - at)));
            if (line.StartsWith(AedatChipKey, StringComparison.OrdinalIgnoreCase))
            {
                string chip = line[AedatChipKey.Length..].Trim();
                chip = chip[(chip.LastIndexOf('.') + 1)..];
                return Aedat2FromChip(chip);
            }

            if (newline < 0)
            {
                break;
            }

            at = newline + 1;
        }

        return null;
    }

    private static Aedat2Options? Aedat2FromChip(string chip)
    {
        if (chip.StartsWith("DVS128", StringComparison.OrdinalIgnoreCase))
        {
            return Aedat2Options.Dvs128;
        }

        if (chip.StartsWith("DAVIS", StringComparison.OrdinalIgnoreCase)
            && AedatSensorSizes.TryFind(chip, out int width, out int height)
            && width <= Aedat2Options.MaxDavisWidth
            && height <= Aedat2Options.MaxDavisHeight)
        {
            return new Aedat2Options(Aedat2AddressConvention.Davis, width, height);
        }

        return null;
    }

    private static ReadOnlySpan<byte> FirstLine(byte[] head)
    {
        int newline = Array.IndexOf(head, (byte)'\n');
        return head.AsSpan(0, newline < 0 ? head.Length : newline);
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var head = new byte[(int)Math.Min(SniffBytes, stream.Length)];
        int got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return got == head.Length ? head : head[..got];
    }
}
