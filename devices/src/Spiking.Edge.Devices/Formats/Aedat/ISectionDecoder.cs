namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// An AEDAT decoder as <see cref="SectionLoop"/> drives it: a state machine over the sections of its format (header,
/// packet header, events, skipped bytes…) that takes one step of its current section at a time. Implemented by a
/// private struct of each decoder, so that the loop is compiled for it with direct calls.
/// </summary>
internal interface ISectionDecoder
{
    /// <summary>The error met so far, or null; the loop stops once it is set.</summary>
    EventStreamException? Fault { get; }

    /// <summary>
    /// Reads from <paramref name="window"/> in the current section (at least one byte, or a change of section; a
    /// section of records may run on to the end of the input), and writes the events it completes; false ends the
    /// call with input left (the output is full).
    /// </summary>
    /// <param name="window">The call's input and output.</param>
    /// <returns>False to end the call before the input is used up.</returns>
    bool Step(ref DecodeWindow window);
}
