using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>The argument checks every decoder's Decode makes.</summary>
internal static class DecoderArguments
{
    public static void Check(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        CheckRange(input.Length, offset, count, nameof(offset), nameof(count));
        CheckRange(output.Length, outputOffset, outputCapacity, nameof(outputOffset), nameof(outputCapacity));
    }

    public static void CheckGeometry(int width, int height, int max)
    {
        if (width < 0 || width > max)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"must be within 0..{max} (0 = unknown)");
        }

        if (height < 0 || height > max)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"must be within 0..{max} (0 = unknown)");
        }
    }

    private static void CheckRange(int length, int offset, int count, string offsetName, string countName)
    {
        if (offset < 0 || offset > length)
        {
            throw new ArgumentOutOfRangeException(offsetName, offset, $"must be within 0..{length}");
        }

        if (count < 0 || count > length - offset)
        {
            throw new ArgumentOutOfRangeException(countName, count, $"must be within 0..{length - offset}");
        }
    }
}
