namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Maps every input pixel to a cell of a smaller output geometry, either by an integer factor or to a target
    /// size, optionally firing a cell only after it has received a set number of input events (integrate-and-fire
    /// pooling without leak).
    /// </summary>
    /// <remarks>
    /// <para>Target size W' × H' (<see cref="SpatialDownsample(int, int, int, int, int)"/>):
    /// x' = floor(x × W' / W), y' = floor(y × H' / H). Every output column then gathers floor(W / W') or
    /// ceil(W / W') input columns, spread evenly (320 → 34: 20 cells of 9 columns and 14 of 10), and column 0 and
    /// column W − 1 land in cells 0 and W' − 1.</para>
    /// <para>Factor f (<see cref="ByFactor"/>): x' = floor(x / f), y' = floor(y / f); the output is
    /// ceil(W / f) × ceil(H / f), so a partial last cell is kept (34 / 4 → 9 cells, the last of 2 columns).</para>
    /// <para>Threshold k (eventsPerOutput): each output cell has one counter per polarity; an input event adds 1
    /// to the counter of its cell and polarity; when the counter reaches k it is set back to 0 and one output event
    /// is emitted with that cell, that polarity and the timestamp of the k-th input event. With k = 1 every input
    /// event is emitted (coordinates mapped) and no counters exist. Counters never decay; <see cref="Reset"/> clears
    /// them.</para>
    /// </remarks>
    public sealed class SpatialDownsample : InPlaceTransform
    {
        private readonly int _threshold;
        private readonly int[] _columnToCell;
        private readonly int[] _rowToCell;
        private readonly int[] _counters;

        /// <summary>Creates a downsampling to a target size (see the remarks for the rounding).</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="outputWidth">Target width (1..inputWidth).</param>
        /// <param name="outputHeight">Target height (1..inputHeight).</param>
        /// <param name="eventsPerOutput">Input events a cell and polarity needs to emit one event (1 = every event).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size or the threshold is out of range.</exception>
        public SpatialDownsample(int inputWidth, int inputHeight, int outputWidth, int outputHeight, int eventsPerOutput)
            : this(inputWidth, inputHeight, outputWidth, outputHeight, 0, eventsPerOutput)
        {
        }

        private SpatialDownsample(int inputWidth, int inputHeight, int outputWidth, int outputHeight, int factor, int eventsPerOutput)
            : base(inputWidth, inputHeight, outputWidth, outputHeight, 2)
        {
            TransformChecks.Within(outputWidth, 1, inputWidth, "outputWidth", "inputWidth");
            TransformChecks.Within(outputHeight, 1, inputHeight, "outputHeight", "inputHeight");
            TransformChecks.Positive(eventsPerOutput, "eventsPerOutput");
            if (eventsPerOutput > 1)
            {
                TransformChecks.Pixels(outputWidth, outputHeight * 2, "outputWidth");
            }

            _threshold = eventsPerOutput;
            _columnToCell = CellMap(inputWidth, outputWidth, factor);
            _rowToCell = CellMap(inputHeight, outputHeight, factor);
            _counters = eventsPerOutput > 1 ? new int[outputWidth * outputHeight * 2] : null;
        }

        /// <summary>Creates a downsampling by an integer factor on both axes (output ceil(W / f) × ceil(H / f)).</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="factor">Input pixels per output cell along each axis (≥ 1).</param>
        /// <param name="eventsPerOutput">Input events a cell and polarity needs to emit one event (1 = every event).</param>
        /// <returns>The transform.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">A size, the factor or the threshold is out of range.</exception>
        public static SpatialDownsample ByFactor(int inputWidth, int inputHeight, int factor, int eventsPerOutput)
        {
            TransformChecks.Side(inputWidth, "inputWidth");
            TransformChecks.Side(inputHeight, "inputHeight");
            TransformChecks.Positive(factor, "factor");
            int width = (int)((inputWidth + (long)factor - 1) / factor);
            int height = (int)((inputHeight + (long)factor - 1) / factor);
            return new SpatialDownsample(inputWidth, inputHeight, width, height, factor, eventsPerOutput);
        }

        /// <summary>Input events a cell and polarity needs to emit one event.</summary>
        public int EventsPerOutput => _threshold;

        /// <summary>The output column of input column <paramref name="x"/> (0..InputWidth − 1).</summary>
        /// <param name="x">Input column.</param>
        /// <returns>Output column.</returns>
        public int OutputColumn(int x)
        {
            return _columnToCell[x];
        }

        /// <summary>The output row of input row <paramref name="y"/> (0..InputHeight − 1).</summary>
        /// <param name="y">Input row.</param>
        /// <returns>Output row.</returns>
        public int OutputRow(int y)
        {
            return _rowToCell[y];
        }

        /// <inheritdoc />
        protected override int Compact(Event[] events, int start, int end)
        {
            int inputWidth = InputWidth;
            int inputHeight = InputHeight;
            int outputWidth = OutputWidth;
            int outputHeight = OutputHeight;
            int[] columnToCell = _columnToCell;
            int[] rowToCell = _rowToCell;
            int[] counters = _counters;
            int threshold = _threshold;
            int write = start;
            for (int read = start; read < end; read++)
            {
                Event e = events[read];
                if (e.X >= inputWidth || e.Y >= inputHeight || e.Polarity > 1)
                {
                    continue;
                }

                int x = columnToCell[e.X];
                int y = rowToCell[e.Y];
                if (counters != null)
                {
                    int cell = (((e.Polarity * outputHeight) + y) * outputWidth) + x;
                    int reached = counters[cell] + 1;
                    if (reached < threshold)
                    {
                        counters[cell] = reached;
                        continue;
                    }

                    counters[cell] = 0;
                }

                e.X = (ushort)x;
                e.Y = (ushort)y;
                events[write] = e;
                write++;
            }

            return write;
        }

        /// <summary>Clears the per-cell counters.</summary>
        public override void Reset()
        {
            if (_counters == null)
            {
                return;
            }

            for (int i = 0; i < _counters.Length; i++)
            {
                _counters[i] = 0;
            }
        }

        // factor 0: target-size rounding floor(v * output / input); otherwise floor(v / factor).
        private static int[] CellMap(int input, int output, int factor)
        {
            int[] map = new int[input];
            for (int v = 0; v < input; v++)
            {
                map[v] = factor > 0 ? v / factor : (int)(((long)v * output) / input);
            }

            return map;
        }
    }
}
