namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Background-activity filter: keeps an event only if one of its 8 neighbours (and, as an option, its own pixel)
    /// had an event at most <see cref="WindowMicroseconds"/> earlier. Isolated noise events have no such support.
    /// </summary>
    /// <remarks>
    /// A per-pixel memory holds the timestamp of the latest event at each pixel, kept or not (8 bytes per pixel,
    /// allocated in the constructor). An event (x, y, t) is kept when some pixel q of its neighbourhood — the up to 8
    /// pixels with |dx| ≤ 1, |dy| ≤ 1 inside the input, plus (x, y) itself when <see cref="IncludeSelf"/> — has a
    /// memory s with t − s ≤ window (inclusive; a pixel with no event yet never supports). The neighbourhood is
    /// checked before the event's own timestamp is stored, so an event never supports itself. Polarity is ignored.
    /// Every event inside the geometry then stores t at its pixel.
    /// </remarks>
    public sealed class NeighbourDenoise : InPlaceTransform
    {
        private readonly long _window;
        private readonly bool _includeSelf;
        private readonly long[] _lastTime;

        /// <summary>Creates the filter for an input geometry.</summary>
        /// <param name="inputWidth">Input width (1..65535; width × height ≤ 2^24).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="windowMicroseconds">Support window in microseconds (≥ 1).</param>
        /// <param name="includeSelf">Whether an earlier event at the same pixel also supports.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size or the window is out of range.</exception>
        public NeighbourDenoise(int inputWidth, int inputHeight, long windowMicroseconds, bool includeSelf)
            : base(inputWidth, inputHeight, inputWidth, inputHeight, 2)
        {
            TransformChecks.Pixels(inputWidth, inputHeight, "inputWidth");
            TransformChecks.Positive(windowMicroseconds, "windowMicroseconds");
            _window = windowMicroseconds;
            _includeSelf = includeSelf;
            _lastTime = PixelTimes.Create(inputWidth * inputHeight);
        }

        /// <summary>Support window in microseconds (inclusive).</summary>
        public long WindowMicroseconds => _window;

        /// <summary>Whether an earlier event at the event's own pixel also supports it.</summary>
        public bool IncludeSelf => _includeSelf;

        /// <inheritdoc />
        protected override int Compact(Event[] events, int start, int end)
        {
            int width = InputWidth;
            int height = InputHeight;
            long[] lastTime = _lastTime;
            int write = start;
            for (int read = start; read < end; read++)
            {
                Event e = events[read];
                int x = e.X;
                int y = e.Y;
                if (x >= width || y >= height || e.Polarity > 1)
                {
                    continue;
                }

                bool supported = IsSupported(x, y, e.TimestampMicroseconds, width, height);
                lastTime[(y * width) + x] = e.TimestampMicroseconds;
                if (supported)
                {
                    events[write] = e;
                    write++;
                }
            }

            return write;
        }

        /// <summary>Forgets every pixel's last event.</summary>
        public override void Reset()
        {
            PixelTimes.Forget(_lastTime);
        }

        private bool IsSupported(int x, int y, long t, int width, int height)
        {
            int x0 = x > 0 ? x - 1 : 0;
            int x1 = x < width - 1 ? x + 1 : x;
            int y0 = y > 0 ? y - 1 : 0;
            int y1 = y < height - 1 ? y + 1 : y;
            for (int qy = y0; qy <= y1; qy++)
            {
                int row = qy * width;
                for (int qx = x0; qx <= x1; qx++)
                {
                    if (qx == x && qy == y && !_includeSelf)
                    {
                        continue;
                    }

                    long s = _lastTime[row + qx];
                    if (s != PixelTimes.Never && t - s <= _window)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
