namespace Spiking.Edge.Devices.Transforms;

/// <summary>
/// What <see cref="TimeBinner.Bin"/> did with each event, with the drop reasons of semantics.md §2.
/// </summary>
/// <param name="Accepted">Events counted into the destination.</param>
/// <param name="OutsideWindow">Dropped: before the window start or at/after tick T (<c>EventsOutsideWindow</c>).</param>
/// <param name="OutOfOrder">Dropped: tick earlier than the tick being accumulated (<c>EventsOutOfOrder</c>).</param>
/// <param name="OutOfGeometry">Dropped: x ≥ width, y ≥ height or polarity &gt; 1 (<c>EventsOutOfGeometry</c>).</param>
/// <param name="OverTickBudget">Dropped: beyond the first MaxEventsPerTick accepted events of a tick (<c>EventsOverTickBudget</c>).</param>
public readonly record struct BinningStatistics(long Accepted, long OutsideWindow, long OutOfOrder, long OutOfGeometry, long OverTickBudget)
{
    /// <summary>All dropped events.</summary>
    public long Dropped => OutsideWindow + OutOfOrder + OutOfGeometry + OverTickBudget;
}
