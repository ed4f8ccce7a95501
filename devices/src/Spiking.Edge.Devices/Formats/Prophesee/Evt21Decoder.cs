using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Streaming decoder of Prophesee EVT 2.1 (64-bit vector words, either byte order): the <see cref="IEventDecoder"/>
/// face of the portable core <see cref="Evt21StreamDecoder"/>, whose fault state it turns into
/// <see cref="EventStreamException"/>. Input may be cut at any byte; a vector word whose events do not fit the output
/// is resumed on the next call. No allocation per event.
/// </summary>
/// <remarks>
/// Counted and skipped: events before the first TIME_HIGH, events outside the geometry, EXT_TRIGGER, OTHERS and
/// CONTINUED words. Refused: reserved word types, a TIME_HIGH stepping back by less than half its range, a stream
/// ending inside a word. See README.md, "Malformed input".
/// </remarks>
public sealed class Evt21Decoder : IPropheseeDecoder
{
    private readonly Evt21StreamDecoder _core;
    private EventStreamException? _fault;

    /// <summary>Creates a decoder.</summary>
    /// <param name="byteOrder">How the 64-bit words are laid out (GenX320: little; IMX636: legacy).</param>
    /// <param name="width">Sensor width (0..2048, 0 = unknown: only the 11-bit range applies).</param>
    /// <param name="height">Sensor height (0..2048, 0 = unknown).</param>
    /// <param name="source">Names the stream in error messages (e.g. a file path).</param>
    public Evt21Decoder(Evt21ByteOrder byteOrder = Evt21ByteOrder.Little, int width = 0, int height = 0, string source = "EVT 2.1 stream")
    {
        ArgumentNullException.ThrowIfNull(source);
        DecoderArguments.CheckGeometry(width, height, Evt21Format.MaxSensorSize);
        if (!Enum.IsDefined(byteOrder))
        {
            throw new ArgumentOutOfRangeException(nameof(byteOrder), byteOrder, "must be Little or Legacy");
        }

        _core = Evt21Core.Create(byteOrder, width, height);
        SourceName = source;
        Width = width;
        Height = height;
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <summary>The byte order read.</summary>
    public Evt21ByteOrder ByteOrder => _core.ByteOrder;

    /// <summary>Bytes of the stream consumed so far (a kept partial word included).</summary>
    public long Position => _core.Position;

    /// <inheritdoc/>
    public long EventCount => _core.EventCount;

    /// <summary>Sensor width as configured, 0 when unknown.</summary>
    public int Width { get; }

    /// <summary>Sensor height as configured, 0 when unknown.</summary>
    public int Height { get; }

    /// <inheritdoc/>
    public PropheseeCounters Counters => Evt21Core.Counters(_core);

    /// <summary>Added to every error offset: where this stream starts inside a container (a RAW file's body).</summary>
    internal long OriginOffset { get; set; }

    /// <inheritdoc/>
    public void Reset()
    {
        _core.Reset();
        _fault = null;
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
    {
        DecodeCall.Begin(input, offset, count, output, outputOffset, outputCapacity, _fault);

        int written = _core.Decode(input, offset, count, output, outputOffset, outputCapacity, out consumed);
        if (_core.IsFaulted)
        {
            _fault = CoreFault();
        }

        return DecodeCall.End(written, _fault);
    }

    /// <inheritdoc/>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null && !_core.Complete())
        {
            _fault = CoreFault();
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    private EventStreamException CoreFault() => new(SourceName, OriginOffset + _core.FaultOffset, _core.FaultReason);
}
