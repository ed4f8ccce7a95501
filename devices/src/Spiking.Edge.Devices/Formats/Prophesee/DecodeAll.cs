using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>Runs a decoder over a whole byte array.</summary>
internal static class DecodeAll
{
    /// <summary>Every event of <paramref name="bytes"/>; throws the decoder's error, if any.</summary>
    public static Event[] Run(IEventDecoder decoder, byte[] bytes)
    {
        var events = new Event[Math.Max(64, bytes.Length / 2)];
        int total = 0;
        int offset = 0;
        while (true)
        {
            if (total == events.Length)
            {
                Array.Resize(ref events, events.Length * 2);
            }

            total += decoder.Decode(bytes, offset, bytes.Length - offset, events, total, events.Length - total, out int consumed);
            offset += consumed;
            if (offset == bytes.Length && total < events.Length)
            {
                break;
            }
        }

        decoder.Finish();
        Array.Resize(ref events, total);
        return events;
    }
}
