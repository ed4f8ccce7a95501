using System.Buffers.Binary;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Streaming decoder of AEDAT 2.0 (jAER) into caller-owned event buffers: ASCII header lines starting with '#'
/// (the first one <c>#!AER-DAT2.0</c>), then 8-byte big-endian records (uint32 address, uint32 timestamp in µs).
/// Input may be cut at any byte; a partial record is kept between calls. No allocation per event.
/// </summary>
/// <remarks>
/// Addresses follow the sensor's convention (<see cref="Aedat2Options"/>). APS / IMU samples and special events
/// are skipped and counted; the 32-bit timestamp wraps every 2^32 µs (71.6 min) and is made monotonic (a drop of
/// more than 2^31 µs between consecutive records is a wrap); a DVS event earlier than the previous one is skipped
/// and counted. Refused with an <see cref="EventStreamException"/>: a first line other than <c>#!AER-DAT2.0</c>, a
/// DVS address outside the configured sensor, and (at <see cref="Finish"/>) a stream ending inside the header or a
/// record. See README.md in this folder.
/// </remarks>
public sealed class Aedat2Decoder : IEventDecoder
{
    /// <summary>Bytes per record (address + timestamp).</summary>
    public const int RecordBytes = 8;

    private const long WrapMicroseconds = 1L << 32;
    private const uint HalfRange = 1u << 31;

    private static readonly byte[] Magic = "#!AER-DAT2.0"u8.ToArray();

    private readonly Aedat2Options _options;
    private readonly PendingBytes _pending = new(RecordBytes);
    private Section _section;
    private int _magicMatched;
    private long _position;
    private long _lineStart;
    private long _wrapOffset;
    private uint _lastRawTimestamp;
    private bool _seenRecord;
    private long _lastTimestamp;
    private EventStreamException? _fault;

    /// <summary>Creates a decoder for the given address convention and sensor size.</summary>
    /// <param name="options">Address convention and sensor size.</param>
    /// <param name="source">Names the stream in error messages (e.g. a file path).</param>
    public Aedat2Decoder(Aedat2Options options, string source = "AEDAT 2.0 stream")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        _options = options;
        SourceName = source;
        Reset();
    }

    private enum Section
    {
        FirstLine,
        HeaderLine,
        LineStart,
        Records,
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <inheritdoc/>
    public long Position => _position;

    /// <inheritdoc/>
    public long EventCount { get; private set; }

    /// <inheritdoc/>
    /// <remarks>From <see cref="Aedat2Options.Width"/>: AEDAT 2.0 headers do not state it.</remarks>
    public int Width => _options.Width;

    /// <inheritdoc/>
    public int Height => _options.Height;

    /// <summary>DAVIS records with bit 31 set (APS frame samples and IMU samples), skipped.</summary>
    public long ApsImuSampleCount { get; private set; }

    /// <summary>Special records skipped: DAVIS external-input events (bit 10), DVS128 sync / special events (bits 15+).</summary>
    public long SpecialEventCount { get; private set; }

    /// <summary>DVS events skipped because their timestamp is earlier than the previous event's.</summary>
    public long BackwardTimestampCount { get; private set; }

    /// <summary>32-bit timestamp wrap-arounds met (each adds 2^32 µs to later timestamps).</summary>
    public long WrapCount { get; private set; }

    /// <inheritdoc/>
    public void Reset()
    {
        _pending.Clear();
        _section = Section.FirstLine;
        _magicMatched = 0;
        _position = 0;
        _lineStart = 0;
        _wrapOffset = 0;
        _lastRawTimestamp = 0;
        _seenRecord = false;
        _lastTimestamp = long.MinValue;
        _fault = null;
        EventCount = 0;
        ApsImuSampleCount = 0;
        SpecialEventCount = 0;
        BackwardTimestampCount = 0;
        WrapCount = 0;
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
        => SectionLoop.Decode(new Sections(this), ref _position, input, offset, count, output, outputOffset, outputCapacity, out consumed);

    // One step of the current section (see ISectionDecoder.Step).
    private bool Step(ref DecodeWindow window)
    {
        switch (_section)
        {
            case Section.FirstLine:
                if (_magicMatched < Magic.Length)
                {
                    if (window.Input[window.Read] != Magic[_magicMatched])
                    {
                        _fault = new EventStreamException(SourceName, 0, "not an AEDAT 2.0 stream: the first line does not start with #!AER-DAT2.0");
                    }

                    _magicMatched++;
                    window.Read++;
                }
                else
                {
                    _section = Section.HeaderLine;
                }

                return true;
            case Section.HeaderLine:
                int newline = Array.IndexOf(window.Input, (byte)'\n', window.Read, window.End - window.Read);
                if (newline < 0)
                {
                    window.Read = window.End;
                }
                else
                {
                    window.Read = newline + 1;
                    _section = Section.LineStart;
                }

                return true;
            case Section.LineStart:
                if (window.Input[window.Read] == (byte)'#')
                {
                    _lineStart = window.StreamOffset;
                    _section = Section.HeaderLine;
                    window.Read++;
                }
                else
                {
                    _section = Section.Records;
                }

                return true;
            default:
                // Records to the end of the input, the output or the first bad record.
                do
                {
                    if (window.OutputFull)
                    {
                        return false;
                    }

                    if (_pending.TryTake(ref window, RecordBytes, out var record, out long recordStart))
                    {
                        uint address = BinaryPrimitives.ReadUInt32BigEndian(record);
                        uint timestamp = BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
                        if (DecodeRecord(address, timestamp, recordStart, ref window.Output[window.OutputIndex]))
                        {
                            window.Written++;
                        }
                    }
                }
                while (window.Read < window.End && _fault == null);

                return true;
        }
    }

    /// <inheritdoc/>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null)
        {
            if (_position == 0)
            {
                _fault = new EventStreamException(SourceName, 0, "empty stream: no #!AER-DAT2.0 header");
            }
            else if (_section is Section.FirstLine or Section.HeaderLine)
            {
                _fault = new EventStreamException(SourceName, _lineStart, "the stream ends inside a header line");
            }
            else if (_pending.Count > 0)
            {
                _fault = new EventStreamException(SourceName, _pending.Start, $"truncated record: the stream ends after {_pending.Count} of {RecordBytes} bytes");
            }
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    // True when an event was written; false for a skipped record or a refused one (fault set).
    private bool DecodeRecord(uint address, uint rawTimestamp, long recordStart, ref Event target)
    {
        if (_seenRecord && rawTimestamp < _lastRawTimestamp && _lastRawTimestamp - rawTimestamp > HalfRange)
        {
            _wrapOffset += WrapMicroseconds;
            WrapCount++;
        }

        _seenRecord = true;
        _lastRawTimestamp = rawTimestamp;
        long timestamp = _wrapOffset + rawTimestamp;

        int rawX;
        int rawY;
        byte polarity;
        if (_options.Convention == Aedat2AddressConvention.Davis)
        {
            if ((address & 0x8000_0000u) != 0)
            {
                ApsImuSampleCount++;
                return false;
            }

            if ((address & (1u << 10)) != 0)
            {
                SpecialEventCount++;
                return false;
            }

            rawY = (int)((address >> 22) & 0x1FF);
            rawX = (int)((address >> 12) & 0x3FF);
            polarity = (byte)((address >> 11) & 1);
        }
        else
        {
            if ((address & 0xFFFF_8000u) != 0)
            {
                SpecialEventCount++;
                return false;
            }

            rawY = (int)((address >> 8) & 0x7F);
            rawX = (int)((address >> 1) & 0x7F);
            polarity = (byte)(1 - (address & 1));
        }

        if (rawX >= _options.Width || rawY >= _options.Height)
        {
            _fault = new EventStreamException(
                SourceName,
                recordStart,
                $"address 0x{address:X8}: x = {rawX}, y = {rawY} is outside the {_options.Width} x {_options.Height} sensor (wrong sensor size or convention?)");
            return false;
        }

        if (timestamp < _lastTimestamp)
        {
            BackwardTimestampCount++;
            return false;
        }

        _lastTimestamp = timestamp;
        target.X = (ushort)(_options.RawAxes ? rawX : _options.Width - 1 - rawX);
        target.Y = (ushort)(_options.RawAxes ? rawY : _options.Height - 1 - rawY);
        target.Polarity = polarity;
        target.TimestampMicroseconds = timestamp;
        EventCount++;
        return true;
    }

    /// <summary>The decoder's sections for <see cref="SectionLoop"/>.</summary>
    private readonly struct Sections(Aedat2Decoder decoder) : ISectionDecoder
    {
        /// <inheritdoc/>
        public EventStreamException? Fault => decoder._fault;

        /// <inheritdoc/>
        public bool Step(ref DecodeWindow window) => decoder.Step(ref window);
    }
}
