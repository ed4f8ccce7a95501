namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// Per-byte lookup tables for walking presence bitmaps (semantics.md §3.3) a byte at a time, built once at type
    /// initialisation with plain loops (2,304 bytes, shared by every model).
    /// </summary>
    internal static class BitTables
    {
        /// <summary><c>Counts[b]</c> is the number of set bits in byte b.</summary>
        public static readonly byte[] Counts = BuildCounts();

        /// <summary>
        /// <c>Positions[8 × b + k]</c> is the bit index (0 = least significant) of the k-th set bit of byte b, for
        /// k &lt; <c>Counts[b]</c>; the remaining entries of the byte's 8 are 0 and never read.
        /// </summary>
        public static readonly byte[] Positions = BuildPositions();

        private static byte[] BuildCounts()
        {
            byte[] counts = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                int n = 0;
                for (int bits = b; bits != 0; bits &= bits - 1)
                {
                    n++;
                }

                counts[b] = (byte)n;
            }

            return counts;
        }

        private static byte[] BuildPositions()
        {
            byte[] positions = new byte[256 * 8];
            for (int b = 0; b < 256; b++)
            {
                int k = 0;
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((b & (1 << bit)) != 0)
                    {
                        positions[(b * 8) + k] = (byte)bit;
                        k++;
                    }
                }
            }

            return positions;
        }
    }
}
