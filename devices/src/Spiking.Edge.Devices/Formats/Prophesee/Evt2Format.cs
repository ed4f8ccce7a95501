namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>The constants of Prophesee's EVT 2.0 format (32-bit little-endian words; type in bits 31–28).</summary>
public static class Evt2Format
{
    /// <summary>Bytes per word.</summary>
    public const int WordBytes = 4;

    /// <summary>Largest sensor side the 11-bit address fields can express.</summary>
    public const int MaxSensorSize = 2048;

    /// <summary>Word type of an OFF event (polarity 0).</summary>
    public const int TypeCdOff = 0x0;

    /// <summary>Word type of an ON event (polarity 1).</summary>
    public const int TypeCdOn = 0x1;

    /// <summary>Word type carrying time bits 33–6 in bits 27–0.</summary>
    public const int TypeTimeHigh = 0x8;

    /// <summary>Word type of an external trigger.</summary>
    public const int TypeExternalTrigger = 0xA;

    /// <summary>Word type opening an IMU event (followed by <see cref="ImuContinuedWords"/> CONTINUED words).</summary>
    public const int TypeImu = 0xD;

    /// <summary>Word type of vendor extensions.</summary>
    public const int TypeOthers = 0xE;

    /// <summary>Word type carrying extra data of a previous word.</summary>
    public const int TypeContinued = 0xF;

    /// <summary>CONTINUED words after an IMU_EVT word (6 words, 24 bytes in all).</summary>
    public const int ImuContinuedWords = 5;

    /// <summary>Mask of the 28-bit time-high field.</summary>
    public const int TimeHighMask = 0x0FFFFFFF;

    /// <summary>A time-high drop of at least this much (half the 28-bit range) is a wrap-around of the 34-bit time.</summary>
    public const int TimeHighHalfRange = 1 << 27;

    /// <summary>Bits of the whole timestamp: it wraps every 2^34 µs (about 4.77 h).</summary>
    public const int TimestampBits = 34;
}
