using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using static Spiking.Edge.Runtime.Tests.Transforms.TransformHarness;

namespace Spiking.Edge.Runtime.Tests.Transforms;

public class StreamSegmenterTests
{
    private readonly record struct Seg(long Window, long Start, long End, int First, int Count, bool Opens, bool Closes, bool Truncated);

    private static List<Seg> Drain(StreamSegmenter segmenter)
    {
        var segments = new List<Seg>();
        while (segmenter.NextSegment())
        {
            segments.Add(new Seg(segmenter.WindowIndex, segmenter.WindowStartMicroseconds, segmenter.WindowEndMicroseconds, segmenter.First, segmenter.Count, segmenter.Opens, segmenter.Closes, segmenter.Truncated));
        }

        return segments;
    }

    private static Event[] Times(params long[] times) => [.. times.Select(t => E(1, 1, 1, t))];

    [Fact]
    public void Fixed_duration_windows_are_half_open_skip_empty_windows_and_close_on_a_later_event()
    {
        var segmenter = StreamSegmenter.FixedDuration(100, 100);

        segmenter.Consume(Times(0, 10, 99, 100, 150, 420, 430), 0, 7);

        Assert.Equal(
            [new Seg(0, 0, 100, 0, 3, true, true, false), new Seg(1, 100, 200, 3, 2, true, true, false), new Seg(4, 400, 500, 5, 2, true, false, false)],
            Drain(segmenter));
        Assert.Equal(2, segmenter.EmptyWindowsSkipped);

        segmenter.Finish();

        Assert.Equal([new Seg(4, 400, 500, 0, 0, false, true, true)], Drain(segmenter));
        Assert.Equal((3L, 3L, 0L), (segmenter.WindowsOpened, segmenter.WindowsClosed, segmenter.OpenWindows));
    }

    [Fact]
    public void Overlapping_windows_share_events_and_are_reported_in_window_order()
    {
        var segmenter = StreamSegmenter.FixedDuration(100, 50);

        segmenter.Consume(Times(0, 60, 120, 260), 0, 4);

        // [0,100): 0, 60; [50,150): 60, 120; [100,200): 120; [150,250): none; [200,300) and [250,350): 260.
        Assert.Equal(
            [
                new Seg(0, 0, 100, 0, 2, true, true, false), new Seg(1, 50, 150, 1, 2, true, true, false), new Seg(2, 100, 200, 2, 1, true, true, false),
                new Seg(4, 200, 300, 3, 1, true, false, false), new Seg(5, 250, 350, 3, 1, true, false, false),
            ],
            Drain(segmenter));
    }

    [Fact]
    public void A_hop_longer_than_the_duration_leaves_events_between_windows_out()
    {
        var segmenter = StreamSegmenter.FixedDuration(50, 100);

        segmenter.Consume(Times(0, 40, 60, 120, 170), 0, 5);

        Assert.Equal([new Seg(0, 0, 50, 0, 2, true, true, false), new Seg(1, 100, 150, 3, 1, true, true, false)], Drain(segmenter));
    }

    [Fact]
    public void A_window_spanning_chunks_is_reported_piece_by_piece_with_indices_in_each_chunk()
    {
        var segmenter = StreamSegmenter.FixedDuration(100, 100);
        Event[] first = [E(0, 0, 0, -1), .. Times(0, 10, 99)];
        Event[] second = [.. Times(100, 150), E(0, 0, 0, -1)];

        segmenter.Consume(first, 1, 3);
        var one = Drain(segmenter);
        segmenter.Consume(second, 0, 2);
        var two = Drain(segmenter);

        Assert.Equal([new Seg(0, 0, 100, 1, 3, true, false, false)], one);
        Assert.Equal([new Seg(0, 0, 100, 0, 0, false, true, false), new Seg(1, 100, 200, 0, 2, true, false, false)], two);
    }

    [Fact]
    public void Advance_to_closes_windows_that_ended_and_later_late_events_take_that_time()
    {
        var segmenter = StreamSegmenter.FixedDuration(100, 100);
        segmenter.Consume(Times(5, 10), 0, 2);
        Drain(segmenter);

        segmenter.AdvanceTo(100);
        var notYet = Drain(segmenter);
        segmenter.Consume(Times(50), 0, 1);
        var late = Drain(segmenter);
        segmenter.AdvanceTo(105);
        var closing = Drain(segmenter);

        // Window [5, 105): 100 has not reached its end; the late event at 50 counts as 100 and joins it.
        Assert.Empty(notYet);
        Assert.Equal([new Seg(0, 5, 105, 0, 1, false, false, false)], late);
        Assert.Equal([new Seg(0, 5, 105, 0, 0, false, true, false)], closing);
    }

    [Fact]
    public void A_given_origin_puts_earlier_events_in_no_window()
    {
        var segmenter = StreamSegmenter.FixedDuration(100, 100, 1000);

        segmenter.Consume(Times(900, 999, 1000, 1100), 0, 4);

        Assert.Equal([new Seg(0, 1000, 1100, 2, 1, true, true, false), new Seg(1, 1100, 1200, 3, 1, true, false, false)], Drain(segmenter));
    }

    [Fact]
    public void Fixed_count_windows_hold_n_events_every_m_events_and_end_one_after_their_last_event()
    {
        var segmenter = StreamSegmenter.FixedCount(3, 2);

        segmenter.Consume(Times(0, 10, 20, 30, 40, 50, 60), 0, 7);
        var segments = Drain(segmenter);
        segmenter.Finish();
        var finish = Drain(segmenter);

        Assert.Equal(
            [
                new Seg(0, 0, 21, 0, 3, true, true, false), new Seg(1, 20, 41, 2, 3, true, true, false),
                new Seg(2, 40, 61, 4, 3, true, true, false), new Seg(3, 60, 61, 6, 1, true, false, false),
            ],
            segments);
        Assert.Equal([new Seg(3, 60, 61, 0, 0, false, true, true)], finish);
    }

    [Fact]
    public void A_fixed_count_window_closes_in_the_chunk_holding_its_last_event()
    {
        var segmenter = StreamSegmenter.FixedCount(2, 2);

        segmenter.Consume(Times(0, 10, 20), 0, 3);
        var one = Drain(segmenter);
        segmenter.Consume(Times(30), 0, 1);
        var two = Drain(segmenter);

        Assert.Equal([new Seg(0, 0, 11, 0, 2, true, true, false), new Seg(1, 20, 21, 2, 1, true, false, false)], one);
        Assert.Equal([new Seg(1, 20, 31, 0, 1, false, true, false)], two);
    }

    [Fact]
    public void Activity_opens_a_window_when_k_events_fall_within_the_interval_and_closes_it_after_the_duration()
    {
        // K = 3 within I = 10 us; D = 100 us.
        var segmenter = StreamSegmenter.ActivityTriggered(10, 3, 100);
        Event[] events = Times(0, 20, 40, 100, 102, 105, 150, 204, 205, 300, 301, 302, 310);

        segmenter.Consume(events, 0, events.Length);
        var segments = Drain(segmenter);
        segmenter.Finish();
        var finish = Drain(segmenter);

        // 100, 102, 105 span 5 < 10: window [105, 205) holds 105, 150, 204; 205 closes it (205 - 150 = 55: no new
        // trigger); 300, 301, 302 trigger [302, 402).
        Assert.Equal([new Seg(0, 105, 205, 5, 3, true, true, false), new Seg(1, 302, 402, 11, 2, true, false, false)], segments);
        Assert.Equal([new Seg(1, 302, 402, 0, 0, false, true, true)], finish);
    }

    [Fact]
    public void Activity_spanning_exactly_the_interval_does_not_trigger()
    {
        var segmenter = StreamSegmenter.ActivityTriggered(10, 2, 100);

        segmenter.Consume(Times(0, 10, 30, 39), 0, 4);

        Assert.Equal([new Seg(0, 39, 139, 3, 1, true, false, false)], Drain(segmenter));
    }

    [Fact]
    public void Continuing_activity_triggers_the_next_window_at_the_event_that_closes_the_previous_one()
    {
        var segmenter = StreamSegmenter.ActivityTriggered(100, 2, 50);

        segmenter.Consume(Times(0, 10, 40, 60, 70), 0, 5);

        Assert.Equal([new Seg(0, 10, 60, 1, 2, true, true, false), new Seg(1, 60, 110, 3, 2, true, false, false)], Drain(segmenter));
    }

    [Fact]
    public void A_chunk_must_be_drained_before_the_next_and_a_finished_stream_needs_a_reset()
    {
        var segmenter = StreamSegmenter.FixedCount(1, 1);
        segmenter.Consume(Times(0, 1), 0, 2);

        Assert.Throws<InvalidOperationException>(() => segmenter.Consume(Times(2), 0, 1));
        Assert.Throws<InvalidOperationException>(() => segmenter.AdvanceTo(5));
        Drain(segmenter);
        segmenter.Finish();
        Drain(segmenter);
        Assert.Throws<InvalidOperationException>(() => segmenter.Consume(Times(2), 0, 1));

        segmenter.Reset();
        segmenter.Consume(Times(7), 0, 1);
        Assert.Equal([new Seg(0, 7, 8, 0, 1, true, true, false)], Drain(segmenter));
    }

    [Fact]
    public void Bad_parameters_are_refused_naming_them()
    {
        Assert.Equal("durationMicroseconds", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.FixedDuration(0, 1)).ParamName);
        Assert.Equal("hopMicroseconds", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.FixedDuration(1, 0, 5)).ParamName);
        Assert.Equal("eventCount", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.FixedCount(0, 1)).ParamName);
        Assert.Equal("hopEvents", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.FixedCount(1, -1)).ParamName);
        Assert.Equal("hopEvents", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.FixedCount(65537, 1)).ParamName);
        Assert.Equal("intervalMicroseconds", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.ActivityTriggered(0, 1, 1)).ParamName);
        Assert.Equal("eventThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.ActivityTriggered(1, 65537, 1)).ParamName);
        Assert.Equal("durationMicroseconds", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.ActivityTriggered(1, 1, 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => StreamSegmenter.FixedCount(1, 1).Consume(new Event[2], 1, 2)).ParamName);
    }
}
