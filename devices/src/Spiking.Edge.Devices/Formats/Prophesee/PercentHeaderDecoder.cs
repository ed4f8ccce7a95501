using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// The common engine of the Prophesee containers (RAW, DAT): reads the "% key value" header across any cuts, then
/// hands the body to the decoder the header asks for, with error offsets counted from the start of the file.
/// </summary>
public abstract class PercentHeaderDecoder : IPropheseeDecoder
{
    private static readonly byte[] PercentByte = [(byte)'%'];
    private readonly PercentHeader _header;
    private IPropheseeDecoder? _body;
    private long _headerBytes;
    private EventStreamException? _fault;

    private protected PercentHeaderDecoder(string source, bool endLineTerminates)
    {
        ArgumentNullException.ThrowIfNull(source);
        SourceName = source;
        _header = new PercentHeader(endLineTerminates);
    }

    /// <inheritdoc/>
    public string SourceName { get; }

    /// <summary>Bytes of the stream consumed so far.</summary>
    public long Position => _body == null ? _headerBytes : _header.BodyOffset + ((IEventDecoder)_body).Position;

    /// <inheritdoc/>
    public long EventCount => _body?.EventCount ?? 0;

    /// <summary>Sensor width from the header once read, else 0.</summary>
    public int Width => _body?.Width ?? 0;

    /// <summary>Sensor height from the header once read, else 0.</summary>
    public int Height => _body?.Height ?? 0;

    /// <inheritdoc/>
    public PropheseeCounters Counters => _body?.Counters ?? default;

    /// <summary>Every "key value" pair of the header read so far, known and unknown keys alike (read-only).</summary>
    public IReadOnlyDictionary<string, string> Header => _header.Fields;

    /// <summary>True once the whole header is read and the body decoder chosen.</summary>
    public bool IsHeaderComplete => _body != null;

    /// <summary>Offset of the body's first byte once the header is complete, else -1.</summary>
    public long BodyOffset => _body != null ? _header.BodyOffset : -1;

    /// <summary>Forgets all state, ready for a new stream.</summary>
    public void Reset()
    {
        _header.Reset();
        _body = null;
        _headerBytes = 0;
        _fault = null;
        ResetContainer();
    }

    /// <inheritdoc/>
    public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
    {
        DecodeCall.Begin(input, offset, count, output, outputOffset, outputCapacity, _fault);

        consumed = 0;
        if (_body == null)
        {
            int n = _header.Feed(input, offset, count, _headerBytes);
            _headerBytes += n;
            consumed = n;
            if (_header.FaultReason != null)
            {
                throw Fail(new EventStreamException(SourceName, _header.FaultOffset, _header.FaultReason));
            }

            if (!_header.IsDone)
            {
                return 0;
            }

            StartBody();
        }

        try
        {
            int written = _body!.Decode(input, offset + consumed, count - consumed, output, outputOffset, outputCapacity, out int bodyConsumed);
            consumed += bodyConsumed;
            return written;
        }
        catch (EventStreamException e)
        {
            throw Fail(e);
        }
    }

    /// <inheritdoc/>
    public bool Complete(out EventStreamException? error)
    {
        if (_fault == null && _body == null)
        {
            _header.Complete(_headerBytes);
            if (_header.FaultReason != null)
            {
                Fail(new EventStreamException(SourceName, _header.FaultOffset, _header.FaultReason));
            }
            else
            {
                try
                {
                    StartBody();
                }
                catch (EventStreamException)
                {
                    // Kept in _fault.
                }
            }
        }

        if (_fault == null && !_body!.Complete(out var bodyError))
        {
            _fault = bodyError;
        }

        error = _fault;
        return error == null;
    }

    /// <inheritdoc/>
    public void Finish() => DecodeCall.Finish(this);

    /// <summary>
    /// Chooses the body decoder from the complete header (its error offsets must start at
    /// <paramref name="bodyOffset"/>), or returns null with the offset and reason of the header line at fault.
    /// </summary>
    private protected abstract IPropheseeDecoder? CreateBody(PercentHeader header, long bodyOffset, out long faultOffset, out string? reason);

    /// <summary>Forgets what the container learnt from its header.</summary>
    private protected abstract void ResetContainer();

    private void StartBody()
    {
        var body = CreateBody(_header, _header.BodyOffset, out long faultOffset, out string? reason);
        if (body == null)
        {
            throw Fail(new EventStreamException(SourceName, faultOffset, reason!));
        }

        if (_header.EndsAtPercent)
        {
            // The '%' that turned out not to open a header line is the body's first byte.
            body.Decode(PercentByte, 0, 1, [], 0, 0, out _);
        }

        _body = body;
    }

    private EventStreamException Fail(EventStreamException error)
    {
        _fault = error;
        return error;
    }
}
