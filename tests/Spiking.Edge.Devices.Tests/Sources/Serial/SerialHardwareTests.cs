using System.Globalization;
using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Sources.Serial;

/// <summary>
/// Reads from a board on a real serial port (see Sources/Serial/README.md, "Hardware test"). Skipped unless
/// SPIKING_EDGE_SERIAL_PORT names the port (SPIKING_EDGE_SERIAL_BAUD optional, default 921600).
/// </summary>
[Trait("Category", "Hardware")]
public class SerialHardwareTests
{
    [SkippableFact]
    public void Two_seconds_from_the_board_give_good_frames_and_events_in_time_order()
    {
        string? port = Environment.GetEnvironmentVariable("SPIKING_EDGE_SERIAL_PORT");
        Skip.If(string.IsNullOrEmpty(port), "SPIKING_EDGE_SERIAL_PORT is not set: no event board on a serial port (see Sources/Serial/README.md)");
        string? baud = Environment.GetEnvironmentVariable("SPIKING_EDGE_SERIAL_BAUD");
        using var source = SerialEventSource.Open(port!, string.IsNullOrEmpty(baud) ? 921_600 : int.Parse(baud, CultureInfo.InvariantCulture));
        var buffer = new Event[4_096];
        long last = long.MinValue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 2_000 && !source.EndOfStream)
        {
            int n = source.ReadEvents(buffer, 0, buffer.Length);
            for (int i = 0; i < n; i++)
            {
                Assert.True(buffer[i].TimestampMicroseconds >= last, "an event goes back in time");
                last = buffer[i].TimestampMicroseconds;
            }
        }

        Assert.True(source.Counters.FramesAccepted > 0, $"no good frame in 2 s ({source.BytesRead} bytes, {source.Counters})");
    }
}
