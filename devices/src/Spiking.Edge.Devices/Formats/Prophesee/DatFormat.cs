namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// The constants of Prophesee's <c>.dat</c> CD event files (OpenEB <c>dat_tools.py</c>): "% Key value" header lines,
/// then one byte of event type and one of event size, then 8-byte records (uint32 t in µs; int32 with x in bits 13–0,
/// y in bits 27–14, polarity in bit 28).
/// </summary>
public static class DatFormat
{
    /// <summary>Event type id of Event2D records.</summary>
    public const int TypeEvent2D = 0;

    /// <summary>Event type id of EventCD records.</summary>
    public const int TypeEventCD = 12;

    /// <summary>Bytes of a CD record.</summary>
    public const int RecordBytes = 8;

    /// <summary>Largest sensor side the 14-bit address fields can express.</summary>
    public const int MaxSensorSize = 1 << 14;

    /// <summary>Header key of the sensor height.</summary>
    public const string HeightKey = "Height";

    /// <summary>Header key of the sensor width.</summary>
    public const string WidthKey = "Width";

    /// <summary>The name OpenEB gives an event type id (for error messages).</summary>
    public static string TypeName(int type) => type switch
    {
        TypeEvent2D => "Event2D",
        TypeEventCD => "EventCD",
        14 => "EventExtTrigger",
        40 => "EventOpticalFlow",
        _ => "unknown",
    };
}
