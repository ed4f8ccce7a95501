using System.IO.Ports;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Sources.Serial;

/// <summary>
/// Events from a board that forwards its sensor's EVT 2.1 words over USB-serial in the frames of
/// <see cref="SerialFraming"/>. Written against a <see cref="Stream"/> (testable without a port);
/// <see cref="Open"/> wraps a <see cref="SerialPort"/>. Reads in chunks into a preallocated buffer; nothing is
/// allocated per event. Not thread-safe.
/// </summary>
public sealed class SerialEventSource : IDisposable
{
    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly bool _shouldDispose;
    private readonly SerialFrameDecoder _decoder;
    private readonly byte[] _input;
    private int _inputOffset;
    private int _inputCount;
    private long _bytesRead;
    private Exception? _fault;
    private bool _disposed;

    /// <summary>Reads frames from a stream.</summary>
    /// <param name="stream">The link (a serial port's stream, a socket, a file of captured bytes).</param>
    /// <param name="source">Names the link in messages, e.g. "serial /dev/ttyACM0".</param>
    /// <param name="readChunkBytes">Bytes asked of the stream per read (1..1,048,576).</param>
    /// <param name="width">Sensor width for the geometry check (0..2048; 0 = unknown).</param>
    /// <param name="height">Sensor height (0..2048; 0 = unknown).</param>
    /// <param name="shouldDispose">True to dispose <paramref name="stream"/> with this source.</param>
    /// <exception cref="ArgumentException">A size is out of range or the stream cannot be read.</exception>
    public SerialEventSource(Stream stream, string source = "serial stream", int readChunkBytes = 4_096, int width = 320, int height = 320, bool shouldDispose = true)
        : this(stream, source, readChunkBytes, width, height, shouldDispose, owner: null)
    {
    }

    private SerialEventSource(Stream stream, string source, int readChunkBytes, int width, int height, bool shouldDispose, IDisposable? owner)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (!stream.CanRead)
        {
            throw new ArgumentException($"stream: the stream of {source} cannot be read", nameof(stream));
        }

        if (readChunkBytes < 1 || readChunkBytes > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(readChunkBytes), $"readChunkBytes is {readChunkBytes}; must be within 1..1048576");
        }

        _decoder = new SerialFrameDecoder(width, height, source);
        _stream = stream;
        _owner = owner;
        _shouldDispose = shouldDispose;
        _input = new byte[readChunkBytes];
    }

    /// <summary>The link's name, used in messages and as the decoder's source.</summary>
    public string SourceName => _decoder.SourceName;

    /// <summary>True once the stream reported its end.</summary>
    public bool EndOfStream { get; private set; }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead => _bytesRead;

    /// <summary>Events delivered so far.</summary>
    public long EventCount => _decoder.EventCount;

    /// <summary>Frames accepted, dropped and rejected; bytes skipped.</summary>
    public SerialFrameCounters Counters => _decoder.Counters;

    /// <summary>What the EVT 2.1 decoder counted and skipped inside accepted frames.</summary>
    public PropheseeCounters EventCounters => _decoder.EventCounters;

    /// <summary>
    /// Opens a serial port (8 data bits, no parity, 1 stop bit, no handshake) and reads frames from it.
    /// </summary>
    /// <param name="portName">E.g. "/dev/ttyACM0" or "COM3".</param>
    /// <param name="baudRate">Bits per second (USB CDC ports ignore it).</param>
    /// <param name="readTimeoutMilliseconds">How long one read waits for bytes; <see cref="ReadEvents"/> then returns 0.</param>
    /// <param name="width">Sensor width (default 320).</param>
    /// <param name="height">Sensor height (default 320).</param>
    /// <returns>The source; disposing it closes the port.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The baud rate or timeout is out of range.</exception>
    public static SerialEventSource Open(string portName, int baudRate = 921_600, int readTimeoutMilliseconds = 100, int width = 320, int height = 320)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        if (baudRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baudRate), $"baudRate is {baudRate}; must be positive");
        }

        if (readTimeoutMilliseconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(readTimeoutMilliseconds), $"readTimeoutMilliseconds is {readTimeoutMilliseconds}; must be 1 or more");
        }

        var port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = readTimeoutMilliseconds,
            ReadBufferSize = 1 << 16,
        };
        port.Open();
        return new SerialEventSource(port.BaseStream, $"serial {portName}", 4_096, width, height, shouldDispose: true, owner: port);
    }

    /// <summary>
    /// Decodes events into <paramref name="buffer"/>[offset, offset + capacity): first what remains of the last read,
    /// then, if there is room, one more read from the stream.
    /// </summary>
    /// <param name="buffer">Caller-owned events.</param>
    /// <param name="offset">First slot to fill.</param>
    /// <param name="capacity">Slots available (at least 1).</param>
    /// <returns>Events written; 0 when the read timed out, brought only framing or filler, or the stream ended
    /// (<see cref="EndOfStream"/>).</returns>
    /// <exception cref="SerialLinkException">A read failed; thrown once the events before it are delivered, and again on later calls.</exception>
    /// <exception cref="EventStreamException">A frame with a good CRC holds malformed EVT 2.1, or the stream ended inside a frame.</exception>
    public int ReadEvents(Event[] buffer, int offset, int capacity)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || capacity < 1 || (long)offset + capacity > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), $"range [{offset}, {offset}+{capacity}) must be non-empty and inside the buffer of {buffer.Length}");
        }

        if (_fault != null)
        {
            throw _fault;
        }

        int written = Drain(buffer, offset, capacity);
        if (written == capacity || _inputOffset < _inputCount || EndOfStream)
        {
            return written;
        }

        int read;
        try
        {
            read = _stream.Read(_input, 0, _input.Length);
        }
        catch (TimeoutException)
        {
            return written;
        }
        catch (IOException e)
        {
            _fault = new SerialLinkException(SourceName, _bytesRead, e);
            if (written > 0)
            {
                return written;
            }

            throw _fault;
        }

        if (read == 0)
        {
            EndOfStream = true;
            if (!_decoder.Complete(out var error))
            {
                _fault = error;
                if (written == 0)
                {
                    throw error!;
                }
            }

            return written;
        }

        _bytesRead += read;
        _inputOffset = 0;
        _inputCount = read;
        return written + Drain(buffer, offset + written, capacity - written);
    }

    /// <summary>Disposes the stream (and the serial port of <see cref="Open"/>) when this source owns it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_shouldDispose)
        {
            _stream.Dispose();
            _owner?.Dispose();
        }
    }

    private int Drain(Event[] buffer, int offset, int capacity)
    {
        try
        {
            int written = _decoder.Decode(_input, _inputOffset, _inputCount - _inputOffset, buffer, offset, capacity, out int consumed);
            _inputOffset += consumed;
            return written;
        }
        catch (EventStreamException e)
        {
            _fault = e;
            throw;
        }
    }
}
