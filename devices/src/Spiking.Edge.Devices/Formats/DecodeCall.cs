using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// The entry, exit and end-of-stream steps every <see cref="IEventDecoder"/> shares: argument checks, the sticky
/// fault thrown first thing, the "events before a bad record come first" rule, and <see cref="IEventDecoder.Finish"/>.
/// </summary>
internal static class DecodeCall
{
    /// <summary>Checks the arguments of <c>Decode</c>, then throws <paramref name="fault"/> when the decoder has failed earlier.</summary>
    /// <param name="input">The input bytes.</param>
    /// <param name="offset">The first byte to read.</param>
    /// <param name="count">The bytes available.</param>
    /// <param name="output">The caller-owned events.</param>
    /// <param name="outputOffset">The first slot to fill.</param>
    /// <param name="outputCapacity">The slots available.</param>
    /// <param name="fault">The decoder's earlier error, or null.</param>
    public static void Begin(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, EventStreamException? fault)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArrayRange.Check(input.Length, offset, count, nameof(offset), nameof(count));
        ArrayRange.Check(output.Length, outputOffset, outputCapacity, nameof(outputOffset), nameof(outputCapacity));
        if (fault != null)
        {
            throw fault;
        }
    }

    /// <summary>
    /// Returns <paramref name="written"/>; throws <paramref name="fault"/> when the call met one and delivered no
    /// event (the events before a bad record are returned first, and the next call throws).
    /// </summary>
    /// <param name="written">The events the call wrote.</param>
    /// <param name="fault">The decoder's error, or null.</param>
    /// <returns><paramref name="written"/>.</returns>
    public static int End(int written, EventStreamException? fault)
    {
        if (fault != null && written == 0)
        {
            throw fault;
        }

        return written;
    }

    /// <summary>Throws the error <see cref="IEventDecoder.Complete"/> reports, if any.</summary>
    /// <param name="decoder">The decoder to end.</param>
    public static void Finish(IEventDecoder decoder)
    {
        if (!decoder.Complete(out var error))
        {
            throw error!;
        }
    }
}
