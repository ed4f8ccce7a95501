using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// The words of one Prophesee format, as <see cref="EventGrouping"/> asks for them. Implemented by a private struct of
/// each encoder, so that the loop is compiled for it with direct calls.
/// </summary>
internal interface IGroupWords
{
    /// <summary>True when a group can open at <paramref name="e"/> with no word first (the decoder's time and row already match it).</summary>
    /// <param name="e">The event that opens the next group.</param>
    /// <returns>False when a time or row word must be written first.</returns>
    bool IsReadyFor(in Event e);

    /// <summary>A group opens at <paramref name="e"/>: returns the group's base x (its events lie in [base, base + span)).</summary>
    /// <param name="e">The group's first event.</param>
    /// <returns>The base x.</returns>
    int OpenGroup(in Event e);

    /// <summary>
    /// Writes the next word at <paramref name="output"/>[<paramref name="index"/>]: the pending group's (closing it
    /// with <see cref="EventGrouping.Close"/> after its last word) when one is pending, else the time or row word
    /// that <paramref name="e"/> needs.
    /// </summary>
    /// <param name="e">The event that could not join or open a group.</param>
    /// <param name="output">The caller-owned bytes.</param>
    /// <param name="index">Where the word goes (room for one word is there).</param>
    void WriteWord(in Event e, byte[] output, int index);
}
