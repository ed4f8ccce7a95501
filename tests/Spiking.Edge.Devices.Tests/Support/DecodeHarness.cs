using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Support;

/// <summary>The outcome of decoding a whole stream: the events delivered and the error, if any.</summary>
internal sealed record DecodeOutcome(List<Event> Events, EventStreamException? Error);

/// <summary>Feeds a byte stream to an <see cref="NMnistDecoder"/> in chunks, as a caller would.</summary>
internal static class DecodeHarness
{
    /// <summary>Decodes <paramref name="data"/> cut at <paramref name="cuts"/>, with an output buffer of <paramref name="capacity"/> events.</summary>
    public static DecodeOutcome Run(byte[] data, IEnumerable<int> cuts, int capacity)
    {
        var decoder = new NMnistDecoder("fixture");
        var events = new List<Event>();
        var buffer = new Event[capacity + 2];
        var bounds = cuts.Where(c => c > 0 && c < data.Length).Distinct().Order().Append(data.Length).ToList();
        int start = 0;
        try
        {
            foreach (int bound in bounds)
            {
                // Copy the chunk into its own array at a non-zero offset, so that offsets are exercised too.
                var chunk = new byte[bound - start + 3];
                Array.Copy(data, start, chunk, 3, bound - start);
                int offset = 3;
                int remaining = bound - start;
                int guard = 0;
                while (remaining > 0 || guard == 0)
                {
                    int n = decoder.Decode(chunk, offset, remaining, buffer, 1, capacity, out int consumed);
                    events.AddRange(buffer.Skip(1).Take(n));
                    offset += consumed;
                    remaining -= consumed;
                    if (++guard > 10 * data.Length + 10)
                    {
                        throw new InvalidOperationException("decoder made no progress");
                    }

                    if (remaining == 0)
                    {
                        break;
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
