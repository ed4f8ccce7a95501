using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Streaming decoder of Prophesee RAW files: the ASCII header ("% key value" lines up to "% end", cut anywhere
/// between reads), then the body through <see cref="Evt2Decoder"/>, <see cref="Evt21Decoder"/> or
/// <see cref="Evt3Decoder"/> as the header's <c>format</c> (or legacy <c>evt</c>) says, with its geometry. Error
/// offsets count from the start of the file.
/// </summary>
/// <remarks>
/// A missing or unsupported format, a malformed geometry, size or endianness is refused with an
/// <see cref="EventStreamException"/> at the offending header line (a missing format: at "% end" or, without it, at
/// the first body byte). Body errors are those of the EVT decoders. See README.md.
/// </remarks>
public sealed class RawFileDecoder : PercentHeaderDecoder
{
    private RawHeaderFormat? _format;

    /// <summary>Creates a decoder; <paramref name="source"/> names the stream in error messages (e.g. a file path).</summary>
    public RawFileDecoder(string source = "RAW stream")
        : base(source, endLineTerminates: true)
    {
    }

    /// <summary>The body's encoding, once the header is complete.</summary>
    public RawEventFormat? Format => _format?.Format;

    /// <summary>The EVT 2.1 byte order the header gives (format option, then <c>endianness</c> key; <c>% evt 2.1</c>
    /// alone means legacy, otherwise little), once the header is complete.</summary>
    public Evt21ByteOrder? ByteOrder => _format?.Format == RawEventFormat.Evt21 ? _format.ByteOrder : null;

    /// <inheritdoc/>
    private protected override IPropheseeDecoder? CreateBody(PercentHeader header, long bodyOffset, out long faultOffset, out string? reason)
    {
        _format = RawHeaderFormat.Read(header, out faultOffset, out reason);
        if (_format == null)
        {
            return null;
        }

        switch (_format.Format)
        {
            case RawEventFormat.Evt2:
                return new Evt2Decoder(_format.Width, _format.Height, SourceName) { OriginOffset = bodyOffset };
            case RawEventFormat.Evt21:
                return new Evt21Decoder(_format.ByteOrder, _format.Width, _format.Height, SourceName) { OriginOffset = bodyOffset };
            default:
                return new Evt3Decoder(_format.Width, _format.Height, SourceName) { OriginOffset = bodyOffset };
        }
    }

    /// <inheritdoc/>
    private protected override void ResetContainer() => _format = null;
}
