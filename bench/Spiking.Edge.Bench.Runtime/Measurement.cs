namespace Spiking.Edge.Bench.Runtime;

/// <summary>Timed repeats after a warm-up: wall time and this thread's CPU time (see <see cref="ThreadClock"/>).</summary>
internal sealed class Measurement
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    /// <summary>Median wall seconds per repeat.</summary>
    public double MedianWall => Median(_wall);

    /// <summary>Median thread CPU seconds per repeat (wall seconds where the thread clock is unavailable).</summary>
    public double MedianCpu => ThreadClock.IsAvailable ? Median(_cpu) : Median(_wall);

    /// <summary>Times one repeat of <paramref name="body"/>.</summary>
    public void Time(Action body)
    {
        double cpu = ThreadClock.Seconds();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        body();
        _wall.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds);
        _cpu.Add(ThreadClock.Seconds() - cpu);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
