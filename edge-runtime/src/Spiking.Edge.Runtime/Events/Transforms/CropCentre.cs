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
    public sealed class CropCentre : IEventTransform
    {
        private readonly int _inputWidth;
        private readonly int _inputHeight;
        private readonly int _left;
        private readonly int _top;
        private readonly int _width;
        private readonly int _height;

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
        {
            TransformChecks.Side(inputWidth, "inputWidth");
            TransformChecks.Side(inputHeight, "inputHeight");
            if (cropWidth < 1 || cropWidth > inputWidth)
            {
                throw new System.ArgumentOutOfRangeException(
                    "cropWidth", "cropWidth must be within 1..inputWidth (" + inputWidth.ToString() + "), got " + cropWidth.ToString());
            }

            if (cropHeight < 1 || cropHeight > inputHeight)
            {
                throw new System.ArgumentOutOfRangeException(
                    "cropHeight", "cropHeight must be within 1..inputHeight (" + inputHeight.ToString() + "), got " + cropHeight.ToString());
            }

            if (left < 0 || left > inputWidth - cropWidth)
            {
                throw new System.ArgumentOutOfRangeException(
                    "left", "left must be within 0..inputWidth - cropWidth (" + (inputWidth - cropWidth).ToString() + "), got " + left.ToString());
            }

            if (top < 0 || top > inputHeight - cropHeight)
            {
                throw new System.ArgumentOutOfRangeException(
                    "top", "top must be within 0..inputHeight - cropHeight (" + (inputHeight - cropHeight).ToString() + "), got " + top.ToString());
            }

            _inputWidth = inputWidth;
            _inputHeight = inputHeight;
            _left = left;
            _top = top;
            _width = cropWidth;
            _height = cropHeight;
        }

        /// <summary>First input column kept.</summary>
        public int Left => _left;

        /// <summary>First input row kept.</summary>
        public int Top => _top;

        /// <inheritdoc />
        public int InputWidth => _inputWidth;

        /// <inheritdoc />
        public int InputHeight => _inputHeight;

        /// <inheritdoc />
        public int OutputWidth => _width;

        /// <inheritdoc />
        public int OutputHeight => _height;

        /// <inheritdoc />
        public int OutputPolarities => 2;

        /// <inheritdoc />
        public int Apply(Event[] events, int offset, int count)
        {
            TransformChecks.Range(events, offset, count);
            int write = offset;
            int end = offset + count;
            for (int read = offset; read < end; read++)
            {
                Event e = events[read];
                int x = e.X - _left;
                int y = e.Y - _top;
                if (x < 0 || y < 0 || x >= _width || y >= _height || e.Polarity > 1)
                {
                    continue;
                }

                e.X = (ushort)x;
                e.Y = (ushort)y;
                events[write] = e;
                write++;
            }

            return write - offset;
        }

        /// <summary>Does nothing: the crop keeps no state.</summary>
        public void Reset()
        {
        }

        private static int CentredStart(int inputSide, int cropSide)
        {
            // Out-of-range sizes are refused by the main constructor; keep the start harmless until then.
            return cropSide >= 1 && cropSide <= inputSide ? (inputSide - cropSide) / 2 : 0;
        }
    }
}
