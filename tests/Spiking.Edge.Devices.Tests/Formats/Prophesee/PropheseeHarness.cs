using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Devices.Tests.Support;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

/// <summary>Everything a decoder reported for one stream: events, counters and the error (offset and message).</summary>
internal sealed record PropheseeOutcome(List<Event> Events, PropheseeCounters Counters, long? ErrorOffset, string? ErrorMessage)
{
    public EventStreamException? Error { get; init; }
}

/// <summary>
/// Feeds a byte stream to any Prophesee decoder in chunks, as a caller would, and checks that every way of cutting
/// the stream and every output capacity gives the same outcome.
/// </summary>
internal static class PropheseeHarness
{
    /// <summary>Capacities the split checks use: one event at a time, small, one more than a vector word, roomy.</summary>
    public static readonly int[] Capacities = [1, 2, 33, 4096];

    /// <summary>
    /// Decodes <paramref name="data"/> cut at <paramref name="cuts"/> with an output buffer of
    /// <paramref name="capacity"/> events; when <paramref name="probeEmptyOutput"/>, every call is preceded by one
    /// with no output room (which must deliver nothing).
    /// </summary>
    public static PropheseeOutcome Run(Func<IPropheseeDecoder> factory, byte[] data, IEnumerable<int> cuts, int capacity, bool probeEmptyOutput = false)
    {
        var decoder = factory();
        var checks = new FeedChecks { CallOnEmptyChunk = true, ProbeEmptyOutput = probeEmptyOutput, CallsPerByteLimit = 40 };
        var outcome = DecodeHarness.Feed(decoder, data, cuts, capacity, checks);
        return new PropheseeOutcome(outcome.Events, decoder.Counters, outcome.Error?.Offset, outcome.Error?.Message) { Error = outcome.Error };
    }

    /// <summary>Decodes the whole stream in one piece with a roomy output.</summary>
    public static PropheseeOutcome Whole(Func<IPropheseeDecoder> factory, byte[] data) => Run(factory, data, [], 4096);

    /// <summary>
    /// Asserts that cutting the stream at every byte index (with every capacity of <see cref="Capacities"/>), feeding
    /// it byte by byte, and probing with an empty output all give the outcome of decoding it whole.
    /// </summary>
    public static PropheseeOutcome AssertSplitInvariant(Func<IPropheseeDecoder> factory, byte[] data)
    {
        var reference = Whole(factory, data);
        foreach (int capacity in Capacities)
        {
            for (int cut = 0; cut <= data.Length; cut++)
            {
                AssertSame(reference, Run(factory, data, [cut], capacity), $"cut at {cut}, capacity {capacity}");
            }
        }

        var everyByte = Enumerable.Range(1, data.Length).ToList();
        AssertSame(reference, Run(factory, data, everyByte, 1), "byte by byte, capacity 1");
        AssertSame(reference, Run(factory, data, everyByte, 3, probeEmptyOutput: true), "byte by byte, capacity 3 after an empty-output probe");
        AssertSame(reference, Run(factory, data, [data.Length / 3, 2 * data.Length / 3], 1, probeEmptyOutput: true), "thirds, capacity 1 after an empty-output probe");
        return reference;
    }

    public static void AssertSame(PropheseeOutcome expected, PropheseeOutcome actual, string because)
    {
        Assert.True(expected.Events.SequenceEqual(actual.Events), $"events differ: {because} ({expected.Events.Count} vs {actual.Events.Count})");
        Assert.True(expected.Counters == actual.Counters, $"counters differ: {because}: {expected.Counters} vs {actual.Counters}");
        Assert.True(expected.ErrorOffset == actual.ErrorOffset, $"error offset differs: {because}: {expected.ErrorOffset} vs {actual.ErrorOffset}");
        Assert.True(expected.ErrorMessage == actual.ErrorMessage, $"error differs: {because}: {expected.ErrorMessage} vs {actual.ErrorMessage}");
    }

    /// <summary>Asserts a one-line error "fixture: byte offset N: ..." containing <paramref name="reason"/>.</summary>
    public static void AssertError(PropheseeOutcome outcome, long offset, string reason)
    {
        Assert.NotNull(outcome.Error);
        Assert.Equal(offset, outcome.Error.Offset);
        Assert.Equal("fixture", outcome.Error.Source);
        Assert.StartsWith($"fixture: byte offset {offset}: ", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, outcome.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Error.Message);
    }
}
