using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>Reads whole Prophesee <c>.dat</c> CD event files.</summary>
public static class DatFile
{
    /// <summary>Reads every CD event of the file (records outside the header's geometry are dropped).</summary>
    /// <exception cref="EventStreamException">The file is malformed (message names the path and byte offset).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Event[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DecodeAll.Run(new DatFileDecoder(path), File.ReadAllBytes(path));
    }
}
