namespace Spiking.Edge.Devices.Formats.NMnist;

/// <summary>
/// The constants of the N-MNIST binary format (Orchard et al. 2015; see README.md in this folder): 5 bytes per
/// event, x and y in 0..33, a 23-bit microsecond timestamp, and y = 240 as the timestamp-overflow marker.
/// </summary>
public static class NMnistFormat
{
    /// <summary>Bytes per record.</summary>
    public const int RecordBytes = 5;

    /// <summary>Sensor width and height in pixels (34 × 34).</summary>
    public const int SensorSize = 34;

    /// <summary>Number of polarities (OFF = 0, ON = 1).</summary>
    public const int Polarities = 2;

    /// <summary>The y value that marks a timestamp-overflow record (Tonic's reader); the record is not an event.</summary>
    public const int OverflowMarkerY = 240;

    /// <summary>Microseconds each overflow marker adds to every later timestamp (2^13, as Tonic does).</summary>
    public const long OverflowIncrementMicroseconds = 1 << 13;

    /// <summary>Largest raw timestamp a record holds (23 bits).</summary>
    public const int MaxRawTimestamp = (1 << 23) - 1;
}
