namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Keeps the events inside a rectangular window of the input and re-bases them so that the window's top-left
    /// pixel becomes (0, 0). Stateless.
    /// </summary>
    /// <remarks>
    /// An event is kept when Left ≤ x &lt; Left + OutputWidth and Top ≤ y &lt; Top + OutputHeight (and polarity ≤ 1);
    /// it becomes (x − Left, y − Top). Centred: Left = (InputWidth − OutputWidth) / 2 and
    /// Top = (InputHeight − OutputHeight) / 2, rounded down, so an odd margin leaves the extra column on the right and
    /// the extra row at the bottom.
    /// </remarks>
    public sealed class CropCentre : InPlaceTransform
    {
        private readonly int _left;
        private readonly int _top;

        /// <summary>Creates a crop of <paramref name="cropWidth"/> × <paramref name="cropHeight"/> centred on the input.</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="cropWidth">Window width (1..inputWidth).</param>
        /// <param name="cropHeight">Window height (1..inputHeight).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size is out of range.</exception>
        public CropCentre(int inputWidth, int inputHeight, int cropWidth, int cropHeight)
            : this(inputWidth, inputHeight, CentredStart(inputWidth, cropWidth), CentredStart(inputHeight, cropHeight), cropWidth, cropHeight)
        {
        }

        /// <summary>Creates a crop of the window whose top-left pixel is (<paramref name="left"/>, <paramref name="top"/>).</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="left">First column kept (0..inputWidth − cropWidth).</param>
        /// <param name="top">First row kept (0..inputHeight − cropHeight).</param>
        /// <param name="cropWidth">Window width (1..inputWidth).</param>
        /// <param name="cropHeight">Window height (1..inputHeight).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size or position puts the window outside the input.</exception>
        public CropCentre(int inputWidth, int inputHeight, int left, int top, int cropWidth, int cropHeight)
            : base(inputWidth, inputHeight, cropWidth, cropHeight, 2)
        {
            TransformChecks.Within(cropWidth, 1, inputWidth, "cropWidth", "inputWidth");
            TransformChecks.Within(cropHeight, 1, inputHeight, "cropHeight", "inputHeight");
            TransformChecks.Within(left, 0, inputWidth - cropWidth, "left", "inputWidth - cropWidth");
            TransformChecks.Within(top, 0, inputHeight - cropHeight, "top", "inputHeight - cropHeight");
            _left = left;
            _top = top;
        }

        /// <summary>First input column kept.</summary>
        public int Left => _left;

        /// <summary>First input row kept.</summary>
        public int Top => _top;

        /// <inheritdoc />
        protected override int Compact(Event[] events, int start, int end)
        {
            int left = _left;
            int top = _top;
            int width = OutputWidth;
            int height = OutputHeight;
            int write = start;
            for (int read = start; read < end; read++)
            {
                Event e = events[read];
                int x = e.X - left;
                int y = e.Y - top;
                if (x < 0 || y < 0 || x >= width || y >= height || e.Polarity > 1)
                {
                    continue;
                }

                e.X = (ushort)x;
                e.Y = (ushort)y;
                events[write] = e;
                write++;
            }

            return write;
        }

        private static int CentredStart(int inputSide, int cropSide)
        {
            // Out-of-range sizes are refused by the main constructor; keep the start harmless until then.
            return cropSide >= 1 && cropSide <= inputSide ? (inputSide - cropSide) / 2 : 0;
        }
    }
}
