using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Transforms;

public class TimeBinnerTests
{
    [Fact]
    public void Worked_example_of_semantics_section_8_bins_to_its_input_vectors()
    {
        Event[] events = [new(0, 0, 1, 100), new(0, 0, 1, 900), new(1, 0, 1, 1500), new(0, 0, 1, 2100)];
        var frames = new float[3 * 2];

        var stats = TimeBinner.Bin(events, 0, events.Length, 2, 1, 1, 1000, 3, 0, frames, 0);

        Assert.Equal([2f, 0f, 0f, 1f, 1f, 0f], frames);
        Assert.Equal(new BinningStatistics(4, 0, 0, 0, 0), stats);
    }

    [Fact]
    public void Window_start_and_last_tick_bound_the_window()
    {
        // t0 = 1000, 100 µs ticks, T = 3: [1000, 1100) is tick 0, [1200, 1300) the last tick.
        Event[] events = [new(0, 0, 0, 999), new(0, 0, 0, 1000), new(0, 0, 0, 1099), new(0, 0, 0, 1100), new(0, 0, 0, 1299), new(0, 0, 0, 1300)];
        var frames = new float[3];

        var stats = TimeBinner.Bin(events, 0, events.Length, 1, 1, 1, 100, 3, 1000, frames, 0);

        Assert.Equal([2f, 1f, 1f], frames);
        Assert.Equal(4, stats.Accepted);
        Assert.Equal(2, stats.OutsideWindow);
    }

    [Fact]
    public void Events_outside_the_geometry_are_dropped_and_counted()
    {
        Event[] events = [new(3, 0, 0, 0), new(0, 2, 0, 0), new(0, 0, 2, 0), new(2, 1, 1, 0)];
        var frames = new float[3 * 2 * 2];

        var stats = TimeBinner.Bin(events, 0, events.Length, 3, 2, 2, 10, 1, 0, frames, 0);

        Assert.Equal(3, stats.OutOfGeometry);
        Assert.Equal(1, stats.Accepted);
        // ON at (2, 1): index (1 * 2 + 1) * 3 + 2 = 11.
        Assert.Equal(1f, frames[11]);
        Assert.Equal(1f, frames.Sum());
    }

    [Fact]
    public void One_polarity_merges_ON_and_OFF_into_the_same_input()
    {
        Event[] events = [new(1, 1, 0, 0), new(1, 1, 1, 0)];
        var merged = new float[4];
        var split = new float[8];

        TimeBinner.Bin(events, 0, 2, 2, 2, 1, 10, 1, 0, merged, 0);
        TimeBinner.Bin(events, 0, 2, 2, 2, 2, 10, 1, 0, split, 0);

        Assert.Equal([0f, 0f, 0f, 2f], merged);
        Assert.Equal([0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f], split);
    }

    [Fact]
    public void Event_of_an_earlier_tick_than_the_one_accumulated_is_dropped_as_out_of_order()
    {
        Event[] events = [new(0, 0, 0, 25), new(0, 0, 0, 15), new(0, 0, 0, 29), new(0, 0, 0, 5)];
        var frames = new float[3];

        var stats = TimeBinner.Bin(events, 0, events.Length, 1, 1, 1, 10, 3, 0, frames, 0);

        Assert.Equal([0f, 0f, 2f], frames);
        Assert.Equal(2, stats.OutOfOrder);
    }

    [Fact]
    public void Only_the_first_MaxEventsPerTick_accepted_events_of_a_tick_count()
    {
        int over = 3;
        var events = new Event[Semantics.MaxEventsPerTick + over + 2];
        for (int i = 0; i < Semantics.MaxEventsPerTick + over; i++)
        {
            events[i] = new Event((ushort)(i % 2), 0, 0, 5);
        }

        // Out-of-geometry events do not use the budget; the next tick starts a fresh one.
        events[^2] = new Event(9, 0, 0, 6);
        events[^1] = new Event(1, 0, 0, 10);
        var frames = new float[2 * 2];

        var stats = TimeBinner.Bin(events, 0, events.Length, 2, 1, 1, 10, 2, 0, frames, 0);

        Assert.Equal(over, stats.OverTickBudget);
        Assert.Equal(1, stats.OutOfGeometry);
        Assert.Equal(Semantics.MaxEventsPerTick, frames[0] + frames[1]);
        Assert.Equal(1f, frames[3]);
        Assert.Equal(Semantics.MaxEventsPerTick + 1, stats.Accepted);
    }

    [Fact]
    public void Destination_range_is_cleared_first_and_nothing_outside_it_is_touched()
    {
        var frames = Enumerable.Repeat(7f, 10).ToArray();
        Event[] events = [new(9, 9, 0, 0), new(0, 0, 0, 0), new(1, 0, 0, 0)];

        TimeBinner.Bin(events, 1, 1, 2, 1, 1, 10, 2, 0, frames, 3);

        Assert.Equal([7f, 7f, 7f, 1f, 0f, 0f, 0f, 7f, 7f, 7f], frames);
    }

    [Fact]
    public void Too_small_destination_and_bad_geometry_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TimeBinner.Bin([], 0, 0, 2, 2, 2, 10, 3, 0, new float[23], 0));
        Assert.Throws<ArgumentException>(() => TimeBinner.Bin([], 0, 0, 2, 2, 2, 10, 3, 0, new float[24], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeBinner.Bin([], 0, 0, 2, 2, 3, 10, 3, 0, new float[100], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeBinner.Bin([], 0, 0, 2, 2, 2, 0, 3, 0, new float[100], 0));
    }
}
