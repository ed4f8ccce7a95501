namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF), the model
    /// file's integrity checksum (wire-format.md). Table-free so that it costs no RAM on a microcontroller.
    /// </summary>
    public static class Crc32
    {
        /// <summary>CRC-32 of <paramref name="count"/> bytes starting at <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || (long)offset + count > data.Length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(count));
            }

            uint crc = 0xFFFFFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    uint mask = (uint)-(int)(crc & 1);
                    crc = (crc >> 1) ^ (0xEDB88320 & mask);
                }
            }

            return ~crc;
        }
    }
}
