using System.IO;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>Reading helpers for streams that may return fewer bytes than asked.</summary>
    internal static class StreamReading
    {
        /// <summary>Reads until <paramref name="count"/> bytes are in or the stream ends; returns the bytes read.</summary>
        public static int Fill(Stream stream, byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int read = stream.Read(buffer, offset + total, count - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
