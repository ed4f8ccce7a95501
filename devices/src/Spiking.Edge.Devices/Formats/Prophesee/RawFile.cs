using System.Text;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// Reads and writes whole Prophesee RAW files. Written files carry a two-line header
/// (<c>% format EVT21;endianness=…;height=…;width=…</c> or <c>% format EVT3;height=…;width=…</c>, then <c>% end</c>)
/// and an EVT 2.1 or EVT 3.0 body from <see cref="Evt21Encoder"/> / <see cref="Evt3Encoder"/>.
/// </summary>
public static class RawFile
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Reads every event of the file, with its header.</summary>
    /// <exception cref="EventStreamException">The file is malformed (message names the path and byte offset).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RawRecording Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var decoder = new RawFileDecoder(path);
        var events = DecodeAll.Run(decoder, File.ReadAllBytes(path));
        return new RawRecording(events, decoder.Format!.Value, decoder.Width, decoder.Height, decoder.Header, decoder.Counters);
    }

    /// <summary>
    /// Writes the first <paramref name="count"/> events to <paramref name="path"/> atomically: a temporary file in the
    /// same folder is written, flushed and renamed over the target, so no half-written file is ever left.
    /// </summary>
    /// <param name="path">Target file.</param>
    /// <param name="events">Events in time order.</param>
    /// <param name="count">Events to write.</param>
    /// <param name="format">Body encoding: <see cref="RawEventFormat.Evt21"/> or <see cref="RawEventFormat.Evt3"/>.</param>
    /// <param name="width">Sensor width (1..2048).</param>
    /// <param name="height">Sensor height (1..2048).</param>
    /// <param name="byteOrder">EVT 2.1 byte order (ignored for EVT 3.0).</param>
    /// <exception cref="ArgumentException">An event cannot be represented, or the format is EVT 2.0 (not written).</exception>
    public static void Write(string path, Event[] events, int count, RawEventFormat format, int width, int height, Evt21ByteOrder byteOrder = Evt21ByteOrder.Little)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(events);
        CheckFormat(format);
        EncoderChecks.Geometry(width, height, Evt21Format.MaxSensorSize);
        AtomicFile.Write(path, stream => Write(stream, events, count, format, width, height, byteOrder));
    }

    /// <summary>Writes a RAW file's header and body for the first <paramref name="count"/> events to <paramref name="destination"/>.</summary>
    /// <param name="destination">Writable stream (not closed).</param>
    /// <param name="events">Events in time order.</param>
    /// <param name="count">Events to write.</param>
    /// <param name="format">Body encoding: <see cref="RawEventFormat.Evt21"/> or <see cref="RawEventFormat.Evt3"/>.</param>
    /// <param name="width">Sensor width (1..2048).</param>
    /// <param name="height">Sensor height (1..2048).</param>
    /// <param name="byteOrder">EVT 2.1 byte order (ignored for EVT 3.0).</param>
    /// <exception cref="ArgumentException">An event cannot be represented, or the format is EVT 2.0 (not written).</exception>
    public static void Write(Stream destination, Event[] events, int count, RawEventFormat format, int width, int height, Evt21ByteOrder byteOrder = Evt21ByteOrder.Little)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(events);
        CheckFormat(format);
        if (count < 0 || count > events.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"must be within 0..{events.Length}");
        }

        var buffer = new byte[BufferBytes];
        byte[] header = Encoding.ASCII.GetBytes(RawHeaderFormat.Text(format, width, height, byteOrder));
        destination.Write(header, 0, header.Length);
        if (format == RawEventFormat.Evt21)
        {
            var encoder = new Evt21Encoder(byteOrder, width, height);
            Pump(destination, buffer, count, (offset, output, out taken) => encoder.Encode(events, offset, count - offset, output, 0, output.Length, out taken));
            destination.Write(buffer, 0, encoder.Flush(buffer, 0, buffer.Length));
        }
        else
        {
            var encoder = new Evt3Encoder(width, height);
            Pump(destination, buffer, count, (offset, output, out taken) => encoder.Encode(events, offset, count - offset, output, 0, output.Length, out taken));
            destination.Write(buffer, 0, encoder.Flush(buffer, 0, buffer.Length));
        }

        destination.Flush();
    }

    private delegate int EncodeStep(int offset, byte[] output, out int taken);

    private static void Pump(Stream destination, byte[] buffer, int count, EncodeStep step)
    {
        int offset = 0;
        while (offset < count)
        {
            int bytes = step(offset, buffer, out int taken);
            destination.Write(buffer, 0, bytes);
            offset += taken;
        }
    }

    private static void CheckFormat(RawEventFormat format)
    {
        if (format != RawEventFormat.Evt21 && format != RawEventFormat.Evt3)
        {
            throw new ArgumentException($"format {format} is not written: RAW files are written as EVT 2.1 or EVT 3.0", nameof(format));
        }
    }
}
