using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Tests.Support;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>The outcome of decoding a whole stream: events, the decoder's counters after the last call, and the error.</summary>
internal sealed record AedatOutcome(List<Event> Events, string Counters, EventStreamException? Error);

/// <summary>Feeds a byte stream to any <see cref="IEventDecoder"/> in chunks, as a caller would.</summary>
internal static class AedatDecodeHarness
{
    private static readonly FeedChecks Checks = new() { RequireProgress = true };

    /// <summary>Decodes <paramref name="data"/> cut at <paramref name="cuts"/> with an output buffer of <paramref name="capacity"/> events.</summary>
    /// <param name="create">Makes a fresh decoder.</param>
    /// <param name="counters">Describes the decoder's format-specific counters (compared between runs).</param>
    /// <param name="data">The whole stream.</param>
    /// <param name="cuts">Byte indices where the stream is cut into separate <c>Decode</c> calls.</param>
    /// <param name="capacity">Output slots offered per call.</param>
    public static AedatOutcome Run(Func<IEventDecoder> create, Func<IEventDecoder, string> counters, byte[] data, IEnumerable<int> cuts, int capacity)
    {
        var decoder = create();
        var outcome = DecodeHarness.Feed(decoder, data, cuts, capacity, Checks);
        return new AedatOutcome(outcome.Events, Describe(decoder, counters), outcome.Error);
    }

    /// <summary>
    /// Asserts that the stream gives the same events, counters and error (at the same offset) whole, split at every
    /// byte index with output capacities 1, 2 and 64, and fed one byte at a time into a one-event buffer.
    /// </summary>
    /// <returns>The reference outcome (whole stream, capacity 64).</returns>
    public static AedatOutcome AssertSplitInvariant(Func<IEventDecoder> create, Func<IEventDecoder, string> counters, byte[] data)
    {
        var reference = Run(create, counters, data, [], 64);
        foreach (int capacity in new[] { 1, 2, 64 })
        {
            for (int cut = 0; cut <= data.Length; cut++)
            {
                AssertSame(reference, Run(create, counters, data, [cut], capacity), $"cut at {cut}, capacity {capacity}");
            }
        }

        AssertSame(reference, Run(create, counters, data, Enumerable.Range(1, data.Length), 1), "byte by byte");
        return reference;
    }

    /// <summary>Asserts two outcomes are identical.</summary>
    public static void AssertSame(AedatOutcome expected, AedatOutcome actual, string because)
    {
        Assert.True(expected.Events.SequenceEqual(actual.Events), $"{because}: {actual.Events.Count} events differ from the {expected.Events.Count} expected");
        Assert.True(expected.Counters == actual.Counters, $"{because}: counters '{actual.Counters}' differ from '{expected.Counters}'");
        Assert.True(
            expected.Error?.Message == actual.Error?.Message,
            $"{because}: error '{actual.Error?.Message}' differs from '{expected.Error?.Message}'");
    }

    private static string Describe(IEventDecoder decoder, Func<IEventDecoder, string> counters) =>
        $"events {decoder.EventCount}, {decoder.Width} x {decoder.Height}, {counters(decoder)}";
}
