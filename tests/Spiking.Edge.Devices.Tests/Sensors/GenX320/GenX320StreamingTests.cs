using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Devices.Sensors.GenX320;
using Spiking.Edge.Devices.Tests.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

public class GenX320StreamingTests
{
    private static readonly Event[] Recorded = PropheseeStreams.Events(new Random(320), 6_000, 320, 320, 50_000);
    private static readonly byte[] RecordedBytes = PropheseeStreams.Evt21(Recorded, Evt21ByteOrder.Little, 320, 320);

    [Theory]
    [InlineData(GenX320OutputInterface.Cpi, 0x8000)]
    [InlineData(GenX320OutputInterface.Mipi, 0xB000)]
    public void Starting_selects_evt21_enables_the_output_and_releases_the_readout(GenX320OutputInterface output, int outputRegister)
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create(rig.Options(o => new GenX320Options { OutputInterface = output, DelayMicroseconds = o.DelayMicroseconds }));
        rig.I2c.Registers[(ushort)outputRegister] = 0x10008800;
        rig.I2c.Registers[0x9008] = 0x194;

        sensor.StartStreaming();

        Assert.Equal(2u, rig.I2c.Last(0x7044));
        Assert.Equal(0x10008801u, rig.I2c.Last((ushort)outputRegister));
        Assert.Equal(0u, rig.I2c.Last(0x9028));
        Assert.Equal(0x195u, rig.I2c.Last(0x9008));
        Assert.Equal(0x0022C724u, rig.I2c.Last(0x002C));
        Assert.Equal(0x00000C02u, rig.I2c.Last(0x0000));
        Assert.True(sensor.IsStreaming);
    }

    [Fact]
    public void Stopping_resets_the_pixels_stops_the_readout_enters_low_power_and_disables_the_output()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        sensor.StartStreaming();
        rig.Delays.Clear();

        sensor.StopStreaming();

        Assert.Equal(0x00000802u, rig.I2c.Last(0x0000));
        Assert.Equal(0x00200624u, rig.I2c.Last(0x002C));
        Assert.Equal(2u, rig.I2c.Last(0x9028));
        Assert.Equal(0u, rig.I2c.Last(0x9008) & 1);
        Assert.Equal(0u, rig.I2c.Last(0x8000) & 1);
        Assert.Equal([1_000], rig.Delays);
        Assert.False(sensor.IsStreaming);
    }

    [Fact]
    public void Reading_before_starting_is_refused()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();

        var error = Assert.Throws<InvalidOperationException>(() => sensor.ReadEvents(new Event[8], 0, 8));

        Assert.Equal("GenX320 on I2C bus 1 address 0x3C: ReadEvents needs StartStreaming first", error.Message);
    }

    [Theory]
    [InlineData(13, 7)]
    [InlineData(4_093, 64)]
    [InlineData(8, 1)]
    [InlineData(65_536, 1_000)]
    public void Events_replayed_over_spi_in_chunks_ending_mid_word_come_out_unchanged(int chunkBytes, int capacity)
    {
        using var rig = new GenX320Rig(spiData: RecordedBytes);
        var sensor = rig.Create(rig.Options(o => new GenX320Options { ReadChunkBytes = chunkBytes, DelayMicroseconds = o.DelayMicroseconds }));
        sensor.StartStreaming();

        var events = ReadUntilExhausted(sensor, rig.Spi, capacity);

        Assert.Equal(Recorded, events);
        Assert.Equal(Recorded.Length, sensor.EventCount);
        Assert.True(sensor.BytesRead >= RecordedBytes.Length);
    }

    [Fact]
    public void Zero_filler_after_the_data_decodes_to_nothing()
    {
        using var rig = new GenX320Rig(spiData: RecordedBytes);
        var sensor = rig.Create(rig.Options(o => new GenX320Options { ReadChunkBytes = 1_000, DelayMicroseconds = o.DelayMicroseconds }));
        sensor.StartStreaming();
        ReadUntilExhausted(sensor, rig.Spi, 256);
        var counters = sensor.Counters;

        int more = 0;
        for (int i = 0; i < 50; i++)
        {
            more += sensor.ReadEvents(new Event[256], 0, 256);
        }

        Assert.Equal(0, more);
        Assert.Equal(counters, sensor.Counters);
    }

    [Fact]
    public void A_bus_error_surfaces_after_every_event_read_before_it_naming_the_bus_and_the_stream_offset()
    {
        const int chunk = 1_001;
        const int failingRead = 7;
        using var rig = new GenX320Rig(spiData: RecordedBytes);
        rig.Spi.FailingRead = failingRead;
        var sensor = rig.Create(rig.Options(o => new GenX320Options { ReadChunkBytes = chunk, DelayMicroseconds = o.DelayMicroseconds }));
        sensor.StartStreaming();
        var events = new List<Event>();
        var buffer = new Event[5];

        GenX320BusException? error = null;
        for (int guard = 0; guard < 100_000 && error == null; guard++)
        {
            try
            {
                int n = sensor.ReadEvents(buffer, 0, buffer.Length);
                events.AddRange(buffer.Take(n));
            }
            catch (GenX320BusException e)
            {
                error = e;
            }
        }

        Assert.NotNull(error);
        Assert.Equal(failingRead * chunk, error.StreamOffset);
        Assert.Equal($"GenX320 on SPI bus 0 chip select 0: reading event data at stream byte offset {failingRead * chunk} failed: Error 5 performing SPI data transfer.", error.Message);
        Assert.Equal(DecodePrefix(failingRead * chunk), events);
        Assert.Same(error, Assert.Throws<GenX320BusException>(() => sensor.ReadEvents(buffer, 0, buffer.Length)));
    }

    [Fact]
    public void Restarting_after_a_bus_error_clears_it_and_starts_a_new_stream()
    {
        using var rig = new GenX320Rig(spiData: RecordedBytes);
        rig.Spi.FailingRead = 0;
        var sensor = rig.Create();
        sensor.StartStreaming();
        Assert.Throws<GenX320BusException>(() => sensor.ReadEvents(new Event[4], 0, 4));

        sensor.StopStreaming();
        sensor.StartStreaming();
        var buffer = new Event[4];
        int n = sensor.ReadEvents(buffer, 0, 4);

        // The failed transfer handed out no bytes, so the new stream starts at the recording's first byte.
        Assert.Equal(4, n);
        Assert.Equal(Recorded.Take(4), buffer);
        Assert.Equal(4_096, sensor.BytesRead);
    }

    [Fact]
    public void A_malformed_word_from_the_port_is_reported_with_the_data_source_and_offset_after_the_events_before_it()
    {
        var words = RecordedBytes.AsSpan(0, 800).ToArray();
        var bad = new byte[8];
        bad[7] = 0x20; // type 0x2: reserved in EVT 2.1
        using var rig = new GenX320Rig(spiData: [.. words, .. bad]);
        var sensor = rig.Create(rig.Options(o => new GenX320Options { ReadChunkBytes = 4_096, DelayMicroseconds = o.DelayMicroseconds }));
        sensor.StartStreaming();
        var buffer = new Event[100_000];

        int n = sensor.ReadEvents(buffer, 0, buffer.Length);
        var error = Assert.Throws<EventStreamException>(() => sensor.ReadEvents(buffer, 0, buffer.Length));

        Assert.Equal(DecodePrefix(800), buffer.Take(n));
        Assert.Equal("SPI bus 0 chip select 0", error.Source);
        Assert.Equal(800, error.Offset);
    }

    [Fact]
    public void Reading_allocates_nothing_per_event()
    {
        using var rig = new GenX320Rig(spiData: RecordedBytes);
        var sensor = rig.Create(rig.Options(o => new GenX320Options { ReadChunkBytes = 997, DelayMicroseconds = o.DelayMicroseconds }));
        sensor.StartStreaming();
        var buffer = new Event[64];
        for (int i = 0; i < 20; i++)
        {
            sensor.ReadEvents(buffer, 0, buffer.Length);
        }

        long events = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (!rig.Spi.Exhausted)
        {
            events += sensor.ReadEvents(buffer, 0, buffer.Length);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(events > 4_000, $"only {events} events");
        Assert.Equal(0, allocated);
    }

    private static List<Event> ReadUntilExhausted(GenX320Sensor sensor, SimulatedSpiDevice spi, int capacity)
    {
        var events = new List<Event>();
        var buffer = new Event[capacity + 3];
        int idle = 0;
        while (idle < 3)
        {
            int n = sensor.ReadEvents(buffer, 3, capacity);
            events.AddRange(buffer.Skip(3).Take(n));
            idle = spi.Exhausted && n == 0 ? idle + 1 : 0;
        }

        return events;
    }

    private static List<Event> DecodePrefix(int bytes)
    {
        var decoder = new Evt21Decoder(Evt21ByteOrder.Little, 320, 320);
        var output = new Event[bytes * 4 + 32];
        int n = decoder.Decode(RecordedBytes, 0, bytes, output, 0, output.Length, out _);
        return output.Take(n).ToList();
    }
}
