using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Support;

/// <summary>The outcome of decoding a whole stream: the events delivered and the error, if any.</summary>
internal sealed record DecodeOutcome(List<Event> Events, EventStreamException? Error);

/// <summary>How <see cref="DecodeHarness.Feed"/> calls a decoder and what it checks on every call.</summary>
internal sealed record FeedChecks
{
    /// <summary>Calls <c>Decode</c> even for an empty chunk (an empty stream), so that a call without input is exercised.</summary>
    public bool CallOnEmptyChunk { get; init; }

    /// <summary>Precedes every call by one with no output room, which must deliver nothing.</summary>
    public bool ProbeEmptyOutput { get; init; }

    /// <summary>Fails when a call with input left neither consumes a byte nor delivers an event.</summary>
    public bool RequireProgress { get; init; }

    /// <summary>Fails after more than this many calls per stream byte (plus 10); 0 for no limit.</summary>
    public int CallsPerByteLimit { get; init; }
}

/// <summary>Feeds a byte stream to any <see cref="IEventDecoder"/> in chunks, as a caller would.</summary>
internal static class DecodeHarness
{
    private static readonly FeedChecks NMnistChecks = new() { CallOnEmptyChunk = true, CallsPerByteLimit = 10 };

    /// <summary>Decodes <paramref name="data"/> with an <see cref="NMnistDecoder"/> cut at <paramref name="cuts"/>, with an output buffer of <paramref name="capacity"/> events.</summary>
    public static DecodeOutcome Run(byte[] data, IEnumerable<int> cuts, int capacity) =>
        Feed(new NMnistDecoder("fixture"), data, cuts, capacity, NMnistChecks);

    /// <summary>
    /// Decodes <paramref name="data"/> with <paramref name="decoder"/>, cut at <paramref name="cuts"/> into separate
    /// <c>Decode</c> calls offering <paramref name="capacity"/> output slots each, then finishes the stream.
    /// </summary>
    public static DecodeOutcome Feed(IEventDecoder decoder, byte[] data, IEnumerable<int> cuts, int capacity, FeedChecks checks)
    {
        var events = new List<Event>();
        var buffer = new Event[capacity + 2];
        var bounds = cuts.Where(c => c > 0 && c < data.Length).Distinct().Order().Append(data.Length).ToList();
        int start = 0;
        try
        {
            foreach (int bound in bounds)
            {
                // Each chunk in its own array at a non-zero offset, so that offsets are exercised too.
                var chunk = new byte[bound - start + 3];
                Array.Copy(data, start, chunk, 3, bound - start);
                int offset = 3;
                int remaining = bound - start;
                int calls = 0;
                while (remaining > 0 || (checks.CallOnEmptyChunk && calls == 0))
                {
                    if (checks.ProbeEmptyOutput)
                    {
                        Assert.Equal(0, decoder.Decode(chunk, offset, remaining, buffer, 1, 0, out int probed));
                        offset += probed;
                        remaining -= probed;
                    }

                    int n = decoder.Decode(chunk, offset, remaining, buffer, 1, capacity, out int consumed);
                    events.AddRange(buffer.Skip(1).Take(n));
                    offset += consumed;
                    remaining -= consumed;
                    if (checks.RequireProgress && n == 0 && consumed == 0)
                    {
                        throw new InvalidOperationException($"decoder made no progress at stream byte {bound - remaining}");
                    }

                    calls++;
                    if (checks.CallsPerByteLimit > 0 && calls > (checks.CallsPerByteLimit * data.Length) + 10)
                    {
                        throw new InvalidOperationException("decoder made no progress");
                    }
                }

                start = bound;
            }

            decoder.Finish();
            return new DecodeOutcome(events, null);
        }
        catch (EventStreamException e)
        {
            return new DecodeOutcome(events, e);
        }
    }
}
