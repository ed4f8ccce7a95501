using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats;

/// <summary>
/// Event files of any supported format: recognised by content first (AEDAT magic lines <c>#!AER-DAT2.0</c>,
/// <c>#!AER-DAT3.1</c>, <c>#!AER-DAT4.0</c>; a Prophesee "%" header with <c>format</c> / <c>evt</c> keys = RAW, with a
/// <c>Version</c> key = DAT), then by extension (<c>.bin</c> N-MNIST, <c>.raw</c>, <c>.dat</c>, <c>.aedat4</c>);
/// opened as a streaming decoder or read whole; written atomically in the writable formats.
/// </summary>
public static class EventFiles
{
    private const int ReadAllChunkEvents = 1 << 16;

    /// <summary>Recognises the format of <paramref name="path"/> from its first 64 KiB, else from its extension.</summary>
    /// <param name="path">The file.</param>
    /// <param name="aedat2">For AEDAT 2.0 files (whose records state no sensor): the address convention and size;
    /// null to infer them from the header's <c># AEChip:</c> line (DVS128, DAVIS240, DAVIS346 …).</param>
    /// <exception cref="EventStreamException">Neither the content nor the extension is a supported format (the one-line
    /// message lists them), or the file is an AEDAT version that is not read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EventFileInfo Detect(string path, Aedat2Options? aedat2 = null) => EventFileDetector.Detect(path, aedat2);

    /// <summary>
    /// A fresh streaming decoder for the format of <paramref name="path"/> (which the caller feeds; error messages
    /// name the path). An <see cref="Aedat4Decoder"/> holds a Zstandard context: dispose it when done.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="aedat2">AEDAT 2.0 sensor, as for <see cref="Detect"/>.</param>
    /// <exception cref="EventStreamException">The format is not recognised, or an AEDAT 2.0 file names no known sensor
    /// and <paramref name="aedat2"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEventDecoder OpenDecoder(string path, Aedat2Options? aedat2 = null) => CreateDecoder(Detect(path, aedat2));

    /// <summary>Opens the file for streaming reads in 64 KiB chunks through its format's decoder.</summary>
    /// <param name="path">The file.</param>
    /// <param name="aedat2">AEDAT 2.0 sensor, as for <see cref="Detect"/>.</param>
    /// <exception cref="EventStreamException">The format is not recognised (see <see cref="OpenDecoder"/>).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EventFileReader Open(string path, Aedat2Options? aedat2 = null)
    {
        var info = Detect(path, aedat2);
        var decoder = CreateDecoder(info);
        try
        {
            return new EventFileReader(info, decoder);
        }
        catch
        {
            (decoder as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>Reads every event of the file, with its geometry, format description and decoder counters.</summary>
    /// <param name="path">The file.</param>
    /// <param name="aedat2">AEDAT 2.0 sensor, as for <see cref="Detect"/>.</param>
    /// <exception cref="EventStreamException">The format is not recognised, or the file is malformed or truncated
    /// (message names the path and byte offset).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EventRecording ReadAll(string path, Aedat2Options? aedat2 = null)
    {
        using var reader = Open(path, aedat2);
        var events = new Event[ReadAllChunkEvents];
        int total = 0;
        while (true)
        {
            if (events.Length - total < ReadAllChunkEvents)
            {
                Array.Resize(ref events, events.Length * 2);
            }

            int n = reader.Read(events, total, ReadAllChunkEvents);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        Array.Resize(ref events, total);
        return new EventRecording(events, reader.Width, reader.Height, reader.Info, reader.Description, reader.Counters);
    }

    /// <summary>
    /// Writes <paramref name="events"/> to <paramref name="path"/> in <paramref name="format"/>, atomically (a temporary
    /// file in the same folder, flushed and renamed over the target). Everything is checked first: when the data cannot
    /// be written in the format, nothing is created and an existing target is left as it was.
    /// </summary>
    /// <param name="path">The target file.</param>
    /// <param name="events">Events in time order.</param>
    /// <param name="width">Sensor width (N-MNIST: 1..34; RAW: 1..2048; AEDAT 4.0: 1..32767).</param>
    /// <param name="height">Sensor height, same ranges.</param>
    /// <param name="format">The encoding.</param>
    /// <param name="compression">AEDAT 4.0 packet compression (ignored by the other formats).</param>
    /// <exception cref="ArgumentException">The geometry does not fit the format, or an event cannot be represented
    /// (off the sensor, polarity above 1, negative or decreasing timestamp, N-MNIST time beyond its 23-bit field, RAW
    /// time so far from 0 that walking the time counter up would take more than 16 MiB): one line naming the event's
    /// index.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, Event[] events, int width, int height, EventWriteFormat format, Aedat4Compression compression = Aedat4Compression.Lz4)
    {
        ArgumentNullException.ThrowIfNull(path);
        EventWriteChecks.Check(events, width, height, format, compression);
        switch (format)
        {
            case EventWriteFormat.NMnist:
                NMnistFile.Write(path, events, events.Length);
                break;
            case EventWriteFormat.Evt21:
                RawFile.Write(path, events, events.Length, RawEventFormat.Evt21, width, height, Evt21ByteOrder.Little);
                break;
            case EventWriteFormat.Evt21Legacy:
                RawFile.Write(path, events, events.Length, RawEventFormat.Evt21, width, height, Evt21ByteOrder.Legacy);
                break;
            case EventWriteFormat.Evt3:
                RawFile.Write(path, events, events.Length, RawEventFormat.Evt3, width, height);
                break;
            default:
                Aedat4File.Write(path, events, width, height, compression);
                break;
        }
    }

    /// <summary>The decoder of a detected file, labelled with its path.</summary>
    private static IEventDecoder CreateDecoder(EventFileInfo info) => info.Format switch
    {
        EventFileFormat.NMnist => new NMnistDecoder(info.Path),
        EventFileFormat.PropheseeRaw => new RawFileDecoder(info.Path),
        EventFileFormat.PropheseeDat => new DatFileDecoder(info.Path),
        EventFileFormat.Aedat2 => new Aedat2Decoder(
            info.Aedat2 ?? throw new EventStreamException(info.Path, 0, "AEDAT 2.0 records do not state the sensor and the header names no known chip ('# AEChip:' line): give the sensor (DAVIS346, DAVIS240 or DVS128)"),
            info.Path),
        EventFileFormat.Aedat31 => new Aedat31Decoder(info.Path),
        _ => new Aedat4Decoder(info.Path),
    };
}
