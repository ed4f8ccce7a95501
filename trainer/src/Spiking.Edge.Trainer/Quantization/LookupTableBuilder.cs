using Spiking.Edge.Runtime;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// Fills the lookup tables of semantics.md §4.4 on the host: every entry is the real function evaluated at the centre
/// of the entry's input interval, rounded half away from zero, so the table saturates at both ends.
/// </summary>
/// <remarks>
/// <para>Entry width: the largest power of two 2^s whose worst-case error, <c>0.5 (rounding) + slope × (2^s − 1) / 2</c>
/// (output units; slope = the function's largest derivative per input unit), stays within the tolerance; then, if
/// the covered range needs more than <see cref="MaxEntries"/> entries, s grows until it fits (the error bound doubles
/// with each step; only extreme scales get there).</para>
/// <para>Covered range: the inputs where the rounded function is not yet saturated, plus one whole entry on each side,
/// so the first and last entries hold the saturated values and the clamp of §4.4 returns them for every input beyond.
/// It is clipped to the inputs the table can receive.</para>
/// </remarks>
internal static class LookupTableBuilder
{
    /// <summary>Largest table this quantizer writes (the format allows 65,536).</summary>
    public const int MaxEntries = 4096;

    /// <summary>Tolerance of a GRADED output table: one Q7 step.</summary>
    public const double GradedTolerance = 1.0;

    /// <summary>
    /// GRADED output table (semantics §4.1 step 10): <c>y = round(128 σ(x × unit))</c> for the input x = v − threshold in
    /// state units of size <paramref name="unit"/>, values in [0, 128], within one Q7 step of 128 σ everywhere.
    /// </summary>
    public static QuantizedLookupTable Sigmoid(double unit)
    {
        double y1 = Semantics.GradedFullScale;
        double saturation = Math.Log((2 * y1) - 1) / unit; // 128 σ(z) < 0.5 below −ln 255, > 127.5 above ln 255
        long domain = (long)Semantics.StateMax - Semantics.StateMin;
        return Build(x => y1 / (1 + Math.Exp(-x * unit)), y1 / 4 * unit, GradedTolerance, saturation, domain, 0, (int)y1);
    }

    /// <summary>The tolerance of the SRC tables in Q(F) units: 2^(F−9) (a quarter of a Q7 output step), at least 1.</summary>
    public static double SrcTolerance(int fractionBits) => Math.Max(1.0, Math.Pow(2, fractionBits - 9));

    /// <summary>
    /// SRC input table (semantics §4.3 step 2): <c>x = round(2^F ρ tanh(i × unit / ρ))</c> for the input integrator i in
    /// state units of size <paramref name="unit"/>; values in Q(F), clamped to the state range.
    /// </summary>
    public static QuantizedLookupTable SrcInput(double unit, double rho, int fractionBits)
    {
        double one = Math.Pow(2, fractionBits);
        double edge = 1 - (1 / (2 * rho * one));
        double saturation = edge <= 0 ? 0 : rho * Math.Atanh(edge) / unit;
        return Build(i => one * rho * Math.Tanh(i * unit / rho), one * unit, SrcTolerance(fractionBits), saturation, Semantics.StateMax, Semantics.StateMin, Semantics.StateMax);
    }

    /// <summary>SRC fast table (semantics §4.3 step 6): <c>h = round(2^F tanh(a / 2^F))</c>, input and values in Q(F).</summary>
    public static QuantizedLookupTable SrcFast(int fractionBits)
    {
        double one = Math.Pow(2, fractionBits);
        double saturation = Math.Atanh(1 - (1 / (2 * one))) * one;
        int max = 1 << fractionBits;
        return Build(a => one * Math.Tanh(a / one), 1.0, SrcTolerance(fractionBits), saturation, Semantics.StateMax, -max, max);
    }

    /// <summary>
    /// A table of <paramref name="f"/> (integer input → output in integer units, unrounded), symmetric coverage
    /// ±(<paramref name="saturation"/> + one entry) clipped to ±<paramref name="domain"/>.
    /// </summary>
    internal static QuantizedLookupTable Build(Func<double, double> f, double slope, double tolerance, double saturation, long domain, int min, int max)
    {
        int shift = 0;
        while (shift < Semantics.MaxTableInputShift && 0.5 + (slope * ((Math.Pow(2, shift + 1) - 1) / 2)) <= tolerance)
        {
            shift++;
        }

        long reach = (long)Math.Min(domain, Math.Ceiling(saturation));
        while (true)
        {
            long width = 1L << shift;
            long low = Math.Max(-domain, -reach - width), high = Math.Min(domain, reach + width);
            long offset = low >> shift, last = high >> shift;
            if (last - offset + 1 <= MaxEntries || shift == Semantics.MaxTableInputShift)
            {
                var values = new int[last - offset + 1];
                for (int j = 0; j < values.Length; j++)
                {
                    double centre = ((offset + j) * (double)width) + ((width - 1) / 2.0);
                    values[j] = (int)Math.Clamp(Rounding.HalfAwayFromZero(f(centre)), min, max);
                }

                return new QuantizedLookupTable(shift, checked((int)offset), values);
            }

            shift++;
        }
    }
}
