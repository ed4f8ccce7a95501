using System.Diagnostics;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>The default delay of <see cref="GenX320Options.DelayMicroseconds"/>: sleeps whole milliseconds, spins the rest.</summary>
public static class MicrosecondDelay
{
    /// <summary>Waits at least <paramref name="microseconds"/> µs.</summary>
    /// <param name="microseconds">Time to wait (≤ 0 returns at once).</param>
    public static void Wait(int microseconds)
    {
        if (microseconds <= 0)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        long ticks = microseconds * Stopwatch.Frequency / 1_000_000;
        if (microseconds >= 2_000)
        {
            Thread.Sleep((microseconds / 1_000) - 1);
        }

        while (Stopwatch.GetTimestamp() - start < ticks)
        {
            Thread.SpinWait(20);
        }
    }
}
