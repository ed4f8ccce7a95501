using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>Reads whole AEDAT files of any supported version (2.0, 3.1, 4.0), chosen by the file's first line.</summary>
public static class AedatFile
{
    private const int ChunkBytes = 1 << 20;
    private const int ChunkEvents = 1 << 16;

    /// <summary>Reads every event of the file, streaming it through the decoder of its version.</summary>
    /// <param name="path">The file.</param>
    /// <param name="aedat2">Address convention and sensor size, needed for AEDAT 2.0 files (which state neither).</param>
    /// <exception cref="EventStreamException">The file is not AEDAT 2.0 / 3.1 / 4.0, or is malformed (message names the path and byte offset).</exception>
    /// <exception cref="ArgumentException">The file is AEDAT 2.0 and <paramref name="aedat2"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AedatRecording Read(string path, Aedat2Options? aedat2 = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var first = new byte[Aedat4Format.MagicBytes];
        int got = stream.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var line = first.AsSpan(0, got);
        if (line.StartsWith("#!AER-DAT4.0"u8))
        {
            using var decoder = new Aedat4Decoder(path);
            return ReadAll(stream, decoder, "4.0");
        }

        if (line.StartsWith("#!AER-DAT3.1"u8))
        {
            return ReadAll(stream, new Aedat31Decoder(path), "3.1");
        }

        if (line.StartsWith("#!AER-DAT2.0"u8))
        {
            if (aedat2 == null)
            {
                throw new ArgumentException($"{path} is AEDAT 2.0, which does not state its sensor: pass Aedat2Options", nameof(aedat2));
            }

            return ReadAll(stream, new Aedat2Decoder(aedat2, path), "2.0");
        }

        throw new EventStreamException(path, 0, $"not an AEDAT 2.0, 3.1 or 4.0 file: it starts with '{AedatText.Preview(line)}'");
    }

    /// <summary>Decodes a whole stream with <paramref name="decoder"/> (reset first), in chunks.</summary>
    internal static AedatRecording ReadAll(Stream stream, IEventDecoder decoder, string version)
    {
        decoder.Reset();
        var input = new byte[ChunkBytes];
        var output = new Event[ChunkEvents];
        var events = new List<Event>();
        int length;
        while ((length = stream.Read(input, 0, input.Length)) > 0)
        {
            int offset = 0;
            while (offset < length)
            {
                int n = decoder.Decode(input, offset, length - offset, output, 0, output.Length, out int consumed);
                events.AddRange(new ArraySegment<Event>(output, 0, n));
                offset += consumed;
            }
        }

        decoder.Finish();
        return new AedatRecording([.. events], decoder.Width, decoder.Height, version);
    }
}
