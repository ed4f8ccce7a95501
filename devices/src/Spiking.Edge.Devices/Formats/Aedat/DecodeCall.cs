using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>The entry, exit and end-of-stream steps shared by the AEDAT decoders' <see cref="IEventDecoder"/> methods.</summary>
internal static class DecodeCall
{
    /// <summary>Checks the arguments of <c>Decode</c>, then throws <paramref name="fault"/> when the decoder has failed earlier.</summary>
    public static void Begin(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, EventStreamException? fault)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        DecodeArguments.CheckRange(input.Length, offset, count, nameof(offset), nameof(count));
        DecodeArguments.CheckRange(output.Length, outputOffset, outputCapacity, nameof(outputOffset), nameof(outputCapacity));
        if (fault != null)
        {
            throw fault;
        }
    }

    /// <summary>
    /// Returns <paramref name="written"/>; throws <paramref name="fault"/> when the call met one and delivered no
    /// event (the events before a bad record are returned first, and the next call throws).
    /// </summary>
    public static int End(int written, EventStreamException? fault)
    {
        if (fault != null && written == 0)
        {
            throw fault;
        }

        return written;
    }

    /// <summary>Throws the error <see cref="IEventDecoder.Complete"/> reports, if any.</summary>
    public static void Finish(IEventDecoder decoder)
    {
        if (!decoder.Complete(out var error))
        {
            throw error!;
        }
    }
}
