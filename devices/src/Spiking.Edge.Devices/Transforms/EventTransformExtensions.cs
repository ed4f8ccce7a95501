using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Devices.Transforms;

/// <summary>Host-side conveniences around the portable <see cref="IEventTransform"/>.</summary>
public static class EventTransformExtensions
{
    /// <summary>
    /// Transforms one recorded sample on its own: resets the transform (a new stream), applies it to a copy of
    /// <paramref name="events"/> and returns the kept events. The input is left unchanged.
    /// </summary>
    /// <param name="transform">The transform or pipeline.</param>
    /// <param name="events">The sample's events, in time order.</param>
    /// <returns>A new array holding exactly the kept events.</returns>
    public static Event[] TransformSample(this IEventTransform transform, ReadOnlySpan<Event> events)
    {
        ArgumentNullException.ThrowIfNull(transform);
        Event[] copy = events.ToArray();
        transform.Reset();
        int kept = transform.Apply(copy, 0, copy.Length);
        Array.Resize(ref copy, kept);
        return copy;
    }
}
