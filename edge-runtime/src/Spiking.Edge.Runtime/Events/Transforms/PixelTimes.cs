namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// The per-pixel timestamp memory of <see cref="NeighbourDenoise"/> and <see cref="RefractoryFilter"/>: one
    /// 64-bit time per pixel, <see cref="Never"/> where the pixel has no event yet.
    /// </summary>
    internal static class PixelTimes
    {
        /// <summary>The time of a pixel that has no event yet.</summary>
        internal const long Never = long.MinValue;

        /// <summary>A memory of <paramref name="pixels"/> pixels, all <see cref="Never"/> (the caller checks the size).</summary>
        internal static long[] Create(int pixels)
        {
            long[] times = new long[pixels];
            Forget(times);
            return times;
        }

        /// <summary>Sets every pixel back to <see cref="Never"/>.</summary>
        internal static void Forget(long[] times)
        {
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = Never;
            }
        }
    }
}
