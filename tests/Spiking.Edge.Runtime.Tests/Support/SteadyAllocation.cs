namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>
/// Measures what a repeatable piece of work allocates on the calling thread once the runtime has settled.
/// A per-event or per-tick allocation shows up in every repetition of the same deterministic work; a one-off
/// runtime allocation (tiered JIT promotion, a lazily created runtime structure) shows up in one repetition
/// only. So the work runs twice to warm up, then <c>repeats</c> more times, and the smallest count is returned:
/// it is zero only if at least one complete repetition allocated nothing.
/// </summary>
internal static class SteadyAllocation
{
    /// <summary>The fewest bytes one of <paramref name="repeats"/> warmed-up runs of <paramref name="work"/> allocated.</summary>
    public static long Fewest(Action work, int repeats = 3)
    {
        work();
        work();
        long fewest = long.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            work();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
