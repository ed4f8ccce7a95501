using Spiking.Edge.Trainer.Algorithms.Lee2016;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

public class Lee2016OptionsTests
{
    public static TheoryData<Lee2016Options, string> BadOptions => new()
    {
        { new Lee2016Options { Loss = (CountLoss)7 }, nameof(Lee2016Options.Loss) },
        { new Lee2016Options { Normaliser = (CountNormaliser)7 }, nameof(Lee2016Options.Normaliser) },
        { new Lee2016Options { Wta = (WtaBackward)7 }, nameof(Lee2016Options.Wta) },
        { new Lee2016Options { ThresholdSlope = (ThresholdSlope)7 }, nameof(Lee2016Options.ThresholdSlope) },
        { new Lee2016Options { InputSlope = (InputSlope)7 }, nameof(Lee2016Options.InputSlope) },
        { new Lee2016Options { InhibitionScale = -0.1 }, nameof(Lee2016Options.InhibitionScale) },
        { new Lee2016Options { InhibitionScale = 1.5 }, nameof(Lee2016Options.InhibitionScale) },
        { new Lee2016Options { InhibitionScale = double.NaN }, nameof(Lee2016Options.InhibitionScale) },
        { new Lee2016Options { WeightRegularisation = -1 }, nameof(Lee2016Options.WeightRegularisation) },
        { new Lee2016Options { WeightRegularisationSharpness = double.PositiveInfinity }, nameof(Lee2016Options.WeightRegularisationSharpness) },
        { new Lee2016Options { ThresholdRegularisation = -1e-6 }, nameof(Lee2016Options.ThresholdRegularisation) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_values_are_refused_naming_the_field(Lee2016Options options, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Lee2016 = options }.Validate());
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        new Lee2016Options().Validate();
        Assert.Equal(CountLoss.CrossEntropy, new Lee2016Options().Loss);
    }
}
