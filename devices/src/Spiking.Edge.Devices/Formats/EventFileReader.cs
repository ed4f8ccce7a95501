using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// Reads the events of one file of any supported format, streaming: the file is read in chunks of
/// <see cref="ChunkBytes"/> and fed to the format's <see cref="IEventDecoder"/>, which fills the caller's buffer.
/// Memory use does not grow with the file. Created by <see cref="EventFiles.Open"/>.
/// </summary>
public sealed class EventFileReader : IDisposable
{
    /// <summary>Bytes read from the file at a time.</summary>
    public const int ChunkBytes = 1 << 16;

    private readonly FileStream _stream;
    private readonly byte[] _chunk = new byte[ChunkBytes];
    private int _chunkOffset;
    private int _chunkLength;
    private bool _finished;
    private bool _disposed;

    internal EventFileReader(EventFileInfo info, IEventDecoder decoder)
    {
        Info = info;
        Decoder = decoder;
        _stream = new FileStream(info.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
    }

    /// <summary>What detection found: path, format, whether by content or extension.</summary>
    public EventFileInfo Info { get; }

    /// <summary>The decoder of the file's format (its counters and header properties are live).</summary>
    public IEventDecoder Decoder { get; }

    /// <summary>Sensor width once the header (or the format's fixed geometry) gave it, else 0.</summary>
    public int Width => Decoder.Width;

    /// <summary>Sensor height once known, else 0.</summary>
    public int Height => Decoder.Height;

    /// <summary>Events delivered so far.</summary>
    public long EventCount => Decoder.EventCount;

    /// <summary>True once the whole file has been read and checked (<see cref="Read"/> returned 0).</summary>
    public bool IsComplete => _finished;

    /// <summary>The format with what its header said (body encoding, byte order, version, compression), e.g.
    /// "Prophesee RAW, EVT 2.1 (little-endian)"; complete once the header has been read.</summary>
    public string Description => EventFileDescription.Of(Info, Decoder);

    /// <summary>What the decoder counted and skipped so far, by name.</summary>
    public IReadOnlyList<EventFileCounter> Counters => DecoderCounters.Of(Decoder);

    /// <summary>
    /// Reads up to <paramref name="count"/> events into <paramref name="buffer"/> from <paramref name="offset"/>;
    /// returns how many, 0 only at the end of the file (after checking that it does not end inside a record).
    /// </summary>
    /// <exception cref="EventStreamException">The file is malformed or truncated (message names path and offset).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public int Read(Event[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || offset > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"must be within 0..{buffer.Length}");
        }

        if (count < 1 || count > buffer.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"must be within 1..{buffer.Length - offset}");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            if (_chunkOffset == _chunkLength)
            {
                if (_finished)
                {
                    return 0;
                }

                _chunkLength = _stream.Read(_chunk, 0, ChunkBytes);
                _chunkOffset = 0;
                if (_chunkLength == 0)
                {
                    _finished = true;
                    Decoder.Finish();
                    return 0;
                }
            }

            int written = Decoder.Decode(_chunk, _chunkOffset, _chunkLength - _chunkOffset, buffer, offset, count, out int consumed);
            _chunkOffset += consumed;
            if (written > 0)
            {
                return written;
            }

            if (consumed == 0)
            {
                throw new InvalidOperationException($"{Info.Path}: the {Info.Format} decoder took no input and gave no event at byte offset {Decoder.Position}");
            }
        }
    }

    /// <summary>Closes the file (and the decoder's resources).</summary>
    public void Dispose()
    {
        _disposed = true;
        _stream.Dispose();
        (Decoder as IDisposable)?.Dispose();
    }
}
