namespace Spiking.Edge.Devices.Formats;

/// <summary>One thing a decoder counted instead of delivering it as an event (or, for time loops and overflow
/// markers, noted on the way), under a stable snake_case name.</summary>
/// <param name="Name">Counter name, e.g. <c>dropped_out_of_geometry</c>, <c>skipped_packets</c>.</param>
/// <param name="Value">Its value at the time it was read.</param>
public readonly record struct EventFileCounter(string Name, long Value);
