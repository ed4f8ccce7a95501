namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>An <see cref="IEventDecoder"/> of a Prophesee format that also reports what it counted and skipped.</summary>
public interface IPropheseeDecoder : IEventDecoder
{
    /// <summary>What was counted and skipped so far.</summary>
    PropheseeCounters Counters { get; }
}
