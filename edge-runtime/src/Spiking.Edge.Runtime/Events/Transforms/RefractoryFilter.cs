namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Drops an event at a pixel less than <see cref="PeriodMicroseconds"/> after that pixel's last kept event,
    /// whatever the polarities.
    /// </summary>
    /// <remarks>
    /// A per-pixel memory holds the timestamp of the last kept event (8 bytes per pixel, allocated in the
    /// constructor). An event (x, y, t) is dropped when the pixel has a kept event at s with t − s &lt; period;
    /// otherwise it is kept and s becomes t. So kept events at one pixel are at least one period apart, and an event
    /// exactly one period after the last kept one is kept. Dropped events do not extend the period.
    /// </remarks>
    public sealed class RefractoryFilter : InPlaceTransform
    {
        private readonly long _period;
        private readonly long[] _lastKept;

        /// <summary>Creates the filter for an input geometry.</summary>
        /// <param name="inputWidth">Input width (1..65535; width × height ≤ 2^24).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="periodMicroseconds">Refractory period in microseconds (≥ 1).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size or the period is out of range.</exception>
        public RefractoryFilter(int inputWidth, int inputHeight, long periodMicroseconds)
            : base(inputWidth, inputHeight, inputWidth, inputHeight, 2)
        {
            TransformChecks.Pixels(inputWidth, inputHeight, "inputWidth");
            TransformChecks.Positive(periodMicroseconds, "periodMicroseconds");
            _period = periodMicroseconds;
            _lastKept = PixelTimes.Create(inputWidth * inputHeight);
        }

        /// <summary>Refractory period in microseconds.</summary>
        public long PeriodMicroseconds => _period;

        /// <inheritdoc />
        protected override int Compact(Event[] events, int start, int end)
        {
            int width = InputWidth;
            int height = InputHeight;
            long period = _period;
            long[] lastKept = _lastKept;
            int write = start;
            for (int read = start; read < end; read++)
            {
                Event e = events[read];
                if (e.X >= width || e.Y >= height || e.Polarity > 1)
                {
                    continue;
                }

                int pixel = (e.Y * width) + e.X;
                long last = lastKept[pixel];
                if (last != PixelTimes.Never && e.TimestampMicroseconds - last < period)
                {
                    continue;
                }

                lastKept[pixel] = e.TimestampMicroseconds;
                events[write] = e;
                write++;
            }

            return write;
        }

        /// <summary>Forgets every pixel's last kept event.</summary>
        public override void Reset()
        {
            PixelTimes.Forget(_lastKept);
        }
    }
}
