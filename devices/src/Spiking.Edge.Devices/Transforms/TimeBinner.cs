using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Transforms;

/// <summary>
/// Bins events into per-tick input count frames exactly as model-format/spec/semantics.md §2 defines the input
/// vector, using the runtime's <see cref="InputMapper"/> so that binned and event-driven paths see the same input.
/// </summary>
/// <remarks>
/// Each event, in arrival order: (1) tick k = floor((t − t0)/tick); t &lt; t0 or k ≥ T → OutsideWindow;
/// (2) k earlier than the tick being accumulated → OutOfOrder, otherwise k becomes the tick being accumulated;
/// (3) input index (p' × height + y) × width + x; out of range → OutOfGeometry; (4) beyond
/// <see cref="Semantics.MaxEventsPerTick"/> accepted events in tick k → OverTickBudget; else counted.
/// </remarks>
public static class TimeBinner
{
    /// <summary>
    /// Clears <c>ticksPerSample × width × height × polarities</c> floats of <paramref name="destination"/> from
    /// <paramref name="destinationOffset"/> (layout [tick][inputIndex]) and adds 1 per accepted event.
    /// </summary>
    /// <param name="events">Events in arrival order.</param>
    /// <param name="offset">First event.</param>
    /// <param name="count">Number of events.</param>
    /// <param name="width">Input width.</param>
    /// <param name="height">Input height.</param>
    /// <param name="polarities">1 (polarities merged) or 2.</param>
    /// <param name="tickMicroseconds">Tick length.</param>
    /// <param name="ticksPerSample">T.</param>
    /// <param name="windowStartMicroseconds">t0, the start of tick 0.</param>
    /// <param name="destination">Frame buffer.</param>
    /// <param name="destinationOffset">Where tick 0 starts.</param>
    /// <returns>Accepted and dropped counts.</returns>
    public static BinningStatistics Bin(
        Event[] events,
        int offset,
        int count,
        int width,
        int height,
        int polarities,
        int tickMicroseconds,
        int ticksPerSample,
        long windowStartMicroseconds,
        float[] destination,
        int destinationOffset)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(destination);
        if (offset < 0 || count < 0 || count > events.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"event range [{offset}, {offset}+{count}) is outside the array of {events.Length}");
        }

        if (width <= 0 || height <= 0 || (polarities != 1 && polarities != 2))
        {
            throw new ArgumentOutOfRangeException(nameof(polarities), $"geometry {width} x {height} x {polarities} is invalid (positive size, 1 or 2 polarities)");
        }

        if (tickMicroseconds <= 0 || ticksPerSample <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tickMicroseconds), $"tick {tickMicroseconds} us x {ticksPerSample} ticks is invalid (both must be positive)");
        }

        long frame = (long)width * height * polarities;
        long needed = frame * ticksPerSample;
        if (destinationOffset < 0 || needed > destination.Length - (long)destinationOffset)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats; {needed} are needed from offset {destinationOffset}", nameof(destination));
        }

        Array.Clear(destination, destinationOffset, (int)needed);

        long accepted = 0, outsideWindow = 0, outOfOrder = 0, outOfGeometry = 0, overBudget = 0;
        int currentTick = 0;
        int acceptedInTick = 0;
        for (int n = offset; n < offset + count; n++)
        {
            ref readonly Event e = ref events[n];
            int tick = InputMapper.Tick(e.TimestampMicroseconds, windowStartMicroseconds, tickMicroseconds, ticksPerSample);
            if (tick == InputMapper.OutsideWindow)
            {
                outsideWindow++;
                continue;
            }

            if (tick < currentTick)
            {
                outOfOrder++;
                continue;
            }

            if (tick > currentTick)
            {
                currentTick = tick;
                acceptedInTick = 0;
            }

            int index = InputMapper.InputIndex(e.X, e.Y, e.Polarity, width, height, polarities);
            if (index == InputMapper.OutOfGeometry)
            {
                outOfGeometry++;
                continue;
            }

            if (acceptedInTick >= Semantics.MaxEventsPerTick)
            {
                overBudget++;
                continue;
            }

            acceptedInTick++;
            accepted++;
            destination[destinationOffset + (tick * frame) + index] += 1f;
        }

        return new BinningStatistics(accepted, outsideWindow, outOfOrder, outOfGeometry, overBudget);
    }
}
