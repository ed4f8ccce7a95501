using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;

public class LearningRatesTests
{
    private static readonly TrainingOptions Base = new() { LearningRate = 0.01, Epochs = 4 };

    [Fact]
    public void Constant_gives_the_base_rate_at_every_step()
    {
        Assert.All(new[] { (1, 0), (2, 5), (4, 9) }, p => Assert.Equal(0.01, LearningRates.At(Base, p.Item1, p.Item2, 10)));
    }

    [Fact]
    public void Cosine_starts_at_the_base_rate_halves_at_mid_run_and_ends_near_zero()
    {
        var cosine = Base with { Schedule = LearningRateSchedule.Cosine };
        Assert.Equal(0.01, LearningRates.At(cosine, 1, 0, 10), 15);
        Assert.Equal(0.005, LearningRates.At(cosine, 3, 0, 10), 15);
        Assert.Equal(0.01 * 0.5 * (1 + Math.Cos(Math.PI * 39 / 40.0)), LearningRates.At(cosine, 4, 9, 10), 15);
        Assert.True(LearningRates.At(cosine, 4, 9, 10) < 0.0001);
    }

    [Fact]
    public void Inverse_sqrt_divides_the_base_rate_by_the_root_of_the_epoch_number()
    {
        var schedule = Base with { Schedule = LearningRateSchedule.InverseSqrtEpoch };
        Assert.Equal(0.01, LearningRates.At(schedule, 1, 7, 10), 15);
        Assert.Equal(0.005, LearningRates.At(schedule, 4, 0, 10), 15);
    }

    [Theory]
    [InlineData("constant", LearningRateSchedule.Constant)]
    [InlineData("Cosine", LearningRateSchedule.Cosine)]
    [InlineData("inverse-sqrt", LearningRateSchedule.InverseSqrtEpoch)]
    public void Schedule_names_parse_and_print_back(string name, LearningRateSchedule expected)
    {
        Assert.Equal(expected, LearningRates.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), LearningRates.NameOf(expected));
    }

    [Fact]
    public void An_unknown_schedule_name_is_refused_listing_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => LearningRates.Parse("step"));
        Assert.Equal("unknown learning-rate schedule 'step'; valid: constant, cosine, inverse-sqrt", error.Message);
    }
}
