namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Reduces the stream to one polarity channel: all polarities set to 0 (<see cref="PolarityMode.Merge"/>), or
    /// only the ON or only the OFF events kept unchanged. Stateless; the geometry passes through.
    /// </summary>
    public sealed class PolarityMerge : IEventTransform
    {
        private readonly int _width;
        private readonly int _height;
        private readonly PolarityMode _mode;

        /// <summary>Creates the transform for an input geometry.</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="mode">Merge, ON only or OFF only.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size is out of range or the mode is unknown.</exception>
        public PolarityMerge(int inputWidth, int inputHeight, PolarityMode mode)
        {
            TransformChecks.Side(inputWidth, "inputWidth");
            TransformChecks.Side(inputHeight, "inputHeight");
            if (mode != PolarityMode.Merge && mode != PolarityMode.OnOnly && mode != PolarityMode.OffOnly)
            {
                throw new System.ArgumentOutOfRangeException("mode", "mode must be Merge, OnOnly or OffOnly");
            }

            _width = inputWidth;
            _height = inputHeight;
            _mode = mode;
        }

        /// <summary>What happens to the polarities.</summary>
        public PolarityMode Mode => _mode;

        /// <inheritdoc />
        public int InputWidth => _width;

        /// <inheritdoc />
        public int InputHeight => _height;

        /// <inheritdoc />
        public int OutputWidth => _width;

        /// <inheritdoc />
        public int OutputHeight => _height;

        /// <inheritdoc />
        public int OutputPolarities => 1;

        /// <inheritdoc />
        public int Apply(Event[] events, int offset, int count)
        {
            TransformChecks.Range(events, offset, count);
            int keep = _mode == PolarityMode.OnOnly ? 1 : 0;
            int write = offset;
            int end = offset + count;
            for (int read = offset; read < end; read++)
            {
                Event e = events[read];
                if (e.X >= _width || e.Y >= _height || e.Polarity > 1)
                {
                    continue;
                }

                if (_mode == PolarityMode.Merge)
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

            return write - offset;
        }

        /// <summary>Does nothing: the transform keeps no state.</summary>
        public void Reset()
        {
        }
    }
}
