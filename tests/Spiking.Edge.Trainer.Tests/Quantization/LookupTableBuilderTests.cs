using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Tests.Quantization;

/// <summary>The host-filled lookup tables (semantics §4.4): size, saturation and accuracy against the real function.</summary>
public class LookupTableBuilderTests
{
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1.0 / 128 / 127)]
    [InlineData(0.003)]
    [InlineData(1.0 / 32)]
    [InlineData(0.05)]
    [InlineData(0.7)]
    [InlineData(20.0)]
    public void The_graded_table_is_within_one_Q7_step_of_128_sigmoid_everywhere(double unit)
    {
        QuantizedLookupTable table = LookupTableBuilder.Sigmoid(unit);
        Assert.InRange(table.Values.Length, 1, LookupTableBuilder.MaxEntries);
        Assert.All(table.Values, v => Assert.InRange(v, 0, 128));
        Assert.Equal(0, table.Values[0]);
        Assert.Equal(128, table.Values[^1]);
        foreach (long x in Inputs(Math.Log(255) / unit, (long)Semantics.StateMax - Semantics.StateMin))
        {
            double expected = 128 / (1 + Math.Exp(-x * unit));
            Assert.True(Math.Abs(table.Lookup(x) - expected) <= 1.0, $"unit {unit}: table({x}) = {table.Lookup(x)}, 128 sigma = {expected:F3}");
        }
    }

    [Fact]
    public void The_graded_table_uses_the_coarsest_entries_that_keep_the_bound()
    {
        // u = 1/1024: 2^s − 1 ≤ 1024 / 32 = 32 → s = 5; one entry more would double the error bound.
        QuantizedLookupTable table = LookupTableBuilder.Sigmoid(1.0 / 1024);
        Assert.Equal(5, table.InputShift);
        Assert.InRange(table.Values.Length, 300, 400); // ±ln 255 × 1024 / 32 ≈ ±177 entries
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(14)]
    public void The_src_fast_table_is_tanh_in_Q_F_within_the_tolerance(int fractionBits)
    {
        QuantizedLookupTable table = LookupTableBuilder.SrcFast(fractionBits);
        double one = Math.Pow(2, fractionBits);
        double tolerance = LookupTableBuilder.SrcTolerance(fractionBits);
        Assert.InRange(table.Values.Length, 1, LookupTableBuilder.MaxEntries);
        Assert.Equal((int)-one, table.Values[0]);
        Assert.Equal((int)one, table.Values[^1]);
        foreach (long a in Inputs(6 * one, 1L << 40))
        {
            double expected = one * Math.Tanh(a / one);
            Assert.True(Math.Abs(table.Lookup(a) - expected) <= tolerance, $"F {fractionBits}: table({a}) = {table.Lookup(a)}, tanh = {expected:F3}");
        }
    }

    [Theory]
    [InlineData(1.0, 1e-3, 12)]
    [InlineData(2.0, 1.0 / 127, 12)]
    [InlineData(0.5, 1e-5, 12)]
    [InlineData(3.0, 0.05, 10)]
    [InlineData(1.0, 4.0, 14)]
    public void The_src_input_table_is_rho_tanh_in_Q_F_within_the_tolerance(double rho, double unit, int fractionBits)
    {
        QuantizedLookupTable table = LookupTableBuilder.SrcInput(unit, rho, fractionBits);
        double one = Math.Pow(2, fractionBits);
        double tolerance = LookupTableBuilder.SrcTolerance(fractionBits);
        Assert.InRange(table.Values.Length, 1, LookupTableBuilder.MaxEntries);
        foreach (long i in Inputs(8 * rho / unit, Semantics.StateMax))
        {
            double expected = one * rho * Math.Tanh(i * unit / rho);
            Assert.True(Math.Abs(table.Lookup(i) - expected) <= tolerance, $"rho {rho}, unit {unit}: table({i}) = {table.Lookup(i)}, rho tanh = {expected:F3}");
        }
    }

    [Fact]
    public void Each_entry_holds_the_function_at_the_centre_of_its_interval_rounded_half_away_from_zero()
    {
        QuantizedLookupTable table = LookupTableBuilder.Sigmoid(1.0 / 1024);
        for (int j = 0; j < table.Values.Length; j++)
        {
            double centre = table.EntryStart(j) + (((1 << table.InputShift) - 1) / 2.0);
            Assert.Equal(Math.Round(128 / (1 + Math.Exp(-centre / 1024)), MidpointRounding.AwayFromZero), table.Values[j]);
        }
    }

    [Fact]
    public void A_graded_layer_gets_the_table_of_its_state_unit()
    {
        var spec = OptionSpecs.Network(ReadoutMode.SpikeCount, OptionSpecs.Graded("g", 1, 2, [0.254f, 0.1f]));
        QuantizedLayer q = Quantizer.Quantize(spec).Layers[0];
        Assert.Equal(LookupTableBuilder.Sigmoid(q.StateUnit[0]).Values, q.OutputTable!.Values);
        Assert.Equal(LookupTableBuilder.Sigmoid(q.StateUnit[0]).InputOffset, q.OutputTable.InputOffset);
    }

    /// <summary>Every input near the centre, a sweep across ±2 × <paramref name="reach"/>, and the domain ends.</summary>
    private static IEnumerable<long> Inputs(double reach, long domain)
    {
        long span = (long)Math.Min(domain, 2 * Math.Ceiling(reach) + 2);
        long step = Math.Max(1, span / 20_000);
        for (long x = -span; x <= span; x += step)
        {
            yield return x;
        }

        for (long x = -300; x <= 300; x++)
        {
            yield return x;
        }

        yield return -domain;
        yield return domain;
    }
}
