using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Data;

/// <summary>One labelled event recording (time-sorted events and the class index).</summary>
/// <param name="Events">The events, sorted by timestamp.</param>
/// <param name="Label">Class index into <see cref="EventDataset.Labels"/>.</param>
public sealed record EventSample(Event[] Events, int Label);
