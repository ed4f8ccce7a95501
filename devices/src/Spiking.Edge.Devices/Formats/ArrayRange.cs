namespace Spiking.Edge.Devices.Formats;

/// <summary>The offset/count check of the caller-owned arrays that decoders and writers take.</summary>
internal static class ArrayRange
{
    /// <summary>Throws when [offset, offset + count) is not inside an array of <paramref name="length"/>.</summary>
    /// <param name="length">The array's length.</param>
    /// <param name="offset">The first index.</param>
    /// <param name="count">The number of elements.</param>
    /// <param name="offsetName">The offset's parameter name, for the message.</param>
    /// <param name="countName">The count's parameter name, for the message.</param>
    public static void Check(int length, int offset, int count, string offsetName, string countName)
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
