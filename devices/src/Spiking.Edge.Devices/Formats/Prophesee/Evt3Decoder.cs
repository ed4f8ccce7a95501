using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Streaming decoder of Prophesee EVT 3.0 (16-bit little-endian words, stateful: row, vector base, time high and
/// low) into caller-owned event buffers. Each vector word is decoded on its own, and one whose events do not fit the
/// output is resumed at its next bit on the next call. Input may be cut at any byte. No allocation per event.
/// </summary>
/// <remarks>
/// Counted and skipped: events before the first TIME_HIGH, events before any row (or vector base), events at
/// y ≥ height or x ≥ width, EXT_TRIGGER, OTHERS, IMU, CONTINUED_4 and CONTINUED_12 words. Refused
/// (<see cref="EventStreamException"/> at the word's offset): reserved word types (1, 9, B, C), a TIME_HIGH stepping
/// back by less than half its range, a stream ending inside a word. See README.md, "Malformed input".
/// </remarks>
public sealed class Evt3Decoder : WordStreamDecoder
{
    // The base x stops growing here (far beyond any address), so that endless vectors cannot overflow it.
    private const int BaseCeiling = 1 << 16;

    private bool _hasTimeBase;
    private int _timeHigh;
    private int _timeLow;
    private long _loops;
    private bool _hasRow;
    private int _row;
    private bool _hasBase;
    private int _baseX;
    private int _basePolarity;
    private int _resumeBit;
    private PropheseeCounters _counters;

    /// <summary>Creates a decoder.</summary>
    /// <param name="width">Sensor width (0..2048, 0 = unknown: only the 11-bit range applies).</param>
    /// <param name="height">Sensor height (0..2048, 0 = unknown).</param>
    /// <param name="source">Names the stream in error messages (e.g. a file path).</param>
    public Evt3Decoder(int width = 0, int height = 0, string source = "EVT 3.0 stream")
        : base(width, height, Evt3Format.MaxSensorSize, source)
    {
    }

    /// <inheritdoc/>
    public override PropheseeCounters Counters => _counters;

    /// <inheritdoc/>
    private protected override int NextWordBytes => Evt3Format.WordBytes;

    private long Timestamp => (_loops << Evt3Format.TimestampBits) + ((long)_timeHigh << 12) + _timeLow;

    /// <inheritdoc/>
    private protected override WordOutcome ProcessWord(ulong word, long wordOffset, Event[] output, int outputOffset, int outputCapacity, ref int written, out string? reason)
    {
        int w = (int)word;
        int type = w >> 12;
        int content = w & Evt3Format.FieldMask;
        reason = null;
        switch (type)
        {
            case Evt3Format.TypeAddrY:
                _row = content & 0x7FF;
                _hasRow = true;
                return WordOutcome.Done;
            case Evt3Format.TypeAddrX:
                return ProcessSingle(content & 0x7FF, content >> 11, output, outputOffset, outputCapacity, ref written);
            case Evt3Format.TypeVectBaseX:
                _baseX = content & 0x7FF;
                _basePolarity = content >> 11;
                _hasBase = true;
                return WordOutcome.Done;
            case Evt3Format.TypeVect12:
                return ProcessVector(content, 12, output, outputOffset, outputCapacity, ref written);
            case Evt3Format.TypeVect8:
                return ProcessVector(content & 0xFF, 8, output, outputOffset, outputCapacity, ref written);
            case Evt3Format.TypeTimeLow:
                if (_hasTimeBase)
                {
                    _timeLow = content;
                }

                return WordOutcome.Done;
            case Evt3Format.TypeTimeHigh:
                return ProcessTimeHigh(content, out reason);
            case Evt3Format.TypeExternalTrigger:
                _counters = _counters with { ExternalTriggerWords = _counters.ExternalTriggerWords + 1 };
                return WordOutcome.Done;
            case Evt3Format.TypeOthers:
            case Evt3Format.TypeImu:
                _counters = _counters with { OthersWords = _counters.OthersWords + 1 };
                return WordOutcome.Done;
            case Evt3Format.TypeContinued4:
            case Evt3Format.TypeContinued12:
                _counters = _counters with { ContinuedWords = _counters.ContinuedWords + 1 };
                return WordOutcome.Done;
            default:
                reason = $"word type {PropheseeText.Hex(type)} is reserved in EVT 3.0";
                return WordOutcome.Fault;
        }
    }

    /// <inheritdoc/>
    private protected override void ResetFormat()
    {
        _hasTimeBase = false;
        _timeHigh = 0;
        _timeLow = 0;
        _loops = 0;
        _hasRow = false;
        _row = 0;
        _hasBase = false;
        _baseX = 0;
        _basePolarity = 0;
        _resumeBit = 0;
        _counters = default;
    }

    private WordOutcome ProcessSingle(int x, int polarity, Event[] output, int outputOffset, int outputCapacity, ref int written)
        => Deliver(x, polarity, output, outputOffset, outputCapacity, ref written) ? WordOutcome.Done : WordOutcome.OutputFull;

    private WordOutcome ProcessVector(int mask, int span, Event[] output, int outputOffset, int outputCapacity, ref int written)
    {
        if (!_hasBase)
        {
            _counters = _counters with { DroppedWithoutAddress = _counters.DroppedWithoutAddress + BitCount(mask) };
            return WordOutcome.Done;
        }

        for (int bit = _resumeBit; bit < span; bit++)
        {
            if (((mask >> bit) & 1) != 0 && !Deliver(_baseX + bit, _basePolarity, output, outputOffset, outputCapacity, ref written))
            {
                _resumeBit = bit;
                return WordOutcome.OutputFull;
            }
        }

        _resumeBit = 0;
        if (_baseX < BaseCeiling)
        {
            _baseX += span;
        }

        return WordOutcome.Done;
    }

    // Writes the event, or counts it as dropped; false only when the output is full.
    private bool Deliver(int x, int polarity, Event[] output, int outputOffset, int outputCapacity, ref int written)
    {
        if (!_hasTimeBase)
        {
            _counters = _counters with { DroppedBeforeTimeBase = _counters.DroppedBeforeTimeBase + 1 };
        }
        else if (!_hasRow)
        {
            _counters = _counters with { DroppedWithoutAddress = _counters.DroppedWithoutAddress + 1 };
        }
        else if (x >= LimitX || _row >= LimitY)
        {
            _counters = _counters with { DroppedOutOfGeometry = _counters.DroppedOutOfGeometry + 1 };
        }
        else if (written == outputCapacity)
        {
            return false;
        }
        else
        {
            output[outputOffset + written] = new Event((ushort)x, (ushort)_row, (byte)polarity, Timestamp);
            written++;
            EventCount++;
        }

        return true;
    }

    private WordOutcome ProcessTimeHigh(int timeHigh, out string? reason)
    {
        reason = null;
        if (!_hasTimeBase)
        {
            _hasTimeBase = true;
            _timeHigh = timeHigh;
            _timeLow = 0;
            return WordOutcome.Done;
        }

        if (timeHigh < _timeHigh)
        {
            if (_timeHigh - timeHigh < Evt3Format.TimeHighHalfRange)
            {
                reason = PropheseeText.TimeHighBack((long)_timeHigh << 12, (long)timeHigh << 12, "2^24");
                return WordOutcome.Fault;
            }

            _loops++;
            _counters = _counters with { TimeLoops = _counters.TimeLoops + 1 };
        }

        if (timeHigh != _timeHigh)
        {
            _timeLow = 0;
        }

        _timeHigh = timeHigh;
        return WordOutcome.Done;
    }

    private static int BitCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);
}
