using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Formats.Prophesee;

public class AllocationTests
{
    private static readonly Event[] Events = PropheseeStreams.Events(new Random(11), 20_000, 320, 320, 100_000);

    public static TheoryData<string> Decoders => new() { "evt2", "evt21 little", "evt21 legacy", "evt3", "raw", "dat" };

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decoding_allocates_nothing_per_event(string name)
    {
        (byte[] data, Func<IPropheseeDecoder> factory, int headerBytes) = Capture(name);
        var output = new Event[64];

        // Each repetition: a fresh decoder that has read the header (not measured), then the body in 1,000-byte reads.
        long fewest = long.MaxValue;
        for (int repetition = 0; repetition < 5; repetition++)
        {
            var decoder = factory();
            Feed(decoder, data, 0, headerBytes, output);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long events = Feed(decoder, data, headerBytes, data.Length - headerBytes, output);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            decoder.Finish();
            Assert.True(events > 10_000, $"{name}: only {events} events");
            if (repetition >= 2)
            {
                fewest = Math.Min(fewest, allocated);
            }
        }

        Assert.Equal(0, fewest);
    }

    private static long Feed(IPropheseeDecoder decoder, byte[] data, int offset, int count, Event[] output)
    {
        long events = 0;
        int end = offset + count;
        while (offset < end)
        {
            int length = Math.Min(1_000, end - offset);
            events += decoder.Decode(data, offset, length, output, 0, output.Length, out int consumed);
            offset += consumed;
        }

        return events;
    }

    private static (byte[] Data, Func<IPropheseeDecoder> Factory, int HeaderBytes) Capture(string name)
    {
        switch (name)
        {
            case "evt2":
                var words = new List<uint> { Evt2Words.TimeHigh(0) };
                foreach (var e in Events.Where(e => e.TimestampMicroseconds < 1L << 34))
                {
                    words.Add(Evt2Words.TimeHigh(e.TimestampMicroseconds >> 6));
                    words.Add(Evt2Words.Cd(e.Polarity, (int)(e.TimestampMicroseconds & 63), e.X, e.Y));
                }

                return (Evt2Words.Bytes([.. words]), () => new Evt2Decoder(320, 320), 0);
            case "evt21 little":
                return (PropheseeStreams.Evt21(Events, Evt21ByteOrder.Little, 320, 320), () => new Evt21Decoder(Evt21ByteOrder.Little, 320, 320), 0);
            case "evt21 legacy":
                return (PropheseeStreams.Evt21(Events, Evt21ByteOrder.Legacy, 320, 320), () => new Evt21Decoder(Evt21ByteOrder.Legacy, 320, 320), 0);
            case "evt3":
                return (PropheseeStreams.Evt3(Events, 320, 320), () => new Evt3Decoder(320, 320), 0);
            case "raw":
                using (var stream = new MemoryStream())
                {
                    RawFile.Write(stream, Events, Events.Length, RawEventFormat.Evt3, 320, 320);
                    return (stream.ToArray(), () => new RawFileDecoder(), "% format EVT3;height=320;width=320\n% end\n".Length);
                }

            default:
                string header = "% Height 320\n% Width 320\n";
                byte[] records = Events.SelectMany(e => BitConverter.GetBytes((uint)e.TimestampMicroseconds)
                    .Concat(BitConverter.GetBytes(e.X | (e.Y << 14) | (e.Polarity << 28)))).ToArray();
                var dat = System.Text.Encoding.ASCII.GetBytes(header).Concat(new byte[] { 12, 8 }).Concat(records).ToArray();
                return (dat, () => new DatFileDecoder(), header.Length + 2); // the header ends at the first byte that is not a header line
        }
    }
}
