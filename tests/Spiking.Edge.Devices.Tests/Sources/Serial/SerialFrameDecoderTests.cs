using System.Buffers.Binary;
using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Sources.Serial;

public class SerialFrameDecoderTests
{
    private static readonly Event[] Recorded = SerialStreams.Events(21, 4_000);
    private static readonly List<byte[]> Frames = SerialStreams.Frames(SerialStreams.Words(Recorded), maxPayloadBytes: 256);

    [Fact]
    public void Frames_decode_to_the_recorded_events_with_nothing_counted()
    {
        var (events, decoder) = SerialStreams.Decode(Concat(Frames), piece: 777, capacity: 33);

        Assert.Equal(Recorded, events);
        Assert.Equal(new SerialFrameCounters(Frames.Count, 0, 0, 0, 0), decoder.Counters);
        Assert.Equal(Concat(Frames).Length, decoder.Position);
        decoder.Finish();
    }

    [Fact]
    public void The_same_events_and_counters_come_out_at_every_split_point()
    {
        var small = SerialStreams.Frames(SerialStreams.Words(SerialStreams.Events(3, 120)), maxPayloadBytes: 64);
        byte[] data = Concat(small);
        var (whole, wholeDecoder) = SerialStreams.Decode(data);

        for (int cut = 1; cut < data.Length; cut++)
        {
            var decoder = new SerialFrameDecoder(320, 320, "link");
            var events = new List<Event>();
            var output = new Event[3];
            foreach (var (start, length) in new[] { (0, cut), (cut, data.Length - cut) })
            {
                int offset = start;
                int end = start + length;
                while (offset < end)
                {
                    int n = decoder.Decode(data, offset, end - offset, output, 0, output.Length, out int consumed);
                    events.AddRange(output.Take(n));
                    offset += consumed;
                }
            }

            int rest;
            while ((rest = decoder.Decode(data, data.Length, 0, output, 0, output.Length, out _)) > 0)
            {
                events.AddRange(output.Take(rest));
            }

            Assert.True(whole.SequenceEqual(events), $"events differ when cut at {cut}");
            Assert.Equal(wholeDecoder.Counters, decoder.Counters);
        }
    }

    [Fact]
    public void Byte_by_byte_input_gives_the_same_events()
    {
        var (events, _) = SerialStreams.Decode(Concat(Frames), piece: 1, capacity: 1);

        Assert.Equal(Recorded, events);
    }

    [Theory]
    [InlineData(0)]       // in the sync word
    [InlineData(5)]       // in the length field
    [InlineData(7)]       // in the sequence number
    [InlineData(40)]      // in the payload
    [InlineData(-2)]      // in the CRC
    public void A_lost_byte_drops_only_its_frame_and_the_next_frame_is_found(int at)
    {
        const int damaged = 6;
        var frames = Frames.Select(f => f.ToArray()).ToList();
        int index = at >= 0 ? at : frames[damaged].Length + at;
        frames[damaged] = frames[damaged].Where((_, i) => i != index).ToArray();

        var (events, decoder) = SerialStreams.Decode(Concat(frames), piece: 100);

        Assert.Equal(SerialStreams.EventsOf(Frames.Where((_, i) => i != damaged)), events);
        Assert.Equal(Frames.Count - 1, decoder.Counters.FramesAccepted);
        Assert.Equal(1, decoder.Counters.DroppedFrames);
        Assert.Equal(frames[damaged].Length, decoder.Counters.BytesSkipped);
    }

    [Fact]
    public void A_corrupted_payload_byte_fails_the_crc_and_only_that_frame_is_dropped()
    {
        var frames = Frames.Select(f => f.ToArray()).ToList();
        frames[3][30] ^= 0x10;

        var (events, decoder) = SerialStreams.Decode(Concat(frames));

        Assert.Equal(SerialStreams.EventsOf(Frames.Where((_, i) => i != 3)), events);
        Assert.Equal(1, decoder.Counters.CrcFailures);
        Assert.Equal(1, decoder.Counters.DroppedFrames);
        Assert.Equal(0, decoder.Counters.BadLengths);
    }

    [Fact]
    public void Noise_between_frames_is_skipped_and_counted()
    {
        var random = new Random(9);
        var noise = Enumerable.Range(0, 37).Select(_ => (byte)random.Next(0x54, 256)).ToArray(); // no 'S' (0x53)
        var data = Concat([noise, .. Frames.Take(4), noise, .. Frames.Skip(4), noise]);

        var (events, decoder) = SerialStreams.Decode(data, piece: 50);

        Assert.Equal(Recorded, events);
        Assert.Equal(3 * 37, decoder.Counters.BytesSkipped);
        Assert.Equal(0, decoder.Counters.DroppedFrames);
    }

    [Fact]
    public void A_length_that_is_not_whole_words_is_counted_and_the_search_goes_on()
    {
        var frames = Frames.Select(f => f.ToArray()).ToList();
        BinaryPrimitives.WriteUInt16LittleEndian(frames[2].AsSpan(SerialFraming.LengthOffset), 4_095);

        var (events, decoder) = SerialStreams.Decode(Concat(frames));

        Assert.Equal(SerialStreams.EventsOf(Frames.Where((_, i) => i != 2)), events);
        Assert.Equal(1, decoder.Counters.BadLengths);
        Assert.Equal(1, decoder.Counters.DroppedFrames);
    }

    [Fact]
    public void A_length_too_long_swallows_the_following_frames_only_until_they_are_found_again()
    {
        var frames = Frames.Select(f => f.ToArray()).ToList();
        BinaryPrimitives.WriteUInt16LittleEndian(frames[2].AsSpan(SerialFraming.LengthOffset), 4_000);

        var (events, decoder) = SerialStreams.Decode(Concat(frames), piece: 333);

        Assert.Equal(SerialStreams.EventsOf(Frames.Where((_, i) => i != 2)), events);
        Assert.Equal(1, decoder.Counters.DroppedFrames);
        Assert.True(decoder.Counters.CrcFailures >= 1);
    }

    [Fact]
    public void A_frame_missing_from_the_link_is_counted_from_the_sequence_numbers()
    {
        var (events, decoder) = SerialStreams.Decode(Concat(Frames.Where((_, i) => i != 5 && i != 6)));

        Assert.Equal(SerialStreams.EventsOf(Frames.Where((_, i) => i != 5 && i != 6)), events);
        Assert.Equal(2, decoder.Counters.DroppedFrames);
        Assert.Equal(0, decoder.Counters.CrcFailures);
        Assert.Equal(0, decoder.Counters.BytesSkipped);
    }

    [Fact]
    public void Random_damage_never_throws_and_every_untouched_frame_is_delivered()
    {
        var random = new Random(77);
        for (int trial = 0; trial < 150; trial++)
        {
            var frames = Frames.Select(f => f.ToArray()).ToList();
            var damaged = new HashSet<int>();
            for (int hit = 0; hit < 1 + random.Next(6); hit++)
            {
                int k = random.Next(frames.Count);
                int i = random.Next(frames[k].Length);
                frames[k] = random.Next(3) switch
                {
                    0 => frames[k].Where((_, j) => j != i).ToArray(),
                    1 => [.. frames[k][..i], (byte)random.Next(256), .. frames[k][i..]],
                    _ => Flip(frames[k], i, random),
                };
                damaged.Add(k);
            }

            // A byte inserted before the sync or after the CRC leaves the frame whole (the byte is noise): still intact.
            damaged.RemoveWhere(k => frames[k].AsSpan().IndexOf(Frames[k]) >= 0);

            var (events, decoder) = SerialStreams.Decode(Concat(frames), piece: 1 + random.Next(600), capacity: 1 + random.Next(100));

            Assert.True(SerialStreams.EventsOf(Frames.Where((_, k) => !damaged.Contains(k))).SequenceEqual(events), $"trial {trial}: events differ");
            Assert.Equal(Frames.Count - damaged.Count, decoder.Counters.FramesAccepted);
        }
    }

    [Fact]
    public void A_stream_ending_inside_a_frame_is_refused_with_the_offset_of_that_frame()
    {
        byte[] data = Concat(Frames.Take(3));
        int start = Frames[0].Length + Frames[1].Length;
        var (events, decoder) = SerialStreams.Decode(data[..^5]);

        var error = Assert.Throws<EventStreamException>(decoder.Finish);

        Assert.Equal(SerialStreams.EventsOf(Frames.Take(2)), events);
        Assert.Equal(start, error.Offset);
        Assert.Equal($"link: byte offset {start}: stream ends inside a frame, after {Frames[2].Length - 5} of its bytes", error.Message);
    }

    [Fact]
    public void A_partial_sync_at_the_end_is_not_an_error()
    {
        var (_, decoder) = SerialStreams.Decode([.. Concat(Frames.Take(2)), 0x53, 0x45]);

        decoder.Finish();
        Assert.Equal(2, decoder.Counters.FramesAccepted);
    }

    [Fact]
    public void Malformed_evt21_in_a_good_frame_is_refused_with_its_offset_on_the_link_after_the_events_before_it()
    {
        var encoder = new SerialFrameEncoder();
        var output = new byte[SerialFraming.MaxFrameBytes];
        byte[] words = [.. Frames[0][8..^4]];
        byte[] bad = [.. Frames[1][8..16], 0, 0, 0, 0, 0, 0, 0, 0x30]; // TIME_HIGH then a word of reserved type 0x3
        int first = encoder.EncodeFrame(words, output, out _);
        byte[] frame0 = output[..first];
        int second = encoder.EncodeFrame(bad, output, out _);
        byte[] frame1 = output[..second];

        var decoder = new SerialFrameDecoder(320, 320, "link");
        byte[] data = [.. frame0, .. frame1];
        var events = new Event[10_000];
        int n = decoder.Decode(data, 0, data.Length, events, 0, events.Length, out _);
        var error = Assert.Throws<EventStreamException>(() => decoder.Decode(data, data.Length, 0, events, 0, events.Length, out _));

        Assert.Equal(SerialStreams.EventsOf([frame0]), events.Take(n));
        Assert.Equal(frame0.Length + SerialFraming.HeaderBytes + 8, error.Offset);
        Assert.Contains("reserved", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoding_allocates_nothing_per_event()
    {
        byte[] data = Concat(Frames);
        var output = new Event[50];
        long fewest = long.MaxValue;
        for (int repetition = 0; repetition < 4; repetition++)
        {
            var decoder = new SerialFrameDecoder(320, 320, "link");
            long events = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            int offset = 0;
            while (offset < data.Length)
            {
                events += decoder.Decode(data, offset, Math.Min(999, data.Length - offset), output, 0, output.Length, out int consumed);
                offset += consumed;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(events > 3_000);
            if (repetition >= 1)
            {
                fewest = Math.Min(fewest, allocated);
            }
        }

        Assert.Equal(0, fewest);
    }

    private static byte[] Flip(byte[] frame, int at, Random random)
    {
        var copy = frame.ToArray();
        copy[at] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();
}
