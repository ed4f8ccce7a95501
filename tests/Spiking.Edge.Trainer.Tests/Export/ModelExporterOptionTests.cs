using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Quantization;
using Spiking.Edge.Trainer.Tests.Quantization;

namespace Spiking.Edge.Trainer.Tests.Export;

/// <summary>Every format-1.1 field the quantizer produces is written, and read back unchanged.</summary>
public class ModelExporterOptionTests
{
    private static readonly ProvenanceInfo Provenance = new("cells", "test", "synthetic", 0.5, 0.5, 1UL, 1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "test");

    internal static FloatNetworkSpec EveryOption()
    {
        FloatLayerSpec lif = OptionSpecs.Lif("lif", 6, 4, OptionSpecs.Pattern(1, 6, 4)) with
        {
            DecayQ16 = 60000,
            CurrentShift = 2,
            RefractoryTicks = 1,
            RefractoryGain = [0.25f, 0.75f],
            Inhibition = [0.1f, 0.2f, 0.3f, 0.4f],
            MembraneFloor = [-1f, -0.5f, -2f, -1f],
            Activation = StateActivation.LeakyRelu,
            NegativeSlope = 0.2f,
            RecurrentWeight = OptionSpecs.Pattern(2, 4, 4),
            Thresholds = [0.5f, 1f, 1.5f, 2f],
        };
        FloatLayerSpec graded = OptionSpecs.Graded("graded", 4, 3, OptionSpecs.Pattern(3, 4, 3)) with { ResetScope = ResetScope.Layer, RecurrentWeight = new float[9] { 0, 0.5f, 0, 0, 0, 0, 0, 0, 0 } };
        FloatLayerSpec src = OptionSpecs.Src("src", 3, 3, OptionSpecs.Pattern(4, 3, 3), bias: [0.1f, -0.2f, 0.3f]) with { RecurrentWeight = OptionSpecs.Pattern(5, 3, 3) };
        FloatLayerSpec readout = OptionSpecs.Leaky("readout", 3, 2, OptionSpecs.Pattern(6, 3, 2)) with { LeakShift = 0, DecayQ16 = 50000, CurrentShift = 1 };
        return new FloatNetworkSpec(3, 2, 1, 1000, 8, [lif, graded, src, readout], ReadoutMode.MembraneSum, ["a", "b"]);
    }

    [Fact]
    public void Every_option_round_trips_through_the_file()
    {
        FloatNetworkSpec spec = EveryOption();
        QuantizedNetwork q = Quantizer.Quantize(spec);
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(ModelExporter.ToModel(q, spec, Provenance)), "round trip");

        Assert.Equal(1u, model.FormatMinor);
        for (int l = 0; l < q.Layers.Count; l++)
        {
            QuantizedLayer expected = q.Layers[l];
            Layer actual = model.Layers[l];
            Assert.Equal(expected.Weights, WeightCodec.Decode(actual.Weights, expected.InputSize, expected.OutputSize));
            Assert.Equal(expected.Threshold, actual.Threshold);
            Assert.Equal(expected.Bias.Any(b => b != 0) ? expected.Bias : [], actual.Bias);
            Assert.Equal((uint)expected.DecayQ16, actual.Decay);
            Assert.Equal((uint)expected.CurrentShift, actual.CurrentShift);
            Assert.Equal((uint)expected.RefractoryTicks, actual.RefractoryTicks);
            Assert.Equal(expected.RefractoryGain.Select(g => (uint)g), actual.RefractoryGain);
            Assert.Equal(expected.Inhibition, actual.Inhibition);
            Assert.Equal(expected.MembraneFloor, actual.MembraneFloor);
            Assert.Equal(expected.Activation, actual.Activation);
            Assert.Equal((uint)expected.NegativeSlopeQ16, actual.NegativeSlope);
            Assert.Equal(expected.Output, actual.Output);
            Assert.Equal(expected.ResetScope, actual.ResetScope);
            Assert.Equal(expected.Reset, actual.Reset);
            Assert.Equal(expected.Comparison, actual.Comparison);
            AssertTable(expected.OutputTable, actual.OutputTable);
            if (expected.HasRecurrentWeights)
            {
                Assert.Equal(expected.RecurrentWeights, WeightCodec.Decode(actual.RecurrentWeights, expected.OutputSize, expected.OutputSize));
            }
            else
            {
                Assert.Null(actual.RecurrentWeights);
            }

            if (expected.Src is { } src)
            {
                SrcParameters p = actual.Src;
                Assert.Equal(
                    (src.FractionBits, src.InputDecay, src.FastFeedback, src.SlowFeedback, src.GateThreshold, src.SlowGateRest, src.SlowGateActive, src.RestFast, src.RestSlow),
                    ((int)p.FractionBits, (int)p.InputDecay, p.FastFeedback, p.SlowFeedback, p.GateThreshold, (int)p.SlowGateRest, (int)p.SlowGateActive, p.RestFast, p.RestSlow));
                AssertTable(src.InputTable, p.InputTable);
                AssertTable(src.FastTable, p.FastTable);
            }
            else
            {
                Assert.Null(actual.Src);
            }
        }

        Assert.Equal(
            [NeuronModel.Lif, NeuronModel.Lif, NeuronModel.Src, NeuronModel.LeakyIntegrator],
            model.Layers.Select(layer => layer.Neuron));
        Assert.True(model.Layers[0].RefractoryGain.Count > 0 && model.Layers[1].OutputTable is not null && model.Layers[2].Src is not null);
    }

    [Fact]
    public void The_in_memory_model_carries_the_minor_version_its_fields_need_and_validates_as_it_is()
    {
        FloatNetworkSpec spec = EveryOption();
        Model model = ModelExporter.ToModel(Quantizer.Quantize(spec), spec, Provenance);
        Assert.Equal(1u, model.FormatMinor);
        ModelValidator.Validate(model, "in memory");
    }

    [Fact]
    public void A_network_without_options_is_written_as_format_1_0()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(4, 3, 3, 1, [5, 2], ReadoutMode.SpikeCount);
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(ModelExporter.ToModel(Quantizer.Quantize(spec), spec, Provenance)), "plain");
        Assert.Equal(0u, model.FormatMinor);
    }

    [Fact]
    public void A_single_option_makes_the_file_format_1_1()
    {
        FloatNetworkSpec plain = FloatSpecFactory.Create(4, 3, 3, 1, [5, 2], ReadoutMode.SpikeCount);
        FloatNetworkSpec spec = plain with { Layers = [plain.Layers[0] with { LeakShift = 0, DecayQ16 = 12345 }, plain.Layers[1]] };
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(ModelExporter.ToModel(Quantizer.Quantize(spec), spec, Provenance)), "decay");
        Assert.Equal(1u, model.FormatMinor);
        Assert.Equal(12345u, model.Layers[0].Decay);
    }

    [Fact]
    public void Sparse_recurrent_weights_are_written_in_the_smallest_encoding()
    {
        var recurrent = new float[20 * 20];
        recurrent[3] = 1f;
        recurrent[250] = -0.5f;
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 2, 20, OptionSpecs.Pattern(7, 2, 20)) with { RecurrentWeight = recurrent };
        FloatNetworkSpec spec = OptionSpecs.Network(ReadoutMode.SpikeCount, layer);
        Model model = ModelExporter.ToModel(Quantizer.Quantize(spec), spec, Provenance);
        Assert.Equal(WeightEncoding.Csr, model.Layers[0].RecurrentWeights.Encoding);
        Assert.Equal(2u, model.Layers[0].RecurrentWeights.NonzeroCount);
    }

    private static void AssertTable(QuantizedLookupTable? expected, LookupTable? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal((expected.InputShift, expected.InputOffset), ((int)actual.InputShift, actual.InputOffset));
        Assert.Equal(expected.Values, actual.Values);
    }
}
