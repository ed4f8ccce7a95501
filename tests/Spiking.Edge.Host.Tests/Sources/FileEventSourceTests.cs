using Spiking.Edge.Devices;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Host.Sources;
using Spiking.Edge.Host.Tests.Support;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Tests.Sources;

public class FileEventSourceTests
{
    [Theory]
    [InlineData(EventWriteFormat.NMnist)]
    [InlineData(EventWriteFormat.Evt21)]
    [InlineData(EventWriteFormat.Evt3)]
    [InlineData(EventWriteFormat.Aedat4)]
    public void Any_readable_format_streams_its_events_in_order(EventWriteFormat format)
    {
        var events = TestEvents.Random(seed: 5, count: 5_000, width: 34, height: 34, meanGapMicroseconds: 30);
        string path = Path.Combine(TestEvents.TempFolder(), "rec" + format switch { EventWriteFormat.NMnist => ".bin", EventWriteFormat.Aedat4 => ".aedat4", _ => ".raw" });
        EventFiles.Write(path, events, 34, 34, format);

        using var source = new FileEventSource(path, realtime: false);
        var read = ReadAll(source, capacity: 333);

        Assert.Equal(events, read);
        Assert.True(source.EndOfStream);
        Assert.Equal((34, 34), (source.Width, source.Height));
        Assert.False(source.IsLive);
        Assert.EndsWith("as fast as possible", source.Description, StringComparison.Ordinal);
        Assert.Equal("file " + path, source.Name);
    }

    [Fact]
    public void At_recorded_speed_each_read_waits_until_its_last_event_is_due()
    {
        var events = TestEvents.Random(seed: 6, count: 1_000, width: 34, height: 34, meanGapMicroseconds: 100, startMicroseconds: 5_000);
        string path = TestEvents.WriteNMnist(TestEvents.TempFolder(), events);
        var clock = new FakeClock();

        using var source = new FileEventSource(path, clock);
        var buffer = new Event[4_096];
        var dueTimes = new List<long>();
        int total = 0;
        while (true)
        {
            int n = source.Read(buffer, 0, buffer.Length);
            if (n == 0)
            {
                break;
            }

            Assert.True(n <= FileEventSource.RealtimeReadEvents);
            total += n;
            dueTimes.Add(buffer[n - 1].TimestampMicroseconds - events[0].TimestampMicroseconds);
            Assert.Equal(buffer[n - 1].TimestampMicroseconds - events[0].TimestampMicroseconds, clock.ElapsedMicroseconds);
        }

        Assert.Equal(events.Length, total);
        Assert.Equal((events.Length + FileEventSource.RealtimeReadEvents - 1) / FileEventSource.RealtimeReadEvents, dueTimes.Count);
        Assert.True(source.Realtime);
    }

    [Fact]
    public void A_missing_file_is_named_in_one_line()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new FileEventSource("/nonexistent/rec.raw", realtime: false));

        Assert.Equal("file source '/nonexistent/rec.raw' does not exist", error.Message);
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_the_file()
    {
        string path = Path.Combine(TestEvents.TempFolder(), "notes.txt");
        File.WriteAllText(path, "not events");

        var error = Assert.Throws<EventStreamException>(() => new FileEventSource(path, realtime: false));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static List<Event> ReadAll(IEventSource source, int capacity)
    {
        var buffer = new Event[capacity];
        var all = new List<Event>();
        int n;
        while ((n = source.Read(buffer, 0, capacity)) > 0)
        {
            all.AddRange(buffer.Take(n));
        }

        return all;
    }

    /// <summary>A clock that only moves when waited on.</summary>
    private sealed class FakeClock : IPlaybackClock
    {
        public long ElapsedMicroseconds { get; private set; }

        public void Wait(long microseconds)
        {
            Assert.True(microseconds > 0);
            ElapsedMicroseconds += microseconds;
        }
    }
}
