using Spiking.Edge.Host.Classification;

namespace Spiking.Edge.Host.Tests.Classification;

public class EnergyModelTests
{
    [Fact]
    public void The_estimate_is_synops_times_e_synop_plus_updates_times_e_update_plus_events_times_e_event()
    {
        var model = EnergyModel.Default;

        double picojoules = model.EstimatePicojoules(synOps: 1_000, neuronUpdates: 200, events: 50);

        Assert.Equal((1_000 * 5.1) + (200 * 10.3) + (50 * 10.2), picojoules, 9);
    }

    [Fact]
    public void The_defaults_are_built_from_the_horowitz_figures()
    {
        Assert.Equal(0.1, EnergyModel.Int32AddPicojoules);
        Assert.Equal(5.0, EnergyModel.Sram32ReadPicojoules);
        Assert.Equal(5.1, EnergyModel.DefaultSynOpPicojoules, 12);
        Assert.Equal(10.3, EnergyModel.DefaultNeuronUpdatePicojoules, 12);
        Assert.Equal(10.2, EnergyModel.DefaultEventPicojoules, 12);
        Assert.Contains("Horowitz, ISSCC 2014", EnergyModel.Default.Describe(), StringComparison.Ordinal);
        Assert.Contains("not a measurement", EnergyModel.Default.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_figures_override_only_their_own_keys()
    {
        var model = EnergyModel.Parse("update=1.5, SYNOP=0.03");

        Assert.Equal(0.03, model.SynOpPicojoules);
        Assert.Equal(1.5, model.NeuronUpdatePicojoules);
        Assert.Equal(EnergyModel.DefaultEventPicojoules, model.EventPicojoules);
        Assert.False(model.IsDefault);
        Assert.Equal(0.03 * 4 + 1.5 * 2 + EnergyModel.DefaultEventPicojoules, model.EstimatePicojoules(4, 2, 1), 12);
        Assert.Contains("given with --energy-pj", model.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("joules=1", "--energy-pj \"joules=1\": unknown key \"joules\"; expected synop=PJ, update=PJ and/or event=PJ")]
    [InlineData("synop=1,synop=2", "--energy-pj \"synop=1,synop=2\": key \"synop\" is given more than once")]
    [InlineData("event=-1", "--energy-pj \"event=-1\": key \"event\": \"-1\" is not a non-negative number of picojoules")]
    [InlineData("update=", "--energy-pj \"update=\": key \"update\": \"\" is not a non-negative number of picojoules")]
    [InlineData("synop=NaN", "--energy-pj \"synop=NaN\": key \"synop\": \"NaN\" is not a non-negative number of picojoules")]
    public void Bad_figures_are_refused_in_one_line_naming_the_key(string text, string message)
    {
        var error = Assert.Throws<HostOptionException>(() => EnergyModel.Parse(text));

        Assert.Equal(message, error.Message);
        Assert.Equal("--energy-pj", error.Option);
    }
}
