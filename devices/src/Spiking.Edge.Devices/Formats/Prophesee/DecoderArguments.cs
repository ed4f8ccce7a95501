namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>The geometry check of the Prophesee decoders' constructors.</summary>
internal static class DecoderArguments
{
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
}
