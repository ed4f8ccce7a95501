using System.Globalization;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Streaming decoder of Prophesee <c>.dat</c> CD event files: "% Key value" header lines (geometry from
/// <c>% Width</c> and <c>% Height</c>), the event type and size bytes, then 8-byte CD records; input may be cut at any
/// byte. A file without header lines is read as bare Event2D records (as OpenEB's <c>dat_tools.py</c>). Timestamps are
/// made monotonic across the 32-bit µs wrap-around. No allocation per event.
/// </summary>
/// <remarks>
/// Refused (<see cref="EventStreamException"/>): event types other than CD (0 Event2D, 12 EventCD), a CD size other
/// than 8, a malformed Width/Height line, a timestamp dropping by less than 2^31 µs, a stream ending inside a record.
/// Counted and skipped: records outside the header's geometry. See README.md, "Malformed input".
/// </remarks>
public sealed class DatFileDecoder : PercentHeaderDecoder
{
    /// <summary>Creates a decoder; <paramref name="source"/> names the stream in error messages (e.g. a file path).</summary>
    public DatFileDecoder(string source = "DAT stream")
        : base(source, endLineTerminates: false)
    {
    }

    /// <inheritdoc/>
    private protected override IPropheseeDecoder? CreateBody(PercentHeader header, long bodyOffset, out long faultOffset, out string? reason)
    {
        faultOffset = 0;
        reason = null;
        if (!TryReadSide(header, DatFormat.WidthKey, out int width, ref faultOffset, ref reason)
            || !TryReadSide(header, DatFormat.HeightKey, out int height, ref faultOffset, ref reason))
        {
            return null;
        }

        return new DatRecordDecoder(header.LineCount > 0, width, height, SourceName) { OriginOffset = bodyOffset };
    }

    /// <inheritdoc/>
    private protected override void ResetContainer()
    {
    }

    private static bool TryReadSide(PercentHeader header, string key, out int side, ref long faultOffset, ref string? reason)
    {
        side = 0;
        if (!header.Fields.TryGetValue(key, out string? text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out side) && side >= 0 && side <= DatFormat.MaxSensorSize)
        {
            return true;
        }

        faultOffset = header.LineOffsetOf(key);
        reason = $"{key} '{text}' is not a whole number in 0..{DatFormat.MaxSensorSize}";
        return false;
    }
}
