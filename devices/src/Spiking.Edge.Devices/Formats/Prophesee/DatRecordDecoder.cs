using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// The body of a <c>.dat</c> file: the 2-byte event type and size (when the file has a header), then 8-byte CD
/// records, with the 32-bit µs timestamp unwrapped (a drop of at least 2^31 µs adds 2^32 µs; a smaller drop is refused).
/// </summary>
internal sealed class DatRecordDecoder : WordStreamDecoder
{
    private readonly bool _hasTypeAndSize;
    private bool _typePending;
    private bool _hasLast;
    private uint _lastRaw;
    private long _loops;
    private PropheseeCounters _counters;

    public DatRecordDecoder(bool hasTypeAndSize, int width, int height, string source)
        : base(width, height, source)
    {
        _hasTypeAndSize = hasTypeAndSize;
        _typePending = hasTypeAndSize;
    }

    public override PropheseeCounters Counters => _counters;

    private protected override int NextWordBytes => _typePending ? 2 : DatFormat.RecordBytes;

    private protected override WordOutcome ProcessWord(ulong word, long wordOffset, Event[] output, int outputOffset, int outputCapacity, ref int written, out string? reason)
    {
        reason = null;
        if (_typePending)
        {
            int type = (int)(word & 0xFF);
            int size = (int)(word >> 8);
            if (type != DatFormat.TypeEvent2D && type != DatFormat.TypeEventCD)
            {
                reason = $"event type {type} ({DatFormat.TypeName(type)}) is not supported: only CD events (type 0 Event2D or 12 EventCD)";
                return WordOutcome.Fault;
            }

            if (size != DatFormat.RecordBytes)
            {
                reason = $"event size {size} bytes for {DatFormat.TypeName(type)} events; CD records are 8 bytes";
                return WordOutcome.Fault;
            }

            _typePending = false;
            return WordOutcome.Done;
        }

        uint raw = (uint)word;
        uint packed = (uint)(word >> 32);
        long loops = _loops;
        if (_hasLast && raw < _lastRaw)
        {
            if (_lastRaw - raw < 1u << 31)
            {
                reason = $"timestamp goes back from {(_loops << 32) + _lastRaw} us to {(_loops << 32) + raw} us, less than half the 2^32 us range (not a wrap-around)";
                return WordOutcome.Fault;
            }

            loops++;
        }

        int x = (int)(packed & 0x3FFF);
        int y = (int)((packed >> 14) & 0x3FFF);
        bool inside = (Width == 0 || x < Width) && (Height == 0 || y < Height);
        if (inside && written == outputCapacity)
        {
            return WordOutcome.OutputFull;
        }

        if (loops != _loops)
        {
            _loops = loops;
            _counters = _counters with { TimeLoops = _counters.TimeLoops + 1 };
        }

        _hasLast = true;
        _lastRaw = raw;
        if (!inside)
        {
            _counters = _counters with { DroppedOutOfGeometry = _counters.DroppedOutOfGeometry + 1 };
            return WordOutcome.Done;
        }

        output[outputOffset + written] = new Event((ushort)x, (ushort)y, (byte)((packed >> 28) & 1), (loops << 32) + raw);
        written++;
        EventCount++;
        return WordOutcome.Done;
    }

    private protected override void ResetFormat()
    {
        _typePending = _hasTypeAndSize;
        _hasLast = false;
        _lastRaw = 0;
        _loops = 0;
        _counters = default;
    }

    private protected override string DescribeTruncatedWord(int have, int need) => _typePending
        ? $"the stream ends inside the event type and size bytes ({have} of {need})"
        : $"truncated record: the stream ends after {have} of {need} bytes";

    private protected override bool EndsCleanly(out long offset, out string? reason)
    {
        offset = 0;
        reason = _typePending ? "the stream ends before the event type and size bytes that follow the header" : null;
        return !_typePending;
    }
}
