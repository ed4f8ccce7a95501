namespace Spiking.Edge.Runtime.Events
{
    /// <summary>
    /// Maps an event to its tick and input index exactly as model-format/spec/semantics.md §2 says. Shared by the
    /// runtime and by every host-side binner, so that event-driven and time-binned paths see the same input.
    /// </summary>
    public static class InputMapper
    {
        /// <summary>Returned by <see cref="InputIndex"/> when the event lies outside the geometry.</summary>
        public const int OutOfGeometry = -1;

        /// <summary>Returned by <see cref="Tick"/> when the event lies before the window start or after its end.</summary>
        public const int OutsideWindow = -1;

        /// <summary>
        /// Input index <c>(p' * height + y) * width + x</c>, with p' = p for two polarities and 0 for one;
        /// <see cref="OutOfGeometry"/> when x, y or p is out of range (semantics §2).
        /// </summary>
        public static int InputIndex(int x, int y, int polarity, int width, int height, int polarities)
        {
            if (x < 0 || y < 0 || x >= width || y >= height || polarity < 0 || polarity > 1)
            {
                return OutOfGeometry;
            }

            int p = polarities == 2 ? polarity : 0;
            return ((p * height) + y) * width + x;
        }

        /// <summary>
        /// Tick <c>floor((t - t0) / tickMicroseconds)</c>; <see cref="OutsideWindow"/> when t &lt; t0 or the tick is
        /// at or beyond <paramref name="ticksPerSample"/> (semantics §2).
        /// </summary>
        public static int Tick(long timestampMicroseconds, long windowStartMicroseconds, int tickMicroseconds, int ticksPerSample)
        {
            if (timestampMicroseconds < windowStartMicroseconds || tickMicroseconds <= 0)
            {
                return OutsideWindow;
            }

            long tick = (timestampMicroseconds - windowStartMicroseconds) / tickMicroseconds;
            return tick >= ticksPerSample ? OutsideWindow : (int)tick;
        }
    }
}
