using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Functional;

namespace Spiking.Edge.Trainer.Tests.Cells;

public class LifParametersTests
{
    [Theory]
    [InlineData(ResetMode.Unspecified)]
    [InlineData((ResetMode)99)]
    public void Invalid_reset_mode_is_refused_listing_the_valid_choices(ResetMode reset)
    {
        var error = Assert.Throws<ArgumentException>(() => new LifParameters(reset: reset));
        Assert.Contains(reset.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("valid choices: Zero, Subtract, None", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ThresholdComparison.Unspecified)]
    [InlineData((ThresholdComparison)7)]
    public void Invalid_comparison_is_refused_listing_the_valid_choices(ThresholdComparison comparison)
    {
        var error = Assert.Throws<ArgumentException>(() => new LifParameters(comparison: comparison));
        Assert.Contains("valid choices: GreaterOrEqual, Greater", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(25)]
    public void Leak_shift_outside_0_to_24_is_refused(int leakShift)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LifParameters(leakShift: leakShift));
        Assert.Equal("leakShift", error.ParamName);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Threshold_that_is_not_a_finite_positive_number_is_refused(float threshold)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LifParameters(threshold: threshold));
        Assert.Equal("threshold", error.ParamName);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    public void Surrogate_slope_that_is_not_a_finite_positive_number_is_refused(float slope)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifParameters(surrogateSlope: slope));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(24)]
    public void Beta_is_one_minus_two_to_the_minus_leak_shift(int leakShift)
    {
        Assert.Equal(1.0 - Math.Pow(2, -leakShift), new LifParameters(leakShift: leakShift).Beta, 7);
    }

    [Fact]
    public void Leak_shift_zero_means_no_leak()
    {
        Assert.Equal(1f, new LifParameters(leakShift: 0).Beta);
    }

    [Fact]
    public void Defaults_are_leak_shift_4_threshold_1_greater_or_equal_subtract_slope_10_detached_reset()
    {
        var p = new LifParameters();
        Assert.Equal((4, 0.9375f, 1f, ThresholdComparison.GreaterOrEqual, ResetMode.Subtract, 10f, true), (p.LeakShift, p.Beta, p.Threshold, p.Comparison, p.Reset, p.SurrogateSlope, p.DetachReset));
    }
}
