namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>Pieces of the one-line error reasons shared by the Prophesee decoders.</summary>
internal static class PropheseeText
{
    public static string Hex(int type) => $"0x{type:X}";

    public static string TimeHighBack(long fromMicroseconds, long toMicroseconds, string range)
        => $"TIME_HIGH goes back from {fromMicroseconds} us to {toMicroseconds} us, less than half the {range} us range (not a wrap-around)";
}
