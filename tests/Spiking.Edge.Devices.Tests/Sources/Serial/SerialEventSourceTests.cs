using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Sources.Serial;

public class SerialEventSourceTests
{
    private static readonly Event[] Recorded = SerialStreams.Events(42, 3_000);
    private static readonly List<byte[]> Frames = SerialStreams.Frames(SerialStreams.Words(Recorded), maxPayloadBytes: 512);
    private static readonly byte[] Link = Frames.SelectMany(f => f).ToArray();

    [Theory]
    [InlineData(100, 7)]
    [InlineData(4_096, 1_000)]
    [InlineData(1, 1)]
    public void Events_come_out_of_a_stream_read_in_chunks_unchanged(int chunk, int capacity)
    {
        using var source = new SerialEventSource(new ScriptedStream(Link, maxRead: 333), "serial test", readChunkBytes: chunk);

        var events = ReadToEnd(source, capacity);

        Assert.Equal(Recorded, events);
        Assert.True(source.EndOfStream);
        Assert.Equal(Link.Length, source.BytesRead);
        Assert.Equal(Frames.Count, source.Counters.FramesAccepted);
    }

    [Fact]
    public void A_read_failure_surfaces_after_every_event_before_it_naming_the_link_and_the_offset()
    {
        int failAt = Frames.Take(3).Sum(f => f.Length) + 17;
        var stream = new ScriptedStream(Link, maxRead: 200) { FailAfterBytes = failAt };
        using var source = new SerialEventSource(stream, "serial test", readChunkBytes: 64);
        var events = new List<Event>();
        var buffer = new Event[5];

        SerialLinkException? error = null;
        for (int guard = 0; guard < 100_000 && error == null; guard++)
        {
            try
            {
                int n = source.ReadEvents(buffer, 0, buffer.Length);
                events.AddRange(buffer.Take(n));
            }
            catch (SerialLinkException e)
            {
                error = e;
            }
        }

        Assert.NotNull(error);
        Assert.Equal(failAt, error.StreamOffset);
        Assert.Equal($"serial test: reading at stream byte offset {failAt} failed: Input/output error", error.Message);
        Assert.Equal(SerialStreams.EventsOf(Frames.Take(3)), events);
        Assert.Same(error, Assert.Throws<SerialLinkException>(() => source.ReadEvents(buffer, 0, buffer.Length)));
    }

    [Fact]
    public void A_timeout_returns_no_events_and_reading_goes_on()
    {
        var stream = new ScriptedStream(Link) { TimeoutRead = 0 };
        using var source = new SerialEventSource(stream, "serial test");

        int first = source.ReadEvents(new Event[16], 0, 16);
        var events = ReadToEnd(source, 64);

        Assert.Equal(0, first);
        Assert.Equal(Recorded, events);
    }

    [Fact]
    public void A_link_ending_inside_a_frame_is_reported_after_the_events_before_it()
    {
        byte[] cut = Link[..(Frames[0].Length + Frames[1].Length + 10)];
        using var source = new SerialEventSource(new ScriptedStream(cut), "serial test", readChunkBytes: 50);
        var events = new List<Event>();
        var buffer = new Event[8];

        var error = Assert.Throws<EventStreamException>(() => ReadUntilError(source, events, buffer));

        Assert.Equal(SerialStreams.EventsOf(Frames.Take(2)), events);
        Assert.Equal(Frames[0].Length + Frames[1].Length, error.Offset);
    }

    [Fact]
    public void Reading_allocates_nothing_per_event()
    {
        using var source = new SerialEventSource(new MemoryStream(Link), "serial test", readChunkBytes: 700);
        var buffer = new Event[40];
        source.ReadEvents(buffer, 0, buffer.Length);

        long events = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (!source.EndOfStream)
        {
            events += source.ReadEvents(buffer, 0, buffer.Length);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(events > 2_500, $"only {events} events");
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_048_577)]
    public void A_read_size_out_of_range_is_refused_in_one_line(int chunk)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SerialEventSource(new MemoryStream(Link), "serial test", readChunkBytes: chunk));

        Assert.Equal("readChunkBytes", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static void ReadUntilError(SerialEventSource source, List<Event> events, Event[] buffer)
    {
        for (int guard = 0; guard < 1_000_000; guard++)
        {
            events.AddRange(buffer.Take(source.ReadEvents(buffer, 0, buffer.Length)));
        }
    }

    private static List<Event> ReadToEnd(SerialEventSource source, int capacity)
    {
        var events = new List<Event>();
        var buffer = new Event[capacity + 1];
        for (int guard = 0; guard < 10_000_000; guard++)
        {
            int n = source.ReadEvents(buffer, 1, capacity);
            events.AddRange(buffer.Skip(1).Take(n));
            if (n == 0 && source.EndOfStream)
            {
                return events;
            }
        }

        throw new InvalidOperationException("the source never reached the end of the stream");
    }
}
