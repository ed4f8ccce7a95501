using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats;

/// <summary>A whole event file read by <see cref="EventFiles.ReadAll"/>.</summary>
/// <param name="Events">Every event delivered, in stream order.</param>
/// <param name="Width">Sensor width from the file (or the format's fixed geometry), 0 when it does not say.</param>
/// <param name="Height">Sensor height, 0 when the file does not say.</param>
/// <param name="Info">Path, format and how it was recognised.</param>
/// <param name="Description">The format with what its header said, e.g. "AEDAT 4.0 (LZ4)".</param>
/// <param name="Counters">What the decoder counted and skipped.</param>
public sealed record EventRecording(
    Event[] Events,
    int Width,
    int Height,
    EventFileInfo Info,
    string Description,
    IReadOnlyList<EventFileCounter> Counters);
