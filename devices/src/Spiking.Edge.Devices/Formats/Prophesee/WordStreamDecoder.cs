using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// The common engine of the little-endian word formats (EVT 2.0, EVT 3.0, DAT records): assembles words across
/// reads in a fixed buffer, hands each to the format, keeps position and the first error, and turns a word the
/// output had no room for into "not consumed". Nothing is allocated per event.
/// </summary>
public abstract class WordStreamDecoder : IPropheseeDecoder
{
    private readonly byte[] _partial = new byte[8];
    private int _partialCount;
    private long _position;
    private EventStreamException? _fault;

    private protected WordStreamDecoder(int width, int height, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        SourceName = source;
        Width = width;
        Height = height;
    }

    /// <summary>
    /// Creates a decoder of a format whose addresses span at most <paramref name="maxSensorSize"/> pixels: the
    /// geometry (0 = unknown) is checked against it and sets <see cref="LimitX"/> and <see cref="LimitY"/>.
    /// </summary>
    /// <param name="width">Sensor width (0..maxSensorSize, 0 = unknown).</param>
    /// <param name="height">Sensor height (0..maxSensorSize, 0 = unknown).</param>
    /// <param name="maxSensorSize">The format's address range.</param>
    /// <param name="source">Names the stream in error messages.</param>
    private protected WordStreamDecoder(int width, int height, int maxSensorSize, string source)
        : this(width, height, source)
    {
        DecoderArguments.CheckGeometry(width, height, maxSensorSize);
        LimitX = width == 0 ? maxSensorSize : width;
        LimitY = height == 0 ? maxSensorSize : height;
    }

    /// <summary>What the format does with one word.</summary>
    private protected enum WordOutcome
    {
        /// <summary>The word is consumed.</summary>
        Done,

        /// <summary>The output is full before the word's events were all written: the word is not consumed.</summary>
        OutputFull,

        /// <summary>The word is malformed: it is consumed and the decoder fails.</summary>
        Fault,
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <summary>Bytes of the stream consumed so far (a kept partial word included).</summary>
    public long Position => _position;

    /// <inheritdoc/>
    public long EventCount { get; private protected set; }

    /// <summary>Sensor width in pixels as configured, 0 when unknown (only the format's address range is checked).</summary>
    public int Width { get; }

    /// <summary>Sensor height in pixels as configured, 0 when unknown.</summary>
    public int Height { get; }

    /// <inheritdoc/>
    public abstract PropheseeCounters Counters { get; }

    /// <summary>Events at x ≥ this are outside the geometry: the width, or the format's range when it is unknown.</summary>
    private protected int LimitX { get; }

    /// <summary>Events at y ≥ this are outside the geometry.</summary>
    private protected int LimitY { get; }

    /// <summary>Added to every error offset: where this stream starts inside a container (a RAW file's body).</summary>
    internal long OriginOffset { get; set; }

    /// <summary>Bytes of the next word.</summary>
    private protected abstract int NextWordBytes { get; }

    /// <summary>Forgets all state, ready for a new stream.</summary>
    public void Reset()
    {
        _partialCount = 0;
        _position = 0;
        _fault = null;
        EventCount = 0;
        ResetFormat();
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
    {
        DecodeCall.Begin(input, offset, count, output, outputOffset, outputCapacity, _fault);

        int read = offset;
        int end = offset + count;
        int written = 0;
        while (true)
        {
            int wordBytes = NextWordBytes;
            ulong word;
            long wordOffset;
            int take = 0;
            bool fromPartial = _partialCount > 0;
            if (fromPartial)
            {
                // Complete the kept partial word; the completing bytes are committed only once the word is done.
                take = Math.Min(wordBytes - _partialCount, end - read);
                Array.Copy(input, read, _partial, _partialCount, take);
                if (_partialCount + take < wordBytes)
                {
                    _partialCount += take;
                    read += take;
                    break;
                }

                word = Assemble(_partial, 0, wordBytes);
                wordOffset = _position + (read - offset) - _partialCount;
            }
            else if (end - read >= wordBytes)
            {
                word = Assemble(input, read, wordBytes);
                wordOffset = _position + (read - offset);
            }
            else
            {
                Array.Copy(input, read, _partial, 0, end - read);
                _partialCount = end - read;
                read = end;
                break;
            }

            var outcome = ProcessWord(word, wordOffset, output, outputOffset, outputCapacity, ref written, out string? reason);
            if (outcome == WordOutcome.OutputFull)
            {
                break;
            }

            if (fromPartial)
            {
                _partialCount = 0;
                read += take;
            }
            else
            {
                read += wordBytes;
            }

            if (outcome == WordOutcome.Fault)
            {
                _fault = new EventStreamException(SourceName, OriginOffset + wordOffset, reason!);
                break;
            }
        }

        _position += read - offset;
        consumed = read - offset;
        return DecodeCall.End(written, _fault);
    }

    /// <summary>
    /// Ends the stream: true when it ended cleanly; false with the error (malformed input met earlier, or the stream
    /// ends inside a word or a multi-word event).
    /// </summary>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null && _partialCount > 0)
        {
            _fault = new EventStreamException(SourceName, OriginOffset + _position - _partialCount, DescribeTruncatedWord(_partialCount, NextWordBytes));
        }

        if (_fault == null && !EndsCleanly(out long offset, out string? reason))
        {
            _fault = new EventStreamException(SourceName, OriginOffset + offset, reason!);
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    /// <summary>Decodes one word (little-endian, <see cref="NextWordBytes"/> bytes).</summary>
    private protected abstract WordOutcome ProcessWord(ulong word, long wordOffset, Event[] output, int outputOffset, int outputCapacity, ref int written, out string? reason);

    /// <summary>Forgets the format's own state.</summary>
    private protected abstract void ResetFormat();

    /// <summary>The reason given when the stream ends inside a word.</summary>
    private protected virtual string DescribeTruncatedWord(int have, int need) => $"truncated word: the stream ends after {have} of {need} bytes";

    /// <summary>False, with the offset and reason, when the stream ends inside a multi-word event.</summary>
    private protected virtual bool EndsCleanly(out long offset, out string? reason)
    {
        offset = 0;
        reason = null;
        return true;
    }

    private static ulong Assemble(byte[] source, int index, int bytes)
    {
        ulong word = 0;
        for (int i = bytes - 1; i >= 0; i--)
        {
            word = (word << 8) | source[index + i];
        }

        return word;
    }
}
