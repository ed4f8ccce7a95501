namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>Argument checks shared by the AEDAT decoders' <c>Decode</c> methods.</summary>
internal static class DecodeArguments
{
    /// <summary>Throws when [offset, offset + count) is not inside an array of <paramref name="length"/>.</summary>
    public static void CheckRange(int length, int offset, int count, string offsetName, string countName)
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
