using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// A streaming decoder of one event format into caller-owned buffers: the contract every format folder implements
/// (N-MNIST, Prophesee EVT 2.0 / 2.1 / 3.0, RAW, DAT, AEDAT 2.0 / 3.1 / 4.0).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Input may be cut at any byte boundary. Partial words, multi-word events and file headers are kept as state
/// between calls. Feeding a stream whole or split at any index gives the same events and the same errors at the same
/// offsets.</item>
/// <item>Nothing is allocated per event.</item>
/// <item>Malformed input is either refused with an <see cref="EventStreamException"/> naming the byte offset, or
/// counted and skipped. Each format documents which, in its README. Events decoded before a refused record are
/// delivered first: the call that meets the record returns them, and the next call (or <see cref="Finish"/>) throws.
/// After an error the decoder stays failed until <see cref="Reset"/>.</item>
/// <item>Timestamps are microseconds from the format's own origin, made monotonic across the format's counter
/// wrap-arounds.</item>
/// </list>
/// </remarks>
public interface IEventDecoder
{
    /// <summary>The stream label used in error messages (e.g. a file path).</summary>
    string SourceName { get; }

    /// <summary>Bytes of the stream consumed so far.</summary>
    long Position { get; }

    /// <summary>Events delivered so far.</summary>
    long EventCount { get; }

    /// <summary>Sensor width in pixels once known (from a header or the format's fixed geometry), else 0.</summary>
    int Width { get; }

    /// <summary>Sensor height in pixels once known, else 0.</summary>
    int Height { get; }

    /// <summary>Forgets all state, ready for a new stream.</summary>
    void Reset();

    /// <summary>
    /// Decodes from <paramref name="input"/>[offset, offset + count) into <paramref name="output"/> starting at
    /// <paramref name="outputOffset"/>, writing at most <paramref name="outputCapacity"/> events.
    /// </summary>
    /// <param name="input">Raw bytes of the stream, any cut.</param>
    /// <param name="offset">First byte to read.</param>
    /// <param name="count">Bytes available.</param>
    /// <param name="output">Caller-owned event buffer.</param>
    /// <param name="outputOffset">First slot to fill.</param>
    /// <param name="outputCapacity">Slots available (a vectorised word may need up to 32).</param>
    /// <param name="consumed">Bytes taken from the input; when less than <paramref name="count"/>, the output was full
    /// or a malformed record was met: call again with the rest.</param>
    /// <returns>Number of events written.</returns>
    /// <exception cref="EventStreamException">A malformed record was met earlier (or first thing in this call).</exception>
    int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed);

    /// <summary>Ends the stream: true when it ended cleanly; false with the error (malformed input, or the stream ends
    /// inside a word, event or header).</summary>
    /// <param name="error">The error, or null.</param>
    bool Complete(out EventStreamException? error);

    /// <summary>Ends the stream; throws the error <see cref="Complete"/> would report.</summary>
    /// <exception cref="EventStreamException">The stream was malformed or truncated.</exception>
    void Finish();
}
