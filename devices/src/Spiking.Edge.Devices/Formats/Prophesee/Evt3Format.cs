namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>The constants of Prophesee's EVT 3.0 format (16-bit little-endian words; type in bits 15–12).</summary>
public static class Evt3Format
{
    /// <summary>Bytes per word.</summary>
    public const int WordBytes = 2;

    /// <summary>Largest sensor side the 11-bit address fields can express.</summary>
    public const int MaxSensorSize = 2048;

    /// <summary>Sets the current row (bits 10–0; bit 11 is the master/slave system type).</summary>
    public const int TypeAddrY = 0x0;

    /// <summary>One event at x = bits 10–0, polarity bit 11, on the current row at the current time.</summary>
    public const int TypeAddrX = 0x2;

    /// <summary>Sets the vector base x (bits 10–0) and polarity (bit 11).</summary>
    public const int TypeVectBaseX = 0x3;

    /// <summary>12-bit mask of events from the base x; the base then advances by 12.</summary>
    public const int TypeVect12 = 0x4;

    /// <summary>8-bit mask of events from the base x; the base then advances by 8.</summary>
    public const int TypeVect8 = 0x5;

    /// <summary>Sets time bits 11–0.</summary>
    public const int TypeTimeLow = 0x6;

    /// <summary>4 bits of extra data of a previous word.</summary>
    public const int TypeContinued4 = 0x7;

    /// <summary>Sets time bits 23–12.</summary>
    public const int TypeTimeHigh = 0x8;

    /// <summary>External trigger.</summary>
    public const int TypeExternalTrigger = 0xA;

    /// <summary>IMU data (OpenEB's type list; skipped with the OTHERS words).</summary>
    public const int TypeImu = 0xD;

    /// <summary>Vendor extensions.</summary>
    public const int TypeOthers = 0xE;

    /// <summary>12 bits of extra data of a previous word.</summary>
    public const int TypeContinued12 = 0xF;

    /// <summary>Mask of a 12-bit field.</summary>
    public const int FieldMask = 0xFFF;

    /// <summary>A time-high drop of at least this much (half the 12-bit range) is a wrap-around of the 24-bit time.</summary>
    public const int TimeHighHalfRange = 1 << 11;

    /// <summary>Bits of the whole timestamp: it wraps every 2^24 µs (about 16.8 s).</summary>
    public const int TimestampBits = 24;
}
