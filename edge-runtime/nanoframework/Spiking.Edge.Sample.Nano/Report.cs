using System;
using Spiking.Edge.Runtime;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>
    /// Lines on the debug output. <see cref="Console.WriteLine(string)"/> goes to the nanoFramework debug channel
    /// (Visual Studio's Output window over the board's serial/USB link) in Debug and Release builds alike.
    /// </summary>
    internal static class Report
    {
        /// <summary>Prints one line.</summary>
        public static void Line(string text)
        {
            Console.WriteLine(text);
        }

        /// <summary>Prints the loaded model's shape, its state arena and the managed heap left free.</summary>
        public static void Model(Network network)
        {
            Line("model: " + network.InputWidth.ToString() + "x" + network.InputHeight.ToString() + "x" + network.InputPolarities.ToString()
                + " input, " + network.LayerCount.ToString() + " layers, " + network.OutputSize.ToString() + " classes, "
                + network.TicksPerSample.ToString() + " ticks of " + network.TickMicroseconds.ToString() + " us");
            uint free = nanoFramework.Runtime.Native.GC.Run(true);
            Line("memory: state arena " + network.RequiredArenaBytes.ToString() + " bytes; managed heap free after load " + free.ToString() + " bytes");
        }
    }
}
