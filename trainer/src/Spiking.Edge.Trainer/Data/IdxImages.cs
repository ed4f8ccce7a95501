namespace Spiking.Edge.Trainer.Data;

/// <summary>Images of an IDX file: <paramref name="Count"/> images of <paramref name="Rows"/> × <paramref name="Cols"/> bytes, row-major, back to back.</summary>
/// <param name="Pixels">All pixels, image after image.</param>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Image height.</param>
/// <param name="Cols">Image width.</param>
public sealed record IdxImages(byte[] Pixels, int Count, int Rows, int Cols)
{
    /// <summary>A copy of image <paramref name="index"/>'s pixels.</summary>
    public byte[] GetImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int size = Rows * Cols;
        var image = new byte[size];
        Array.Copy(Pixels, (long)index * size, image, 0, size);
        return image;
    }
}
