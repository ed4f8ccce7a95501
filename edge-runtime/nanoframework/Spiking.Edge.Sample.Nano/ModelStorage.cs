using System;
using System.IO;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>Reads the model file from device storage and loads it, printing one clear line on any failure.</summary>
    internal static class ModelStorage
    {
        /// <summary>Largest model file read (the whole file lives in RAM: the runtime reads weights in place).</summary>
        public const int MaxModelBytes = 4 * 1024 * 1024;

        /// <summary>The loaded network, or null after printing why it could not be loaded.</summary>
        public static Network Load(string path)
        {
            if (!File.Exists(path))
            {
                Report.Line("model: " + path + " not found; deploy it with nanoff (spiking export --nanoff-deploy writes the JSON)");
                return null;
            }

            byte[] bytes = ReadAll(path);
            if (bytes == null)
            {
                return null;
            }

            try
            {
                Network network = Network.Load(bytes);
                Report.Line("model: " + path + " loaded (" + bytes.Length.ToString() + " bytes)");
                return network;
            }
            catch (ModelFormatException e)
            {
                Report.Line("model: " + path + " is not a valid Spiking.Edge model: error " + ((int)e.Code).ToString()
                    + " at byte " + e.Offset.ToString() + " (field " + e.FieldNumber.ToString() + "): " + e.Message);
                return null;
            }
            catch (OutOfMemoryException)
            {
                Report.Line("model: " + path + " loaded but its state does not fit the managed heap (see RAM sizing in the README)");
                return null;
            }
        }

        private static byte[] ReadAll(string path)
        {
            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long length = stream.Length;
                if (length <= 0 || length > MaxModelBytes)
                {
                    Report.Line("model: " + path + " has " + length.ToString() + " bytes; expected 1.." + MaxModelBytes.ToString());
                    return null;
                }

                byte[] bytes;
                try
                {
                    bytes = new byte[(int)length];
                }
                catch (OutOfMemoryException)
                {
                    Report.Line("model: " + path + " (" + length.ToString() + " bytes) does not fit the managed heap");
                    return null;
                }

                int read = StreamReading.Fill(stream, bytes, 0, bytes.Length);
                if (read != bytes.Length)
                {
                    Report.Line("model: " + path + " ended after " + read.ToString() + " of " + length.ToString() + " bytes");
                    return null;
                }

                return bytes;
            }
        }
    }
}
