using System.IO;
using System.Threading;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>
    /// The nanoFramework sample: loads a Spiking.Edge model from device storage, reads an EVT 2.1 event stream,
    /// classifies it window by window and prints each window's predicted class and SynOps on the debug output.
    /// </summary>
    /// <remarks>
    /// nanoFramework v1 rules apply to this code as to the runtime core (edge-runtime/PORTABILITY.md): no generics,
    /// LINQ, Span, async or System.Math; tests/Spiking.Edge.Portability.Tests/NanoProjectTests.cs scans it.
    /// Deployment steps: edge-runtime/nanoframework/README.md.
    /// </remarks>
    public static class Program
    {
        /// <summary>The model file, deployed with nanoff's file deployment (spiking export --nanoff-deploy).</summary>
        public const string ModelPath = "I:\\model.sem";

        /// <summary>A Prophesee RAW file (EVT 2.1); its "% ..." header, if any, gives the geometry and byte order.</summary>
        public const string EventsPath = "I:\\events.raw";

        /// <summary>Sensor geometry assumed for a stream without a header (GenX320: 320 × 320).</summary>
        public const int DefaultSensorWidth = 320;

        /// <summary>Sensor height assumed for a stream without a header.</summary>
        public const int DefaultSensorHeight = 320;

        /// <summary>
        /// EVT 2.1 byte order assumed for a stream without a header: GenX320 sends whole 64-bit little-endian words.
        /// </summary>
        public const Evt21ByteOrder DefaultByteOrder = Evt21ByteOrder.Little;

        /// <summary>Bytes read from the stream at a time (a multiple of the 8-byte EVT 2.1 word).</summary>
        public const int ReadBytes = 2048;

        /// <summary>Decoded events held at a time (the one preallocated Event[] buffer).</summary>
        public const int EventBufferLength = 256;

        /// <summary>Entry point: load, run, then idle (a nanoFramework app that returns leaves the device idle too).</summary>
        public static void Main()
        {
            Report.Line("Spiking.Edge sample: model " + ModelPath + ", events " + EventsPath);
            Network network = ModelStorage.Load(ModelPath);
            if (network != null)
            {
                Report.Model(network);
                RunFile(network);
            }

            Thread.Sleep(Timeout.Infinite);
        }

        /// <summary>
        /// Classifies the events of <see cref="EventsPath"/>. The event source is any <see cref="Stream"/>: this is the
        /// board-specific part to replace with a UART or SPI link to the sensor (see the README).
        /// </summary>
        private static void RunFile(Network network)
        {
            if (!File.Exists(EventsPath))
            {
                Report.Line("events: " + EventsPath + " not found; deploy a RAW EVT 2.1 file there (see edge-runtime/nanoframework/README.md)");
                return;
            }

            using (FileStream events = new FileStream(EventsPath, FileMode.Open, FileAccess.Read))
            {
                EventStreamRunner.Run(events, network, DefaultSensorWidth, DefaultSensorHeight, DefaultByteOrder, ReadBytes, EventBufferLength);
            }
        }
    }
}
