namespace Spiking.Edge.Bench.Runtime;

/// <summary>Shared wording of the printed tables.</summary>
internal static class Report
{
    /// <summary>Which clock the primary columns use.</summary>
    public static string ClockName => ThreadClock.IsAvailable ? "thread CPU" : "wall";
}
