namespace Spiking.Edge.Devices.Tests;

/// <summary>Synthetic test images.</summary>
internal static class TestImages
{
    /// <summary>A bright ring (radius 5..9 around the centre) on black, like a thick "0".</summary>
    public static byte[] Ring(int width, int height)
    {
        var image = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double r = Math.Sqrt(Math.Pow(x - (width / 2.0), 2) + Math.Pow(y - (height / 2.0), 2));
                image[(y * width) + x] = r >= 5 && r <= 9 ? (byte)230 : (byte)0;
            }
        }

        return image;
    }
}
