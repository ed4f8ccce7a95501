namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// An event transform working in place on a caller-owned event range. Transforms keep their state across calls
    /// (per-pixel memories, counters), so a stream cut into chunks anywhere gives the same output as the whole
    /// stream; <see cref="Reset"/> starts a new stream. Nothing is allocated per event.
    /// </summary>
    /// <remarks>
    /// Every transform drops an event it cannot place: x ≥ <see cref="InputWidth"/>, y ≥ <see cref="InputHeight"/>
    /// or polarity &gt; 1. Time-ordered input is assumed (decoders deliver it).
    /// </remarks>
    public interface IEventTransform
    {
        /// <summary>Width of the input the transform expects, in pixels.</summary>
        int InputWidth { get; }

        /// <summary>Height of the input the transform expects, in pixels.</summary>
        int InputHeight { get; }

        /// <summary>Width of the output: every kept event has x below it.</summary>
        int OutputWidth { get; }

        /// <summary>Height of the output: every kept event has y below it.</summary>
        int OutputHeight { get; }

        /// <summary>
        /// 1 when the output holds a single polarity channel (merged, ON only or OFF only); 2 when polarities pass
        /// through unchanged.
        /// </summary>
        int OutputPolarities { get; }

        /// <summary>
        /// Transforms <paramref name="events"/>[offset, offset + count) in place: the kept events, possibly rewritten,
        /// are moved in order to events[offset, offset + returned count); the slots after them are left as they are.
        /// </summary>
        /// <param name="events">Caller-owned events, in time order.</param>
        /// <param name="offset">First event of the range.</param>
        /// <param name="count">Number of events in the range.</param>
        /// <returns>Number of events kept.</returns>
        int Apply(Event[] events, int offset, int count);

        /// <summary>Forgets the stream state (per-pixel memories, counters), keeping the configuration.</summary>
        void Reset();
    }
}
