using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>The body of the AEDAT decoders' <see cref="IEventDecoder.Decode"/>: step the current section until the input is used up, the output is full or a fault is met.</summary>
internal static class SectionLoop
{
    /// <summary>Runs one <c>Decode</c> call of <paramref name="decoder"/> (arguments as in <see cref="IEventDecoder.Decode"/>).</summary>
    /// <typeparam name="TSections">The decoder's sections: a struct, so that the loop is compiled for each format with direct calls.</typeparam>
    /// <param name="decoder">The decoder's sections.</param>
    /// <param name="position">The decoder's stream position: bytes consumed before this call, then after it.</param>
    /// <param name="input">Raw bytes of the stream, any cut.</param>
    /// <param name="offset">First byte to read.</param>
    /// <param name="count">Bytes available.</param>
    /// <param name="output">Caller-owned event buffer.</param>
    /// <param name="outputOffset">First slot to fill.</param>
    /// <param name="outputCapacity">Slots available.</param>
    /// <param name="consumed">Bytes taken from the input.</param>
    /// <returns>Number of events written.</returns>
    public static int Decode<TSections>(TSections decoder, ref long position, byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
        where TSections : struct, ISectionDecoder
    {
        DecodeCall.Begin(input, offset, count, output, outputOffset, outputCapacity, decoder.Fault);
        var window = new DecodeWindow(input, offset, count, position, output, outputOffset, outputCapacity);
        while (window.Read < window.End && decoder.Fault == null)
        {
            if (!decoder.Step(ref window))
            {
                break;
            }
        }

        position = window.StreamOffset;
        consumed = window.Consumed;
        return DecodeCall.End(window.Written, decoder.Fault);
    }
}
