using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Algorithms.Lee2016;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Algorithms;

public class AlgorithmOptionsJsonTests
{
    [Fact]
    public void Lee2016_settings_are_read_and_unnamed_ones_keep_their_defaults()
    {
        var options = AlgorithmOptionsJson.Apply(new TrainingOptions { Algorithm = TrainingAlgorithm.Lee2016 }, """
            // comments are allowed
            { "loss": "normalisedMse", "weightRegularisation": 0.5 }
            """);
        Assert.Equal(CountLoss.NormalisedMse, options.Lee2016.Loss);
        Assert.Equal(0.5, options.Lee2016.WeightRegularisation);
        Assert.Equal(new Lee2016Options().ThresholdRegularisation, options.Lee2016.ThresholdRegularisation);
        Assert.Equal(new StRsbpOptions(), options.StRsbp);
    }

    [Fact]
    public void St_rsbp_settings_are_read_into_the_run_options()
    {
        var options = AlgorithmOptionsJson.Apply(new TrainingOptions { Algorithm = TrainingAlgorithm.StRsbp }, """{ "desiredLevel": 8, "undesiredLevel": 1, "margin": 1, "boosting": false }""");
        Assert.Equal((8.0, 1.0, 1.0, false), (options.StRsbp.DesiredLevel, options.StRsbp.UndesiredLevel, options.StRsbp.Margin, options.StRsbp.Boosting));
    }

    [Fact]
    public void An_unknown_setting_is_refused_naming_it_and_the_valid_ones()
    {
        var error = Assert.Throws<ConfigException>(() => AlgorithmOptionsJson.Apply(new TrainingOptions { Algorithm = TrainingAlgorithm.StRsbp }, """{ "desiredLevels": 8 }"""));
        Assert.Contains("unknown property 'desiredLevels'", error.Message, StringComparison.Ordinal);
        Assert.Contains("desiredLevel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_setting_is_refused_with_its_json_path()
    {
        var error = Assert.Throws<ConfigException>(() => AlgorithmOptionsJson.Apply(new TrainingOptions { Algorithm = TrainingAlgorithm.StRsbp }, """{ "desiredLevel": 2, "undesiredLevel": 5 }"""));
        Assert.StartsWith("$.desiredLevel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_for_bptt_are_refused()
    {
        var error = Assert.Throws<ConfigException>(() => AlgorithmOptionsJson.Apply(new TrainingOptions(), "{}"));
        Assert.Contains("bptt has no algorithm settings", error.Message, StringComparison.Ordinal);
    }
}
