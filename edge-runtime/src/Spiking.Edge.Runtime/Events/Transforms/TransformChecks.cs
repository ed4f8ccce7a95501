namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>Argument checks shared by the transforms.</summary>
    internal static class TransformChecks
    {
        /// <summary>Largest side of a geometry: event coordinates are 16-bit.</summary>
        internal const int MaxSide = 65535;

        /// <summary>Most pixels a per-pixel state array may cover (2^24: 128 MiB of timestamps at most).</summary>
        internal const int MaxPixels = 1 << 24;

        /// <summary>Throws unless 1 ≤ value ≤ <see cref="MaxSide"/>.</summary>
        internal static void Side(int value, string name)
        {
            if (value < 1 || value > MaxSide)
            {
                throw new System.ArgumentOutOfRangeException(name, name + " must be within 1..65535, got " + value.ToString());
            }
        }

        /// <summary>
        /// Throws unless min ≤ value ≤ max, with the message "name must be within min..maxName (max), got value".
        /// </summary>
        internal static void Within(int value, int min, int max, string name, string maxName)
        {
            if (value < min || value > max)
            {
                throw new System.ArgumentOutOfRangeException(
                    name, name + " must be within " + min.ToString() + ".." + maxName + " (" + max.ToString() + "), got " + value.ToString());
            }
        }

        /// <summary>Throws unless width × height ≤ <see cref="MaxPixels"/>.</summary>
        internal static void Pixels(int width, int height, string name)
        {
            if ((long)width * height > MaxPixels)
            {
                throw new System.ArgumentOutOfRangeException(
                    name,
                    "a " + width.ToString() + " x " + height.ToString() + " per-pixel state exceeds 16777216 pixels");
            }
        }

        /// <summary>Throws unless value ≥ 1.</summary>
        internal static void Positive(long value, string name)
        {
            if (value < 1)
            {
                throw new System.ArgumentOutOfRangeException(name, name + " must be at least 1, got " + value.ToString());
            }
        }

        /// <summary>Throws unless events[offset, offset + count) lies inside the array.</summary>
        internal static void Range(Event[] events, int offset, int count)
        {
            if (events == null)
            {
                throw new System.ArgumentNullException("events");
            }

            if (offset < 0 || offset > events.Length)
            {
                throw new System.ArgumentOutOfRangeException("offset", "offset must be within 0..events.Length");
            }

            if (count < 0 || count > events.Length - offset)
            {
                throw new System.ArgumentOutOfRangeException("count", "count must be within 0..events.Length - offset");
            }
        }
    }
}
