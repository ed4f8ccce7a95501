namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// A host-computed lookup table in the form of semantics.md §4.4: <c>index = (x &gt;&gt; InputShift) − InputOffset</c>,
/// clamped to <c>[0, Values.Length − 1]</c>; the result is <c>Values[index]</c>.
/// </summary>
/// <param name="InputShift">0..30: arithmetic shift (floor) of the input.</param>
/// <param name="InputOffset">The value of <c>x &gt;&gt; InputShift</c> that maps to <c>Values[0]</c>.</param>
/// <param name="Values">1..65,536 entries.</param>
public sealed record QuantizedLookupTable(int InputShift, int InputOffset, int[] Values)
{
    /// <summary>The table's value for the integer input <paramref name="x"/> (semantics §4.4).</summary>
    public int Lookup(long x)
    {
        long index = (x >> InputShift) - InputOffset;
        return Values[(int)Math.Clamp(index, 0, Values.Length - 1)];
    }

    /// <summary>The smallest input that maps to entry <paramref name="entry"/> (the first entry starts the covered range).</summary>
    public long EntryStart(int entry) => ((long)InputOffset + entry) << InputShift;
}
