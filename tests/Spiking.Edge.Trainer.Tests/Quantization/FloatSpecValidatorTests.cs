using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Tests.Quantization;

/// <summary>Float specs whose format-1.1 options cannot become a valid model are refused with one line naming layer and field.</summary>
public class FloatSpecValidatorTests
{
    private static readonly Dictionary<string, (Func<FloatNetworkSpec> Spec, string Message)> Cases = new()
    {
        ["decay range"] = (() => Lif(l => l with { DecayQ16 = 65536 }), "DecayQ16 65536 is outside 0..65535"),
        ["decay with shift"] = (() => Lif(l => l with { DecayQ16 = 100, LeakShift = 2 }), "DecayQ16 100 and LeakShift 2 are both set"),
        ["current shift"] = (() => Lif(l => l with { CurrentShift = 25 }), "CurrentShift 25 is outside 0..24"),
        ["refractory ticks"] = (() => Lif(l => l with { RefractoryTicks = -1 }), "RefractoryTicks -1 is outside 0..65535"),
        ["gain above one"] = (() => Lif(l => l with { RefractoryGain = [0.5f, 1.5f] }), "RefractoryGain[1] is 1.5, outside [0, 1]"),
        ["gain NaN"] = (() => Lif(l => l with { RefractoryGain = [float.NaN] }), "RefractoryGain[0] is NaN"),
        ["inhibition size"] = (() => Lif(l => l with { Inhibition = [1f] }), "Inhibition holds 1 values, expected 2"),
        ["floor infinite"] = (() => Lif(l => l with { MembraneFloor = [0f, float.NegativeInfinity] }), "MembraneFloor[1] is"),
        ["slope range"] = (() => Lif(l => l with { Activation = StateActivation.LeakyRelu, NegativeSlope = 1.5f }), "NegativeSlope 1.5 is outside [0, 1]"),
        ["slope without relu"] = (() => Lif(l => l with { NegativeSlope = 0.5f }), "NegativeSlope 0.5 is set but Activation is Unspecified"),
        ["graded subtract"] = (() => Lif(l => l with { Output = OutputKind.Graded, Reset = ResetMode.Subtract }), "a GRADED layer cannot subtract"),
        ["layer scope subtract"] = (() => Lif(l => l with { ResetScope = ResetScope.Layer, Reset = ResetMode.Subtract }), "ResetScope Layer needs Reset Zero or Gate, found Subtract"),
        ["thresholds size"] = (() => Lif(l => l with { Thresholds = [1f, 2f, 3f] }), "Thresholds holds 3 values, expected 2"),
        ["binary threshold zero"] = (() => Lif(l => l with { Thresholds = [1f, 0f] }), "Thresholds[1] is 0, not a positive finite number"),
        ["recurrent size"] = (() => Lif(l => l with { RecurrentWeight = [1f, 2f] }), "RecurrentWeight holds 2 values, expected OutputSize x OutputSize = 4"),
        ["recurrent NaN"] = (() => Lif(l => l with { RecurrentWeight = [1f, float.NaN, 0f, 0f] }), "RecurrentWeight[1] is NaN"),
        ["src on lif"] = (() => Lif(l => l with { Src = OptionSpecs.PaperSrc }), "Src parameters are given for a Lif layer"),
        ["li recurrent"] = (() => Leaky(l => l with { RecurrentWeight = [0f, 0f, 0f, 0f] }), "RecurrentWeight is given for a LeakyIntegrator"),
        ["li graded"] = (() => Leaky(l => l with { Output = OutputKind.Graded }), "Output is a Lif option, but the layer is a LeakyIntegrator"),
        ["li inhibition"] = (() => Leaky(l => l with { Inhibition = [1f, 1f] }), "Inhibition is a Lif option"),
        ["src without parameters"] = (() => Src(l => l with { Src = null }), "a Src layer needs its Src parameters"),
        ["src leak"] = (() => Src(l => l with { DecayQ16 = 5 }), "a Src layer leaks through Src.Alpha"),
        ["src alpha"] = (() => Src(l => l with { Src = OptionSpecs.PaperSrc with { Alpha = 1.2f } }), "Src.Alpha is 1.2, expected in [0, 1]"),
        ["src rho"] = (() => Src(l => l with { Src = OptionSpecs.PaperSrc with { Rho = 0f } }), "Src.Rho 0 must be a positive finite number"),
        ["src rest"] = (() => Src(l => l with { Src = OptionSpecs.PaperSrc with { RestSlow = -2f } }), "Src.RestSlow is -2, expected in [-1, 1]"),
        ["src refractory"] = (() => Src(l => l with { RefractoryTicks = 2 }), "RefractoryTicks is a Lif option, but the layer is a Src layer"),
        ["src feedback"] = (() => Src(l => l with { Src = OptionSpecs.PaperSrc with { FastFeedback = float.NaN } }), "Src.FastFeedback is NaN"),
        ["null option"] = (() => Lif(l => l with { Inhibition = null! }), "layer 0 ('hidden'): Inhibition is null (use an empty array for none)"),
        ["neuron"] = (() => Lif(l => l with { Neuron = (NeuronModel)7 }), "Neuron 7 is not one of Lif, LeakyIntegrator, Src"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void An_option_that_cannot_become_a_valid_model_is_refused_naming_layer_and_field(string name)
    {
        (Func<FloatNetworkSpec> spec, string message) = Cases[name];
        var error = Assert.Throws<ArgumentException>(() => Quantizer.Quantize(spec()));
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_range_rule_allows_127_times_the_largest_drive_up_to_2_to_the_30()
    {
        // A graded layer of 2 neurons with recurrent weights: B = 2 × 128 = 256. 127 × (8,454,400 + 256) = 2^30 − 512.
        FloatLayerSpec layer = OptionSpecs.Graded("g", 1, 2, new float[2]) with { RecurrentWeight = new float[4] };
        FloatSpecValidator.CheckRange(layer, "layer 3 ('g')", 8_454_400, 128);
        var error = Assert.Throws<ArgumentException>(() => FloatSpecValidator.CheckRange(layer, "layer 3 ('g')", 8_454_405, 128));
        Assert.Contains("layer 3 ('g'): the largest drive 127 x (8454405 + 256) exceeds 2^30", error.Message);
    }

    [Fact]
    public void Every_option_in_range_is_accepted()
    {
        FloatLayerSpec lif = OptionSpecs.Lif("lif", 2, 2, [1f, 0.5f, 0.2f, -0.3f]) with
        {
            DecayQ16 = 65535,
            CurrentShift = 24,
            RefractoryTicks = 65535,
            RefractoryGain = [0f, 1f],
            Inhibition = [0.1f, -0.1f],
            MembraneFloor = [-1f, -2f],
            Activation = StateActivation.LeakyRelu,
            NegativeSlope = 1f,
            ResetScope = ResetScope.Layer,
            RecurrentWeight = [0f, 1f, 1f, 0f],
            Thresholds = [0.5f, 2f],
        };
        FloatLayerSpec graded = OptionSpecs.Graded("graded", 2, 2, [1f, 0.5f, 0.2f, -0.3f]) with { Thresholds = [-1f, 0f], ResetScope = ResetScope.Layer };
        FloatLayerSpec src = OptionSpecs.Src("src", 2, 2, [1f, 0.5f, 0.2f, -0.3f]) with { RecurrentWeight = [0f, 1f, 1f, 0f] };
        FloatLayerSpec readout = OptionSpecs.Leaky("readout", 2, 2, [1f, 0.5f, 0.2f, -0.3f]) with { DecayQ16 = 30000, LeakShift = 0, CurrentShift = 2 };
        QuantizedNetwork q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.MembraneSum, lif, graded, src, readout));
        Assert.Equal(4, q.Layers.Count);
    }

    private static FloatNetworkSpec Lif(Func<FloatLayerSpec, FloatLayerSpec> change) =>
        OptionSpecs.Network(ReadoutMode.SpikeCount, change(OptionSpecs.Lif("hidden", 2, 2, [1f, 0.5f, 0.2f, -0.3f])));

    private static FloatNetworkSpec Leaky(Func<FloatLayerSpec, FloatLayerSpec> change) =>
        OptionSpecs.Network(ReadoutMode.MembraneSum, OptionSpecs.Lif("hidden", 2, 2, [1f, 0.5f, 0.2f, -0.3f]), change(OptionSpecs.Leaky("readout", 2, 2, [1f, 0.5f, 0.2f, -0.3f])));

    private static FloatNetworkSpec Src(Func<FloatLayerSpec, FloatLayerSpec> change) =>
        OptionSpecs.Network(ReadoutMode.SpikeCount, change(OptionSpecs.Src("src", 2, 2, [1f, 0.5f, 0.2f, -0.3f])));
}
