using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>Reads and writes whole AEDAT 4.0 files.</summary>
public static class Aedat4File
{
    /// <summary>Reads every event of an AEDAT 4.0 file (every EVTS stream, in file order).</summary>
    /// <exception cref="EventStreamException">The file is malformed (message names the path and byte offset).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AedatRecording Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var decoder = new Aedat4Decoder(path);
        return AedatFile.ReadAll(stream, decoder, "4.0");
    }

    /// <summary>
    /// Writes <paramref name="events"/> to <paramref name="path"/> as AEDAT 4.0 with a FileDataTable, atomically: a
    /// temporary file in the same folder is written, flushed and renamed over the target, so no half-written file is
    /// ever left.
    /// </summary>
    /// <param name="path">The target file.</param>
    /// <param name="events">The events, timestamps non-decreasing.</param>
    /// <param name="width">Sensor width, 1..32767.</param>
    /// <param name="height">Sensor height, 1..32767.</param>
    /// <param name="compression">Packet compression.</param>
    /// <param name="eventsPerPacket">Most events per packet.</param>
    /// <exception cref="ArgumentException">An event is out of order or out of range (message names its index), or an argument is out of range.</exception>
    public static void Write(string path, Event[] events, int width, int height, Aedat4Compression compression = Aedat4Compression.Lz4, int eventsPerPacket = Aedat4Writer.DefaultEventsPerPacket)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(events);
        string full = Path.GetFullPath(path);
        string temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                using var writer = new Aedat4Writer(stream, width, height, compression, eventsPerPacket);
                writer.Write(events, 0, events.Length);
                writer.Finish();
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
