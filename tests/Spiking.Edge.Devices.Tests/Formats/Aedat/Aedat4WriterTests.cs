using System.Buffers;
using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Google.FlatBuffers;
using K4os.Compression.LZ4.Streams;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Tests.Formats.Aedat;

public class Aedat4WriterTests
{
    [Theory]
    [InlineData(Aedat4Compression.None, 1, true)]
    [InlineData(Aedat4Compression.None, 7, false)]
    [InlineData(Aedat4Compression.Lz4, 7, true)]
    [InlineData(Aedat4Compression.Lz4High, 50, false)]
    [InlineData(Aedat4Compression.Zstd, 7, true)]
    [InlineData(Aedat4Compression.Zstd, 4096, false)]
    [InlineData(Aedat4Compression.ZstdHigh, 13, true)]
    public void Written_events_read_back_identically_with_every_compression(Aedat4Compression compression, int eventsPerPacket, bool fileDataTable)
    {
        var events = AedatEvents.Random(new Random(3), 50, 346, 260, 5_000);
        byte[] data = AedatEvents.Write(events, 346, 260, compression, eventsPerPacket, fileDataTable);

        var outcome = AedatDecodeHarness.Run(() => new Aedat4Decoder("w"), Aedat4DecoderTests.Counters, data, [data.Length / 3], 7);

        Assert.Null(outcome.Error);
        Assert.Equal(events, outcome.Events);
        int packets = (50 + eventsPerPacket - 1) / eventsPerPacket;
        Assert.StartsWith($"events 50, 346 x 260, packets {packets}, skipped 0, backward 0", outcome.Counters, StringComparison.Ordinal);
        Assert.Contains($"compression {compression}", outcome.Counters, StringComparison.Ordinal);
        Assert.Equal(fileDataTable, !outcome.Counters.EndsWith("fdp -1", StringComparison.Ordinal));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Random_streams_round_trip_through_writer_and_decoder(int seed, PositiveInt count, byte compressionPick, bool fileDataTable)
    {
        var random = new Random(seed);
        int width = random.Next(1, 700);
        int height = random.Next(1, 500);
        long maxGap = random.Next(2) == 0 ? 10 : 1L << 40;
        var events = AedatEvents.Random(random, count.Get % 300, width, height, maxGap);
        var compression = (Aedat4Compression)(compressionPick % 5);
        byte[] data = AedatEvents.Write(events, width, height, compression, random.Next(1, 64), fileDataTable);

        var outcome = AedatDecodeHarness.Run(() => new Aedat4Decoder("w"), Aedat4DecoderTests.Counters, data, [data.Length / 3, data.Length / 2], random.Next(1, 50));

        return (outcome.Error == null && events.SequenceEqual(outcome.Events) && outcome.Counters.StartsWith($"events {events.Length}, {width} x {height},", StringComparison.Ordinal)).ToProperty();
    }

    [Fact]
    public void The_file_verifies_with_the_flatbuffers_library_and_its_table_indexes_every_packet()
    {
        var events = AedatEvents.Random(new Random(5), 10, 128, 64, 1_000);
        byte[] data = AedatEvents.Write(events, 128, 64, Aedat4Compression.Lz4, 4);

        // IOHeader: size-prefixed, identifier IOHE, compression / position / description as the fbs declares them.
        Assert.Equal("#!AER-DAT4.0\r\n"u8.ToArray(), data[..14]);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(14));
        var header = new ByteBuffer(data[14..(18 + headerLength)]);
        Assert.True(new Verifier(header, new Options()).VerifyBuffer("IOHE", true, VerifyIoHeader));
        var root = new Table(header.GetInt(4) + 4, header);
        Assert.Equal((int)Aedat4Compression.Lz4, header.GetInt(root.bb_pos + root.__offset(4)));
        long tablePosition = header.GetLong(root.bb_pos + root.__offset(6));
        string description = root.__string(root.bb_pos + root.__offset(8));
        Assert.Contains("<attr key=\"typeIdentifier\" type=\"string\">EVTS</attr>", description, StringComparison.Ordinal);
        Assert.Contains("<attr key=\"sizeX\" type=\"int\">128</attr>", description, StringComparison.Ordinal);

        // FileDataTable at the header's position: LZ4 frame of a size-prefixed FTAB buffer, one entry per packet.
        var table = new ByteBuffer(Lz4(data[(int)tablePosition..]));
        Assert.True(new Verifier(table, new Options()).VerifyBuffer("FTAB", true, VerifyFileDataTable));
        var tableRoot = new Table(table.GetInt(4) + 4, table);
        int definitions = tableRoot.__offset(4);
        Assert.Equal(3, tableRoot.__vector_len(definitions));
        int first = 0;
        for (int i = 0; i < 3; i++)
        {
            int element = tableRoot.__vector(definitions) + (4 * i);
            var definition = new Table(tableRoot.__indirect(element), table);
            long byteOffset = table.GetLong(definition.bb_pos + definition.__offset(4));
            int packetInfo = definition.bb_pos + definition.__offset(6);
            long elements = table.GetLong(definition.bb_pos + definition.__offset(8));
            long start = table.GetLong(definition.bb_pos + definition.__offset(10));
            long end = table.GetLong(definition.bb_pos + definition.__offset(12));
            int size = table.GetInt(packetInfo + 4);

            // The packet header sits just before byteOffset; the body is a verified EVTS EventPacket.
            Assert.Equal(0, table.GetInt(packetInfo));
            Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan((int)byteOffset - 8)));
            Assert.Equal(size, BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan((int)byteOffset - 4)));
            var body = new ByteBuffer(Lz4(data[(int)byteOffset..((int)byteOffset + size)]));
            Assert.True(new Verifier(body, new Options()).VerifyBuffer("EVTS", true, VerifyEventPacket));
            var packet = new Table(body.GetInt(4) + 4, body);
            int vector = packet.__offset(4);
            Assert.Equal(elements, packet.__vector_len(vector));
            Assert.Equal(i < 2 ? 4 : 2, elements);
            Assert.Equal(events[first].TimestampMicroseconds, start);
            Assert.Equal(events[first + (int)elements - 1].TimestampMicroseconds, end);

            // Event struct: t int64 at 0, x int16 at 8, y int16 at 10, on bool at 12, 16 bytes apart.
            int element0 = packet.__vector(vector);
            for (int k = 0; k < elements; k++)
            {
                var e = events[first + k];
                int at = element0 + (16 * k);
                Assert.Equal(new Event((ushort)body.GetShort(at + 8), (ushort)body.GetShort(at + 10), body.Get(at + 12), body.GetLong(at)), e);
            }

            first += (int)elements;
        }
    }

    [Fact]
    public void The_header_has_the_same_size_with_and_without_the_table_position()
    {
        var events = AedatEvents.Random(new Random(6), 20, 64, 64, 100);

        byte[] withTable = AedatEvents.Write(events, 64, 64, Aedat4Compression.Zstd, 8, fileDataTable: true);
        byte[] without = AedatEvents.Write(events, 64, 64, Aedat4Compression.Zstd, 8, fileDataTable: false);

        int length = BinaryPrimitives.ReadInt32LittleEndian(withTable.AsSpan(14));
        Assert.Equal(length, BinaryPrimitives.ReadInt32LittleEndian(without.AsSpan(14)));
        Assert.Equal(without[(18 + length)..], withTable[(18 + length)..without.Length]);
        Assert.True(withTable.Length > without.Length);
    }

    [Theory]
    [InlineData(64, 0, 0, 10L, "x = 64, y = 0 is outside the 64 x 32 sensor")]
    [InlineData(0, 32, 0, 10L, "x = 0, y = 32 is outside the 64 x 32 sensor")]
    [InlineData(0, 0, 2, 10L, "polarity 2 is not 0 (OFF) or 1 (ON)")]
    [InlineData(0, 0, 1, 4L, "timestamp 4 us is earlier than the previous event's 5 us")]
    public void Unrepresentable_or_out_of_order_events_are_refused_with_their_index(int x, int y, int polarity, long timestamp, string reason)
    {
        using var stream = new MemoryStream();
        using var writer = new Aedat4Writer(stream, 64, 32);
        writer.Write([new Event(1, 1, 1, 3), new Event(2, 2, 0, 5)], 0, 2);

        var error = Assert.Throws<ArgumentException>(() => writer.Write(new Event((ushort)x, (ushort)y, (byte)polarity, timestamp)));

        Assert.Equal($"AEDAT 4.0 writer: event 2: {reason}", error.Message);
    }

    [Fact]
    public void A_negative_timestamp_is_refused()
    {
        using var stream = new MemoryStream();
        using var writer = new Aedat4Writer(stream, 64, 32);

        var error = Assert.Throws<ArgumentException>(() => writer.Write(new Event(0, 0, 0, -1)));

        Assert.Contains("event 0: timestamp -1 us is negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10, 10, 0, "width")]
    [InlineData(10, 40000, 10, 0, "height")]
    [InlineData(10, 10, 0, 0, "eventsPerPacket")]
    [InlineData(10, 10, 10, 9, "compression")]
    public void Out_of_range_arguments_are_refused_with_their_name(int width, int height, int eventsPerPacket, int compression, string name)
    {
        var error = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new Aedat4Writer(new MemoryStream(), width, height, (Aedat4Compression)compression, eventsPerPacket));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void A_stream_that_cannot_seek_takes_a_file_without_a_table_only()
    {
        var events = AedatEvents.Random(new Random(8), 9, 10, 10, 50);
        using var sink = new MemoryStream();
        using var forward = new ForwardOnlyStream(sink);

        var error = Assert.Throws<ArgumentException>(() => new Aedat4Writer(forward, 10, 10));
        using (var writer = new Aedat4Writer(forward, 10, 10, Aedat4Compression.Zstd, 4, writeFileDataTable: false))
        {
            writer.Write(events, 0, events.Length);
        }

        var outcome = AedatDecodeHarness.Run(() => new Aedat4Decoder("w"), Aedat4DecoderTests.Counters, sink.ToArray(), [], 64);
        Assert.Equal("destination", error.ParamName);
        Assert.Equal(events, outcome.Events);
        Assert.EndsWith("fdp -1", outcome.Counters, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_after_finish_is_refused()
    {
        using var stream = new MemoryStream();
        var writer = new Aedat4Writer(stream, 8, 8);
        writer.Finish();

        Assert.Throws<ObjectDisposedException>(() => writer.Write(new Event(1, 1, 1, 1)));
    }

    private static byte[] Lz4(byte[] frame)
    {
        var output = new ArrayBufferWriter<byte>();
        LZ4Frame.Decode(frame.AsSpan(), output, 0);
        return output.WrittenSpan.ToArray();
    }

    // Field vtable offsets are 4 + 2 × field index, as flatc's generated verifiers use them.
    private static bool VerifyIoHeader(Verifier verifier, uint table) =>
        verifier.VerifyTableStart(table)
        && verifier.VerifyField(table, 4, 4, 4, false)
        && verifier.VerifyField(table, 6, 8, 8, false)
        && verifier.VerifyString(table, 8, true)
        && verifier.VerifyTableEnd(table);

    private static bool VerifyEventPacket(Verifier verifier, uint table) =>
        verifier.VerifyTableStart(table)
        && verifier.VerifyVectorOfData(table, 4, 16, false)
        && verifier.VerifyTableEnd(table);

    private static bool VerifyFileDataTable(Verifier verifier, uint table) =>
        verifier.VerifyTableStart(table)
        && verifier.VerifyVectorOfTables(table, 4, VerifyFileDataDefinition, false)
        && verifier.VerifyTableEnd(table);

    private static bool VerifyFileDataDefinition(Verifier verifier, uint table) =>
        verifier.VerifyTableStart(table)
        && verifier.VerifyField(table, 4, 8, 8, false)
        && verifier.VerifyField(table, 6, 8, 4, false)
        && verifier.VerifyField(table, 8, 8, 8, false)
        && verifier.VerifyField(table, 10, 8, 8, false)
        && verifier.VerifyField(table, 12, 8, 8, false)
        && verifier.VerifyTableEnd(table);

    /// <summary>A write-only stream that cannot seek, like a pipe or a socket.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
