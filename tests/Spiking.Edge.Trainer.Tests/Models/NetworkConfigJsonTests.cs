using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Trainer.Tests.Models;

public class NetworkConfigJsonTests
{
    private static NetworkConfig EveryOption() => new()
    {
        InputSize = 12,
        OutputSize = 3,
        Readout = NetworkReadout.SpikeCount,
        Seed = 42,
        Layers =
        [
            new LayerConfig { Cell = CellKind.Lif, Size = 8, Name = "first", Bias = false, Lif = new LifOptions { LeakShift = 2, Threshold = 0.5f, Reset = ResetMode.Zero, Comparison = ThresholdComparison.Greater, SurrogateSlope = 4f, DetachReset = false } },
            new LayerConfig { Cell = CellKind.LeeLif, Size = 8, Recurrence = Recurrence.Dense, LeeLif = new LeeLifOptions { LeakShift = 5, RefractoryTicks = 4, Inhibition = 0.1f, ThresholdAlpha = 6f } },
            new LayerConfig { Cell = CellKind.CubaLif, Size = 12, Recurrence = Recurrence.Reservoir, Reservoir = new ReservoirOptions { Grid = [2, 2, 3], Seed = 9, InhibitoryFraction = 0.25f }, CubaLif = new CubaLifOptions { MembraneShift = 5, CurrentShift = 2, RefractoryTicks = 3, Threshold = 100f, InitWeight = 0.5f } },
            new LayerConfig { Cell = CellKind.Snu, Size = 6, Snu = new SnuOptions { Decay = 0.9f, Activation = StateActivation.LeakyRelu, NegativeSlope = 0.2f, PseudoDerivative = PseudoDerivative.Sigmoid, ResetScope = ResetScope.Layer, ThresholdInit = 0.7f, DetachReset = true } },
            new LayerConfig { Cell = CellKind.Ssnu, Size = 6 },
            new LayerConfig { Cell = CellKind.Src, Size = 5, Src = new SrcOptions { Alpha = 0.8f, Rho = 6f, BiasInit = -7f, DetachRecurrence = false, StraightThroughRelu = false, InitGain = 1.5f } },
            new LayerConfig { Cell = CellKind.CubaLif, Size = 3, Recurrence = Recurrence.LateralInhibition, LateralInhibitionWeight = 2f },
        ],
    };

    [Fact]
    public void Round_trip_keeps_every_option_and_writes_enums_as_camel_case_strings()
    {
        var json = NetworkConfigJson.Serialize(EveryOption());
        var again = NetworkConfigJson.Serialize(NetworkConfigJson.Parse(json));
        Assert.Equal(json, again);
        foreach (var text in new[] { "\"cell\": \"leeLif\"", "\"recurrence\": \"reservoir\"", "\"readout\": \"spikeCount\"", "\"reset\": \"zero\"", "\"comparison\": \"greater\"", "\"activation\": \"leakyRelu\"", "\"pseudoDerivative\": \"sigmoid\"", "\"resetScope\": \"layer\"", "\"inputSize\": 12", "\"lateralInhibitionWeight\": 2" })
        {
            Assert.Contains(text, json, StringComparison.Ordinal);
        }

        var parsed = NetworkConfigJson.Parse(json);
        Assert.Equal(EveryOption().Layers[3].Snu, parsed.Layers[3].Snu);
        Assert.Equal(EveryOption().Layers[5].Src, parsed.Layers[5].Src);
        Assert.Equal([2, 2, 3], parsed.Layers[2].Reservoir!.Grid);
    }

    [Fact]
    public void Missing_options_take_the_defaults_and_enum_names_ignore_case()
    {
        var config = NetworkConfigJson.Parse("""
            // comments and trailing commas are fine
            { "inputSize": 4, "outputSize": 2, "layers": [ { "cell": "SNU", "size": 3, }, ], }
            """);
        Assert.Equal((NetworkReadout.MembraneSum, 4, 1L, CellKind.Snu), (config.Readout, config.ReadoutLeakShift, config.Seed, config.Layers[0].Cell));
        Assert.Null(config.Layers[0].Snu);
    }

    [Fact]
    public void Save_and_load_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cells-config-{Guid.NewGuid():N}.json");
        try
        {
            NetworkConfigJson.Save(EveryOption(), path);
            Assert.Equal(NetworkConfigJson.Serialize(EveryOption()), NetworkConfigJson.Serialize(NetworkConfigJson.Load(path)));
            File.WriteAllText(path, """{ "inputSize": 4, "outputSize": 2, "layers": [ { "cell": "lif", "size": 0 } ] }""");
            var error = Assert.Throws<ConfigException>(() => NetworkConfigJson.Load(path));
            Assert.Equal($"$.layers[0].size: {Path.GetFileName(path)}: 0 is outside 1..65535", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "lstm", "size": 3}]}""", "$.layers[0].cell: 'lstm' is not valid; valid choices: lif, leeLif, cubaLif, snu, ssnu, src (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "lif", "size": 3, "sise": 3}]}""", "$.layers[0].sise: unknown property 'sise' (line 1); valid properties: cell, size, name, recurrence, reservoir, lateralInhibitionWeight, bias, lif, leeLif, cubaLif, snu, src")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "lif", "size": "ten"}]}""", "$.layers[0].size: expected an integer (32-bit) (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "lif"}]}""", "$.layers[0]: missing required property 'size' (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2}""", "$: missing required property 'layers' (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "inputSize": 5, "layers": []}""", "$.inputSize: duplicate property 'inputSize' (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": null}""", "$.layers: null is not allowed here (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [null]}""", "$.layers[0]: a layer cannot be null")]
    [InlineData("""{"inputSize": 0, "outputSize": 2, "layers": []}""", "$.inputSize: 0 is outside 1..65535")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "readout": "spikeCount", "layers": [{"cell": "lif", "size": 3}]}""", "$.layers[0].size: 3 differs from outputSize 2; with spikeCount readout the last layer is the output layer")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "readout": "average", "layers": []}""", "$.readout: 'average' is not valid; valid choices: membraneSum, spikeCount (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "snu", "size": 3, "snu": {"decay": 1.5}}]}""", "$.layers[0].snu.decay: 1.5 must lie in (0, 1) on the Q16 grid (1/65536 … 65535/65536)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "snu", "size": 3, "snu": {"activation": 2}}]}""", "$.layers[0].snu.activation: expected one of the strings identity, leakyRelu, found a number (line 1)")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "lif", "size": 3, "lif": {"reset": "gate"}}]}""", "$.layers[0].lif.reset: 'gate' is not valid here; valid choices: zero, subtract, none")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "lif", "size": 3, "snu": {}}]}""", "$.layers[0].snu: options 'snu' do not apply to a lif layer; it takes 'lif'")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "snu", "size": 3, "reservoir": {}}]}""", "$.layers[0].reservoir: applies only with recurrence 'reservoir' (this layer has 'none')")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "cubaLif", "size": 12, "recurrence": "reservoir", "reservoir": {"grid": [2, 2, 2]}}]}""", "$.layers[0].reservoir.grid: [2, 2, 2] must be three sizes ≥ 1 whose product is the layer size 12")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "cubaLif", "size": 3, "lateralInhibitionWeight": 1}]}""", "$.layers[0].lateralInhibitionWeight: applies only with recurrence 'lateralInhibition' (this layer has 'none')")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "src", "size": 3, "bias": true}]}""", "$.layers[0].bias: an src layer has no bias in its drive (its learned b enters the fast state); leave bias out or false")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "src", "size": 3, "src": {"biasInit": -3}}]}""", "$.layers[0].src.biasInit: -3 is above biasMax -4")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "leeLif", "size": 3, "leeLif": {"inhibition": -1}}]}""", "$.layers[0].leeLif.inhibition: -1 must be a finite number ≥ 0")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "cubaLif", "size": 3, "cubaLif": {"membraneShift": 0}}]}""", "$.layers[0].cubaLif.membraneShift: 0 is outside 1..24")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "seed": 1.5, "layers": []}""", "$.seed: expected an integer (64-bit) (line 1)")]
    [InlineData("null", "$: the document is null; expected an object with inputSize, layers and outputSize")]
    [InlineData("[1]", "$: expected an object (NetworkConfig) (line 1)")]
    public void Bad_values_are_refused_with_one_line_naming_the_json_path(string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => NetworkConfigJson.Parse(json));
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(error.Path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"inputSize": 4, "outputSize": 2, "layers": [{"cell": "snu", "size": 3 """)]
    public void Malformed_json_is_refused_on_one_line(string json)
    {
        var error = Assert.Throws<ConfigException>(() => NetworkConfigJson.Parse(json));
        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public static TheoryData<string> ConfigFiles =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "trainer", "configs"), "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Every_shipped_configuration_loads_and_round_trips(string file)
    {
        var config = NetworkConfigJson.Load(Path.Combine(TestPaths.RepoRoot, "trainer", "configs", file));
        Assert.Equal(NetworkConfigJson.Serialize(config), NetworkConfigJson.Serialize(NetworkConfigJson.Parse(NetworkConfigJson.Serialize(config))));
        Assert.True(config.Layers.Count >= 1);
    }
}
