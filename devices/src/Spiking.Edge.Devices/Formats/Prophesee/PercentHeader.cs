using System.Text;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Streaming reader of the ASCII header of Prophesee RAW and DAT files: lines "% key value" (OpenEB
/// <c>GenericHeader</c>). The header ends at a line that does not start with "% " (that line is the first byte of the
/// body) or, when <c>endLineTerminates</c>, after a "% end" line. Lines may be cut at any byte between reads.
/// </summary>
internal sealed class PercentHeader
{
    /// <summary>Longest header line accepted, newline excluded.</summary>
    public const int MaxLineBytes = 4096;

    private readonly bool _endLineTerminates;
    private readonly byte[] _line = new byte[MaxLineBytes];
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lineOffsets = new(StringComparer.Ordinal);
    private int _lineLength;
    private State _state;
    private long _lineOffset;

    public PercentHeader(bool endLineTerminates)
    {
        _endLineTerminates = endLineTerminates;
        Fields = _fields.AsReadOnly();
    }

    private enum State
    {
        LineStart,
        AfterPercent,
        InLine,
        Done,
    }

    /// <summary>Every "key value" pair read (a repeated key keeps its last value, as OpenEB).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>True once the body has been reached.</summary>
    public bool IsDone => _state == State.Done;

    /// <summary>Header lines read ("% end" included).</summary>
    public int LineCount { get; private set; }

    /// <summary>Offset of the body's first byte, once <see cref="IsDone"/>.</summary>
    public long BodyOffset { get; private set; }

    /// <summary>
    /// True when the header ended at a '%' not followed by a space: that '%', already consumed, is the body's first
    /// byte and must be given to the body decoder.
    /// </summary>
    public bool EndsAtPercent { get; private set; }

    /// <summary>Offset of the "% end" line, or -1.</summary>
    public long EndLineOffset { get; private set; } = -1;

    /// <summary>Offset of the malformed or truncated line, when <see cref="FaultReason"/> is set.</summary>
    public long FaultOffset { get; private set; }

    /// <summary>Why the header is malformed, or null.</summary>
    public string? FaultReason { get; private set; }

    /// <summary>Offset of the line that last set <paramref name="key"/>.</summary>
    public long LineOffsetOf(string key) => _lineOffsets[key];

    public void Reset()
    {
        _fields.Clear();
        _lineOffsets.Clear();
        _lineLength = 0;
        _state = State.LineStart;
        _lineOffset = 0;
        LineCount = 0;
        BodyOffset = 0;
        EndsAtPercent = false;
        EndLineOffset = -1;
        FaultOffset = 0;
        FaultReason = null;
    }

    /// <summary>
    /// Reads header bytes from <paramref name="input"/>[offset, offset + count), whose first byte is at stream offset
    /// <paramref name="position"/>; returns the bytes that belong to the header (it stops at the body or at an error).
    /// </summary>
    public int Feed(byte[] input, int offset, int count, long position)
    {
        for (int i = 0; i < count; i++)
        {
            byte b = input[offset + i];
            long at = position + i;
            switch (_state)
            {
                case State.LineStart:
                    if (b != (byte)'%')
                    {
                        End(at, endsAtPercent: false);
                        return i;
                    }

                    _lineOffset = at;
                    _state = State.AfterPercent;
                    break;
                case State.AfterPercent:
                    if (b != (byte)' ')
                    {
                        End(_lineOffset, endsAtPercent: true);
                        return i;
                    }

                    _lineLength = 0;
                    _state = State.InLine;
                    break;
                case State.InLine:
                    if (b == (byte)'\n')
                    {
                        if (EndLine(at + 1))
                        {
                            return i + 1;
                        }
                    }
                    else if (_lineLength == MaxLineBytes)
                    {
                        FaultOffset = _lineOffset;
                        FaultReason = $"header line longer than {MaxLineBytes} bytes";
                        return i;
                    }
                    else
                    {
                        _line[_lineLength++] = b;
                    }

                    break;
                default:
                    return i;
            }
        }

        return count;
    }

    /// <summary>The stream ends at <paramref name="position"/>: ends the header there, or records a truncated line.</summary>
    public void Complete(long position)
    {
        if (_state == State.LineStart)
        {
            End(position, endsAtPercent: false);
        }
        else if (_state != State.Done)
        {
            FaultOffset = _lineOffset;
            FaultReason = "the stream ends inside a header line";
        }
    }

    // A complete line is in _line; returns true when it ends the header.
    private bool EndLine(long next)
    {
        LineCount++;
        string[] tokens = Encoding.Latin1.GetString(_line, 0, _lineLength)
            .Split([' ', '\t', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 0)
        {
            if (_endLineTerminates && tokens[0] == "end")
            {
                EndLineOffset = _lineOffset;
                End(next, endsAtPercent: false);
                return true;
            }

            _fields[tokens[0]] = string.Join(' ', tokens, 1, tokens.Length - 1);
            _lineOffsets[tokens[0]] = _lineOffset;
        }

        _state = State.LineStart;
        return false;
    }

    private void End(long bodyOffset, bool endsAtPercent)
    {
        _state = State.Done;
        BodyOffset = bodyOffset;
        EndsAtPercent = endsAtPercent;
    }
}
