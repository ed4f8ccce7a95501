using System.Runtime.InteropServices;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): unlike wall time it does not count the time the
/// thread waits for a core, so figures stay meaningful on a shared, busy machine. Null where unavailable.
/// </summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Seconds of CPU time used by this thread so far; wall seconds since start when unavailable.</summary>
    public static double Seconds()
    {
        if (IsAvailable && TryNow(out double seconds))
        {
            return seconds;
        }

        return System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;
    }

    private static bool TryNow(out double seconds)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec spec) == 0)
            {
                seconds = spec.Seconds + (spec.Nanoseconds * 1e-9);
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        seconds = 0;
        return false;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
