using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.NMnist;

/// <summary>Reads and writes whole N-MNIST <c>.bin</c> files.</summary>
public static class NMnistFile
{
    /// <summary>Reads every event of the file.</summary>
    /// <exception cref="EventStreamException">The file is malformed (message names the path and byte offset).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Event[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = File.ReadAllBytes(path);
        var events = new Event[bytes.Length / NMnistFormat.RecordBytes];
        var decoder = new NMnistDecoder(path);
        int total = 0;
        int offset = 0;
        while (offset < bytes.Length)
        {
            total += decoder.Decode(bytes, offset, bytes.Length - offset, events, total, events.Length - total, out int consumed);
            offset += consumed;
            if (consumed == 0)
            {
                break;
            }
        }

        decoder.Finish();
        if (total != events.Length)
        {
            Array.Resize(ref events, total);
        }

        return events;
    }

    /// <summary>
    /// Writes the first <paramref name="count"/> events to <paramref name="path"/> atomically: a temporary file in
    /// the same folder is written, flushed and renamed over the target, so no half-written file is ever left.
    /// </summary>
    /// <exception cref="ArgumentException">An event cannot be represented in the format.</exception>
    public static void Write(string path, Event[] events, int count)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(events);
        string full = Path.GetFullPath(path);
        string temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var encoder = new NMnistEncoder(stream);
                encoder.Write(events, 0, count);
                encoder.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
