using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Streaming decoder of Prophesee EVT 2.0 (32-bit little-endian words) into caller-owned event buffers; input may be
/// cut at any byte, an IMU event's 6 words may straddle reads. No allocation per event.
/// </summary>
/// <remarks>
/// Counted and skipped: events before the first TIME_HIGH, events outside the geometry, EXT_TRIGGER, OTHERS and
/// CONTINUED words, IMU events. Refused (<see cref="EventStreamException"/> at the word's offset): reserved word types
/// (2–7, 9, B, C), an IMU_EVT not followed by 5 CONTINUED words, a TIME_HIGH stepping back by less than half its range,
/// a stream ending inside a word or an IMU event. See README.md, "Malformed input".
/// </remarks>
public sealed class Evt2Decoder : WordStreamDecoder
{
    private bool _hasTimeBase;
    private int _timeHigh;
    private long _loops;
    private long _timeBase;
    private int _imuWordsLeft;
    private long _imuOffset;
    private PropheseeCounters _counters;

    /// <summary>Creates a decoder.</summary>
    /// <param name="width">Sensor width (0..2048, 0 = unknown: only the 11-bit range applies).</param>
    /// <param name="height">Sensor height (0..2048, 0 = unknown).</param>
    /// <param name="source">Names the stream in error messages (e.g. a file path).</param>
    public Evt2Decoder(int width = 0, int height = 0, string source = "EVT 2.0 stream")
        : base(width, height, Evt2Format.MaxSensorSize, source)
    {
    }

    /// <inheritdoc/>
    public override PropheseeCounters Counters => _counters;

    /// <inheritdoc/>
    private protected override int NextWordBytes => Evt2Format.WordBytes;

    /// <inheritdoc/>
    private protected override WordOutcome ProcessWord(ulong word, long wordOffset, Event[] output, int outputOffset, int outputCapacity, ref int written, out string? reason)
    {
        uint w = (uint)word;
        int type = (int)(w >> 28);
        reason = null;
        if (_imuWordsLeft > 0)
        {
            if (type != Evt2Format.TypeContinued)
            {
                int index = Evt2Format.ImuContinuedWords - _imuWordsLeft + 2;
                reason = $"IMU event at byte offset {OriginOffset + _imuOffset} has a word of type {PropheseeText.Hex(type)} where CONTINUED word {index} of 6 was expected";
                return WordOutcome.Fault;
            }

            if (--_imuWordsLeft == 0)
            {
                _counters = _counters with { ImuEvents = _counters.ImuEvents + 1 };
            }

            return WordOutcome.Done;
        }

        switch (type)
        {
            case Evt2Format.TypeCdOff:
            case Evt2Format.TypeCdOn:
                return ProcessCd(w, type, output, outputOffset, outputCapacity, ref written);
            case Evt2Format.TypeTimeHigh:
                return ProcessTimeHigh((int)(w & Evt2Format.TimeHighMask), out reason);
            case Evt2Format.TypeExternalTrigger:
                _counters = _counters with { ExternalTriggerWords = _counters.ExternalTriggerWords + 1 };
                return WordOutcome.Done;
            case Evt2Format.TypeImu:
                _imuWordsLeft = Evt2Format.ImuContinuedWords;
                _imuOffset = wordOffset;
                return WordOutcome.Done;
            case Evt2Format.TypeOthers:
                _counters = _counters with { OthersWords = _counters.OthersWords + 1 };
                return WordOutcome.Done;
            case Evt2Format.TypeContinued:
                _counters = _counters with { ContinuedWords = _counters.ContinuedWords + 1 };
                return WordOutcome.Done;
            default:
                reason = $"word type {PropheseeText.Hex(type)} is reserved in EVT 2.0";
                return WordOutcome.Fault;
        }
    }

    /// <inheritdoc/>
    private protected override void ResetFormat()
    {
        _hasTimeBase = false;
        _timeHigh = 0;
        _loops = 0;
        _timeBase = 0;
        _imuWordsLeft = 0;
        _imuOffset = 0;
        _counters = default;
    }

    /// <inheritdoc/>
    private protected override bool EndsCleanly(out long offset, out string? reason)
    {
        offset = _imuOffset;
        reason = _imuWordsLeft > 0
            ? $"truncated IMU event: the stream ends after {Evt2Format.ImuContinuedWords + 1 - _imuWordsLeft} of 6 words"
            : null;
        return _imuWordsLeft == 0;
    }

    private WordOutcome ProcessCd(uint w, int polarity, Event[] output, int outputOffset, int outputCapacity, ref int written)
    {
        if (!_hasTimeBase)
        {
            _counters = _counters with { DroppedBeforeTimeBase = _counters.DroppedBeforeTimeBase + 1 };
            return WordOutcome.Done;
        }

        int x = (int)((w >> 11) & 0x7FF);
        int y = (int)(w & 0x7FF);
        if (x >= LimitX || y >= LimitY)
        {
            _counters = _counters with { DroppedOutOfGeometry = _counters.DroppedOutOfGeometry + 1 };
            return WordOutcome.Done;
        }

        if (written == outputCapacity)
        {
            return WordOutcome.OutputFull;
        }

        output[outputOffset + written] = new Event((ushort)x, (ushort)y, (byte)polarity, _timeBase + ((w >> 22) & 0x3F));
        written++;
        EventCount++;
        return WordOutcome.Done;
    }

    private WordOutcome ProcessTimeHigh(int timeHigh, out string? reason)
    {
        reason = null;
        if (_hasTimeBase && timeHigh < _timeHigh)
        {
            if (_timeHigh - timeHigh < Evt2Format.TimeHighHalfRange)
            {
                reason = PropheseeText.TimeHighBack((long)_timeHigh << 6, (long)timeHigh << 6, "2^34");
                return WordOutcome.Fault;
            }

            _loops++;
            _counters = _counters with { TimeLoops = _counters.TimeLoops + 1 };
        }

        _hasTimeBase = true;
        _timeHigh = timeHigh;
        _timeBase = (_loops << Evt2Format.TimestampBits) + ((long)timeHigh << 6);
        return WordOutcome.Done;
    }
}
