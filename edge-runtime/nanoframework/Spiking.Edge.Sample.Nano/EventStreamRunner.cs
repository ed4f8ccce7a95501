using System.IO;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>Reads an EVT 2.1 stream (optionally behind a RAW header) chunk by chunk into a <see cref="WindowClassifier"/>.</summary>
    internal static class EventStreamRunner
    {
        /// <summary>
        /// Classifies every window of <paramref name="stream"/> until it ends or its bytes are malformed; the
        /// defaults apply when the stream has no RAW header.
        /// </summary>
        public static void Run(Stream stream, Network network, int defaultWidth, int defaultHeight, Evt21ByteOrder defaultOrder, int readBytes, int eventBufferLength)
        {
            byte[] chunk = new byte[readBytes];
            int count = StreamReading.Fill(stream, chunk, 0, chunk.Length);
            RawHeader header = RawHeader.Parse(chunk, count, defaultWidth, defaultHeight, defaultOrder);
            if (header.Problem != null)
            {
                Report.Line("events: " + header.Problem);
                return;
            }

            Report.Line("events: " + header.Width.ToString() + "x" + header.Height.ToString() + " sensor, "
                + (header.ByteOrder == Evt21ByteOrder.Little ? "little" : "legacy") + " EVT 2.1 words, body at byte " + header.BodyOffset.ToString());
            WindowClassifier classifier = WindowClassifier.Create(network, header.Width, header.Height, header.ByteOrder, eventBufferLength);
            if (classifier == null)
            {
                return;
            }

            bool healthy = classifier.Feed(chunk, header.BodyOffset, count - header.BodyOffset);
            while (healthy)
            {
                count = stream.Read(chunk, 0, chunk.Length);
                if (count <= 0)
                {
                    break;
                }

                healthy = classifier.Feed(chunk, 0, count);
            }

            classifier.Complete();
        }
    }
}
