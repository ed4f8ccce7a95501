using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Devices.Sources.Serial;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>Seeded time-ordered event streams, and the files, EVT 2.1 words and serial frames made of them.</summary>
internal static class TestEvents
{
    /// <summary>
    /// <paramref name="count"/> events inside width × height, time-ordered, with gaps of 0..2·meanGap µs, starting at
    /// <paramref name="startMicroseconds"/>; pixels cluster around a moving centre so that windows differ.
    /// </summary>
    public static Event[] Random(int seed, int count, int width, int height, int meanGapMicroseconds, long startMicroseconds = 0)
    {
        var random = new Random(seed);
        var events = new Event[count];
        long t = startMicroseconds;
        for (int i = 0; i < count; i++)
        {
            t += random.Next(2 * meanGapMicroseconds + 1);
            double phase = t / 40_000.0;
            int cx = (int)((width / 2) + (width / 3 * Math.Cos(phase)));
            int cy = (int)((height / 2) + (height / 3 * Math.Sin(phase)));
            int x = Math.Clamp(cx + random.Next(-width / 6, (width / 6) + 1), 0, width - 1);
            int y = Math.Clamp(cy + random.Next(-height / 6, (height / 6) + 1), 0, height - 1);
            events[i] = new Event((ushort)x, (ushort)y, (byte)random.Next(2), t);
        }

        return events;
    }

    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "spiking-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes the events as an N-MNIST file (34 × 34) in <paramref name="folder"/>.</summary>
    public static string WriteNMnist(string folder, Event[] events, string name = "recording.bin")
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        EventFiles.Write(path, events, HostTestModels.Side, HostTestModels.Side, EventWriteFormat.NMnist);
        return path;
    }

    /// <summary>EVT 2.1 little-endian words of the events (what a GenX320 sends).</summary>
    public static byte[] Evt21(Event[] events, int width, int height)
    {
        var encoder = new Evt21Encoder(Evt21ByteOrder.Little, width, height);
        using var stream = new MemoryStream();
        var chunk = new byte[8192];
        int offset = 0;
        while (offset < events.Length)
        {
            int bytes = encoder.Encode(events, offset, events.Length - offset, chunk, 0, chunk.Length, out int taken);
            stream.Write(chunk, 0, bytes);
            offset += taken;
            Assert.True(bytes > 0 || taken > 0, "encoder made no progress");
        }

        stream.Write(chunk, 0, encoder.Flush(chunk, 0, chunk.Length));
        return stream.ToArray();
    }

    /// <summary>The words packed into SE21 frames of at most <paramref name="maxPayloadBytes"/>, back to back.</summary>
    public static byte[] SerialFrames(byte[] words, int maxPayloadBytes)
    {
        var encoder = new SerialFrameEncoder(maxPayloadBytes);
        using var stream = new MemoryStream();
        var frame = new byte[SerialFraming.MaxFrameBytes];
        int offset = 0;
        while (offset < words.Length)
        {
            int bytes = encoder.EncodeFrame(words.AsSpan(offset), frame, out int consumed);
            Assert.True(consumed > 0, "frame encoder made no progress");
            stream.Write(frame, 0, bytes);
            offset += consumed;
        }

        return stream.ToArray();
    }
}
