using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Devices.Tests.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Sources.Serial;

/// <summary>Recorded events, their EVT 2.1 words (Evt21Encoder) and the frames SerialFrameEncoder makes of them.</summary>
internal static class SerialStreams
{
    public static Event[] Events(int seed, int count) => PropheseeStreams.Events(new Random(seed), count, 320, 320, 30_000);

    public static byte[] Words(Event[] events) => PropheseeStreams.Evt21(events, Evt21ByteOrder.Little, 320, 320);

    /// <summary>The words cut into frames of at most <paramref name="maxPayloadBytes"/>.</summary>
    public static List<byte[]> Frames(byte[] words, int maxPayloadBytes)
    {
        var encoder = new SerialFrameEncoder(maxPayloadBytes);
        var frames = new List<byte[]>();
        var output = new byte[SerialFraming.MaxFrameBytes];
        int offset = 0;
        while (offset < words.Length)
        {
            int bytes = encoder.EncodeFrame(words.AsSpan(offset), output, out int consumed);
            Assert.True(consumed > 0, "encoder made no progress");
            frames.Add(output.AsSpan(0, bytes).ToArray());
            offset += consumed;
        }

        return frames;
    }

    /// <summary>The events the plain EVT 2.1 decoder finds in the payloads of <paramref name="frames"/>, in order.</summary>
    public static List<Event> EventsOf(IEnumerable<byte[]> frames)
    {
        var payloads = frames.SelectMany(f => f.Skip(SerialFraming.HeaderBytes).Take(f.Length - SerialFraming.HeaderBytes - SerialFraming.CrcBytes)).ToArray();
        var decoder = new Evt21Decoder(Evt21ByteOrder.Little, 320, 320);
        var output = new Event[(payloads.Length * 4) + 32];
        int n = decoder.Decode(payloads, 0, payloads.Length, output, 0, output.Length, out int consumed);
        Assert.Equal(payloads.Length, consumed);
        decoder.Finish();
        return output.Take(n).ToList();
    }

    /// <summary>Decodes <paramref name="data"/> in pieces of <paramref name="piece"/> bytes into an output of <paramref name="capacity"/>.</summary>
    public static (List<Event> Events, SerialFrameDecoder Decoder) Decode(byte[] data, int piece = 4_096, int capacity = 256, int maxPayloadBytes = SerialFraming.MaxPayloadBytes)
    {
        var decoder = new SerialFrameDecoder(320, 320, "link", maxPayloadBytes);
        var events = new List<Event>();
        var output = new Event[capacity + 2];
        int offset = 0;
        int guard = 0;
        while (true)
        {
            int count = Math.Min(piece, data.Length - offset);
            int n = decoder.Decode(data, offset, count, output, 2, capacity, out int consumed);
            events.AddRange(output.Skip(2).Take(n));
            offset += consumed;
            Assert.True(++guard < (data.Length * 40) + 100, "decoder made no progress");
            if (offset == data.Length && n < capacity)
            {
                break;
            }
        }

        return (events, decoder);
    }
}
