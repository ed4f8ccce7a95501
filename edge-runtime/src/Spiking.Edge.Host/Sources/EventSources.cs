namespace Spiking.Edge.Host.Sources;

/// <summary>Opens the source a <see cref="EventSourceSpec"/> names.</summary>
public static class EventSources
{
    /// <summary>Opens a file, a GenX320 or a serial link.</summary>
    /// <param name="spec">The parsed <c>--source</c>.</param>
    /// <param name="realtime">Files: replay at recorded speed (live sources are real time anyway).</param>
    /// <returns>The source, ready to read.</returns>
    /// <exception cref="FileNotFoundException">A file source does not exist.</exception>
    /// <exception cref="EventSourceException">A sensor or port cannot be opened.</exception>
    /// <exception cref="Devices.EventStreamException">A file's format is not recognised.</exception>
    public static IEventSource Open(EventSourceSpec spec, bool realtime) => spec switch
    {
        FileSourceSpec file => new FileEventSource(file.Path, realtime),
        GenX320SourceSpec genx => GenX320EventSource.Open(genx),
        SerialSourceSpec serial => SerialLinkEventSource.Open(serial),
        _ => throw new ArgumentException($"unsupported source kind {spec?.Kind}", nameof(spec)),
    };
}
