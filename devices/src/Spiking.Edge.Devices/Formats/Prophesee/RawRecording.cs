using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>A whole RAW file read by <see cref="RawFile.Read"/>.</summary>
/// <param name="Events">The events, in stream order.</param>
/// <param name="Format">The body's encoding.</param>
/// <param name="Width">Sensor width from the header, 0 when it gives none.</param>
/// <param name="Height">Sensor height from the header, 0 when it gives none.</param>
/// <param name="Header">Every header key and value.</param>
/// <param name="Counters">What the decoder counted and skipped.</param>
public sealed record RawRecording(
    Event[] Events,
    RawEventFormat Format,
    int Width,
    int Height,
    IReadOnlyDictionary<string, string> Header,
    PropheseeCounters Counters);
