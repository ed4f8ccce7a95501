namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Reduces the stream to one polarity channel: all polarities set to 0 (<see cref="PolarityMode.Merge"/>), or
    /// only the ON or only the OFF events kept unchanged. Stateless; the geometry passes through.
    /// </summary>
    public sealed class PolarityMerge : InPlaceTransform
    {
        private readonly PolarityMode _mode;

        /// <summary>Creates the transform for an input geometry.</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="mode">Merge, ON only or OFF only.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size is out of range or the mode is unknown.</exception>
        public PolarityMerge(int inputWidth, int inputHeight, PolarityMode mode)
            : base(inputWidth, inputHeight, inputWidth, inputHeight, 1)
        {
            if (mode != PolarityMode.Merge && mode != PolarityMode.OnOnly && mode != PolarityMode.OffOnly)
            {
                throw new System.ArgumentOutOfRangeException("mode", "mode must be Merge, OnOnly or OffOnly");
            }

            _mode = mode;
        }

        /// <summary>What happens to the polarities.</summary>
        public PolarityMode Mode => _mode;

        /// <inheritdoc />
        protected override int Compact(Event[] events, int start, int end)
        {
            int width = InputWidth;
            int height = InputHeight;
            bool merge = _mode == PolarityMode.Merge;
            int keep = _mode == PolarityMode.OnOnly ? 1 : 0;
            int write = start;
            for (int read = start; read < end; read++)
            {
                Event e = events[read];
                if (e.X >= width || e.Y >= height || e.Polarity > 1)
                {
                    continue;
                }

                if (merge)
                {
                    e.Polarity = 0;
                }
                else if (e.Polarity != keep)
                {
                    continue;
                }

                events[write] = e;
                write++;
            }

            return write;
        }
    }
}
