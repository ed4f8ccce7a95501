using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

/// <summary>
/// Decoding allocates nothing per event: doubling the events of a stream (same header, same packet size) adds
/// almost no allocated bytes. The fewest bytes over three warmed-up repetitions are compared, so that a one-off
/// runtime allocation does not count.
/// </summary>
public class AedatAllocationTests
{
    private const int Events = 20_000;

    [Fact]
    public void Aedat2_decoding_allocates_nothing_per_event()
    {
        AssertNoPerEventAllocation(
            () => new Aedat2Decoder(Aedat2Options.Davis346),
            n => Aedat2Bytes.Build([.. AedatEvents.Random(new Random(1), n, 346, 260, 10, start: 0).Select(e => (Aedat2Bytes.Davis(e.X, e.Y, e.Polarity), (uint)e.TimestampMicroseconds))]));
    }

    [Fact]
    public void Aedat31_decoding_allocates_nothing_per_event()
    {
        AssertNoPerEventAllocation(
            () => new Aedat31Decoder(),
            n => Aedat31Bytes.Concat(
                [Aedat31Bytes.Header(Aedat31Bytes.Davis346Header),
                .. AedatEvents.Random(new Random(2), n, 346, 260, 10, start: 0).Chunk(1000)
                    .Select(c => Aedat31Bytes.Polarity(0, 0, [.. c.Select(e => ((int)e.X, (int)e.Y, (int)e.Polarity, (int)e.TimestampMicroseconds, true))]))]));
    }

    [Theory]
    [InlineData(Aedat4Compression.None)]
    [InlineData(Aedat4Compression.Lz4)]
    [InlineData(Aedat4Compression.Zstd)]
    public void Aedat4_decoding_allocates_nothing_per_event(Aedat4Compression compression)
    {
        AssertNoPerEventAllocation(
            () => new Aedat4Decoder(),
            n => AedatEvents.Write(AedatEvents.Random(new Random(3), n, 346, 260, 10), 346, 260, compression, 4096));
    }

    private static void AssertNoPerEventAllocation(Func<IEventDecoder> create, Func<int, byte[]> stream)
    {
        byte[] small = stream(Events);
        byte[] large = stream(2 * Events);
        var decoder = create();
        var output = new Event[1000];

        long smallBytes = FewestBytes(decoder, small, output);
        long largeBytes = FewestBytes(decoder, large, output);

        // Per-packet work (a decompression context, a frame decoder) may allocate; 1,000+ events per packet keep
        // that far below one byte per event.
        Assert.True(largeBytes - smallBytes < Events / 4, $"{Events} more events allocated {largeBytes - smallBytes} more bytes");
    }

    private static long FewestBytes(IEventDecoder decoder, byte[] data, Event[] output)
    {
        long fewest = long.MaxValue;
        for (int repetition = 0; repetition < 4; repetition++)
        {
            decoder.Reset();
            long before = GC.GetAllocatedBytesForCurrentThread();
            int offset = 0;
            long events = 0;
            while (offset < data.Length)
            {
                events += decoder.Decode(data, offset, Math.Min(65536, data.Length - offset), output, 0, output.Length, out int consumed);
                offset += consumed;
            }

            decoder.Finish();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(events > 0);
            if (repetition > 0)
            {
                fewest = Math.Min(fewest, allocated);
            }
        }

        return fewest;
    }
}
