using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Sources;

/// <summary>
/// Events of a recording in any format <see cref="EventFiles"/> recognises, streamed through the format's decoder
/// (64 KiB at a time; memory does not grow with the file), either as fast as possible or at recorded speed.
/// </summary>
/// <remarks>
/// At recorded speed a read delivers at most <see cref="RealtimeReadEvents"/> events and returns only once the wall
/// time since the first delivery has reached the last event's time since the first event, so a window closes no
/// earlier than it would on a live sensor.
/// </remarks>
public sealed class FileEventSource : IEventSource
{
    /// <summary>Most events one read delivers at recorded speed (bounds how late an event can be handed over).</summary>
    public const int RealtimeReadEvents = 256;

    private readonly EventFileReader _reader;
    private readonly IPlaybackClock? _clock;
    private bool _started;
    private long _firstEventMicroseconds;
    private long _clockStartMicroseconds;

    /// <summary>Opens a recording.</summary>
    /// <param name="path">The file.</param>
    /// <param name="realtime">True to replay at recorded speed, false for as fast as possible.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Devices.EventStreamException">The format is not recognised.</exception>
    public FileEventSource(string path, bool realtime)
        : this(path, realtime ? new StopwatchPlaybackClock() : null)
    {
    }

    /// <summary>Opens a recording replayed against <paramref name="clock"/> (null: as fast as possible).</summary>
    internal FileEventSource(string path, IPlaybackClock? clock)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                Directory.Exists(path) ? $"file source '{path}' is a folder, expected an event file" : $"file source '{path}' does not exist", path);
        }

        Path = path;
        _clock = clock;
        _reader = EventFiles.Open(path);
    }

    /// <summary>The recording.</summary>
    public string Path { get; }

    /// <summary>True when replaying at recorded speed.</summary>
    public bool Realtime => _clock is not null;

    /// <inheritdoc/>
    public string Name => "file " + Path;

    /// <inheritdoc/>
    public string Description => $"{_reader.Description}, {(Realtime ? "at recorded speed" : "as fast as possible")}";

    /// <inheritdoc/>
    public bool IsLive => false;

    /// <inheritdoc/>
    public int Width => _reader.Width;

    /// <inheritdoc/>
    public int Height => _reader.Height;

    /// <inheritdoc/>
    public bool EndOfStream { get; private set; }

    /// <summary>What the decoder counted and skipped so far.</summary>
    public IReadOnlyList<EventFileCounter> Counters => _reader.Counters;

    /// <inheritdoc/>
    /// <exception cref="Devices.EventStreamException">The file is malformed or truncated (names the path and byte offset).</exception>
    public int Read(Event[] buffer, int offset, int capacity)
    {
        if (EndOfStream)
        {
            return 0;
        }

        int n = _reader.Read(buffer, offset, _clock is null ? capacity : Math.Min(capacity, RealtimeReadEvents));
        if (n == 0)
        {
            EndOfStream = true;
            return 0;
        }

        if (_clock is not null)
        {
            Pace(_clock, buffer[offset].TimestampMicroseconds, buffer[offset + n - 1].TimestampMicroseconds);
        }

        return n;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _reader.Dispose();

    private void Pace(IPlaybackClock clock, long firstOfChunk, long lastOfChunk)
    {
        if (!_started)
        {
            _started = true;
            _firstEventMicroseconds = firstOfChunk;
            _clockStartMicroseconds = clock.ElapsedMicroseconds;
        }

        long due = lastOfChunk - _firstEventMicroseconds;
        long now = clock.ElapsedMicroseconds - _clockStartMicroseconds;
        if (due > now)
        {
            clock.Wait(due - now);
        }
    }
}
