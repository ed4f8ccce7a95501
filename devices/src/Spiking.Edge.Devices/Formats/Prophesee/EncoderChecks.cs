using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>The argument and event checks the Prophesee encoders share.</summary>
internal static class EncoderChecks
{
    public static void Geometry(int width, int height, int max)
    {
        if (width < 1 || width > max)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"must be within 1..{max}");
        }

        if (height < 1 || height > max)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"must be within 1..{max}");
        }
    }

    public static void Ranges(Event[] events, int offset, int count, byte[] output, int outputOffset, int outputCapacity)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        if (offset < 0 || count < 0 || count > events.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"range [{offset}, {offset}+{count}) is outside the event array of {events.Length}");
        }

        OutputRange(output, outputOffset, outputCapacity);
    }

    /// <summary>Refuses a null output or a byte range outside it.</summary>
    public static void OutputRange(byte[] output, int outputOffset, int outputCapacity)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (outputOffset < 0 || outputCapacity < 0 || outputCapacity > output.Length - outputOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(outputCapacity), $"range [{outputOffset}, {outputOffset}+{outputCapacity}) is outside the output array of {output.Length}");
        }
    }

    /// <summary>Refuses an event the format cannot carry, naming its index in the whole stream.</summary>
    public static void Event(string format, in Event e, long index, int width, int height, long lastTimestamp)
    {
        if (EventChecks.Problem(e, width, height, lastTimestamp) is { } problem)
        {
            throw Invalid(format, index, problem);
        }
    }

    private static ArgumentException Invalid(string format, long index, string reason) => new($"{format} encoder: event {index}: {reason}", "events");
}
