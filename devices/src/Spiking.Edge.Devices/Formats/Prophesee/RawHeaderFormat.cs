using System.Globalization;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// What a RAW header says about its body: the encoding, geometry and EVT 2.1 byte order, read from the keys
/// <c>format</c> (e.g. <c>EVT21;endianness=little;height=320;width=320</c>), legacy <c>evt</c> (2.0, 2.1, 3.0),
/// <c>geometry</c> (<c>WxH</c>) and <c>endianness</c>, as OpenEB's <c>PseeRawFileHeader</c> does.
/// </summary>
internal sealed record RawHeaderFormat(RawEventFormat Format, int Width, int Height, Evt21ByteOrder ByteOrder)
{
    public const string FormatKey = "format";
    public const string LegacyEventTypeKey = "evt";
    public const string GeometryKey = "geometry";
    public const string EndiannessKey = "endianness";

    /// <summary>Reads the header; null with the offset of the line at fault and a reason when it cannot be decoded.</summary>
    public static RawHeaderFormat? Read(PercentHeader header, out long faultOffset, out string? reason)
    {
        var fields = header.Fields;
        RawEventFormat format;
        int width = 0;
        int height = 0;
        Evt21ByteOrder? byteOrder = null;
        faultOffset = 0;
        reason = null;

        if (fields.TryGetValue(FormatKey, out string? formatValue))
        {
            faultOffset = header.LineOffsetOf(FormatKey);
            string[] parts = formatValue.Split(';');
            string name = parts[0].Trim();
            if (!TryParseFormatName(name, out format))
            {
                reason = $"format '{name}' is not supported (EVT2, EVT21 or EVT3)";
                return null;
            }

            foreach (string option in parts.Skip(1))
            {
                int equals = option.IndexOf('=', StringComparison.Ordinal);
                string key = (equals < 0 ? option : option[..equals]).Trim();
                string value = equals < 0 ? string.Empty : option[(equals + 1)..].Trim();
                if (key == "width" && !TryParseSide(value, out width))
                {
                    reason = $"format width '{value}' is not a whole number in 1..2048";
                    return null;
                }

                if (key == "height" && !TryParseSide(value, out height))
                {
                    reason = $"format height '{value}' is not a whole number in 1..2048";
                    return null;
                }

                if (key == EndiannessKey)
                {
                    if (!TryParseByteOrder(value, out var order))
                    {
                        reason = $"format endianness '{value}' is not 'little' or 'legacy'";
                        return null;
                    }

                    byteOrder = order;
                }
            }
        }
        else if (fields.TryGetValue(LegacyEventTypeKey, out string? evt))
        {
            faultOffset = header.LineOffsetOf(LegacyEventTypeKey);
            switch (evt)
            {
                case "2.0":
                    format = RawEventFormat.Evt2;
                    break;
                case "2.1":
                    format = RawEventFormat.Evt21;
                    break;
                case "3.0":
                    format = RawEventFormat.Evt3;
                    break;
                default:
                    reason = $"evt '{evt}' is not supported (2.0, 2.1 or 3.0)";
                    return null;
            }
        }
        else
        {
            faultOffset = header.EndLineOffset >= 0 ? header.EndLineOffset : header.BodyOffset;
            reason = "the header names no event format (no '% format' or '% evt' line)";
            return null;
        }

        if (fields.TryGetValue(GeometryKey, out string? geometry))
        {
            faultOffset = header.LineOffsetOf(GeometryKey);
            string[] sides = geometry.Split('x');
            if (sides.Length != 2 || !TryParseSide(sides[0], out int geometryWidth) || !TryParseSide(sides[1], out int geometryHeight))
            {
                reason = $"geometry '{geometry}' is not WIDTHxHEIGHT with sides in 1..2048";
                return null;
            }

            if ((width != 0 && width != geometryWidth) || (height != 0 && height != geometryHeight))
            {
                reason = $"geometry {geometry} disagrees with the format's width={width};height={height}";
                return null;
            }

            width = geometryWidth;
            height = geometryHeight;
        }

        if (byteOrder == null && fields.TryGetValue(EndiannessKey, out string? endianness))
        {
            if (!TryParseByteOrder(endianness, out var order))
            {
                faultOffset = header.LineOffsetOf(EndiannessKey);
                reason = $"endianness '{endianness}' is not 'little' or 'legacy'";
                return null;
            }

            byteOrder = order;
        }

        // Files that only say "% evt 2.1" predate the endianness option: they come from IMX636-era systems (legacy).
        byteOrder ??= fields.ContainsKey(FormatKey) ? Evt21ByteOrder.Little : Evt21ByteOrder.Legacy;
        return new RawHeaderFormat(format, width, height, byteOrder.Value);
    }

    /// <summary>The header text <see cref="RawFile"/> writes: "% format …" then "% end".</summary>
    public static string Text(RawEventFormat format, int width, int height, Evt21ByteOrder byteOrder) => format switch
    {
        RawEventFormat.Evt21 => $"% format EVT21;endianness={(byteOrder == Evt21ByteOrder.Little ? "little" : "legacy")};height={height};width={width}\n% end\n",
        RawEventFormat.Evt3 => $"% format EVT3;height={height};width={width}\n% end\n",
        _ => $"% format EVT2;height={height};width={width}\n% end\n",
    };

    private static bool TryParseFormatName(string name, out RawEventFormat format)
    {
        format = name.ToUpperInvariant() switch
        {
            "EVT2" => RawEventFormat.Evt2,
            "EVT21" => RawEventFormat.Evt21,
            "EVT3" => RawEventFormat.Evt3,
            _ => (RawEventFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    private static bool TryParseSide(string text, out int side)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out side) && side >= 1 && side <= 2048;

    private static bool TryParseByteOrder(string text, out Evt21ByteOrder order)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "little":
                order = Evt21ByteOrder.Little;
                return true;
            case "legacy":
                order = Evt21ByteOrder.Legacy;
                return true;
            default:
                order = Evt21ByteOrder.Little;
                return false;
        }
    }
}
