using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// One <c>Decode</c> call as a section of an AEDAT decoder sees it: the input still to read (with the stream offset
/// of each byte) and the caller's output with the events written so far.
/// </summary>
internal ref struct DecodeWindow
{
    /// <summary>The input; bytes [<see cref="Read"/>, <see cref="End"/>) are still to read.</summary>
    public readonly byte[] Input;

    /// <summary>The end of the input (exclusive).</summary>
    public readonly int End;

    /// <summary>The caller-owned events.</summary>
    public readonly Event[] Output;

    /// <summary>The next input byte to read; sections advance it.</summary>
    public int Read;

    /// <summary>Events written by this call; sections advance it.</summary>
    public int Written;

    private readonly int _offset;
    private readonly long _start;
    private readonly int _outputOffset;
    private readonly int _outputCapacity;

    /// <summary>Opens the window of one call.</summary>
    /// <param name="input">The input bytes.</param>
    /// <param name="offset">The first byte to read.</param>
    /// <param name="count">The bytes available.</param>
    /// <param name="position">The stream offset of input[offset].</param>
    /// <param name="output">The caller-owned events.</param>
    /// <param name="outputOffset">The first slot to fill.</param>
    /// <param name="outputCapacity">The slots available.</param>
    public DecodeWindow(byte[] input, int offset, int count, long position, Event[] output, int outputOffset, int outputCapacity)
    {
        Input = input;
        Read = offset;
        End = offset + count;
        Output = output;
        _offset = offset;
        _start = position;
        _outputOffset = outputOffset;
        _outputCapacity = outputCapacity;
    }

    /// <summary>The stream offset of input[<see cref="Read"/>].</summary>
    public readonly long StreamOffset => _start + (Read - _offset);

    /// <summary>Bytes read by this call.</summary>
    public readonly int Consumed => Read - _offset;

    /// <summary>True when no slot is left for an event.</summary>
    public readonly bool OutputFull => Written == _outputCapacity;

    /// <summary>The index in <see cref="Output"/> of the next slot.</summary>
    public readonly int OutputIndex => _outputOffset + Written;

    /// <summary>Slots left for events.</summary>
    public readonly int OutputLeft => _outputCapacity - Written;

    /// <summary>Passes over up to <paramref name="bytes"/> input bytes (as many as this call has).</summary>
    /// <param name="bytes">Bytes still to skip.</param>
    /// <returns>Bytes skipped.</returns>
    public int Skip(long bytes)
    {
        int skip = (int)Math.Min(bytes, End - Read);
        Read += skip;
        return skip;
    }
}
