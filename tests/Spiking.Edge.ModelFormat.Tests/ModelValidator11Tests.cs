using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>
/// The format-1.1 rules (spec/wire-format.md §2, §3), each broken alone on <see cref="TestModels11.EveryField"/>:
/// exactly one problem, naming the expected field; and the edges of every 1.1 range accepted.
/// </summary>
public sealed class ModelValidator11Tests
{
    public static TheoryData<string> Rules => [.. Rules11.Broken.Keys];

    public static TheoryData<string> Features => [.. Rules11.Features.Keys];

    [Fact]
    public void Model_using_every_1_1_field_is_valid()
    {
        Assert.Empty(ModelValidator.FindProblems(TestModels11.EveryField()));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Breaking_one_1_1_rule_gives_exactly_one_problem_naming_its_field(string rule)
    {
        Model model = TestModels11.EveryField();
        (Action<Model> breakRule, string field) = Rules11.Broken[rule];
        field = Rules11.ResolveField(model, field);
        breakRule(model);

        string problem = Assert.Single(ModelValidator.FindProblems(model));
        Assert.StartsWith(field + ": ", problem, StringComparison.Ordinal);
        var error = Assert.Throws<ModelFileException>(() => ModelValidator.Validate(model, "rule.sem"));
        Assert.Equal(field, error.Field);
        Assert.Equal("rule.sem: " + problem, error.Message);
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void One_1_1_feature_is_valid_at_minor_1_and_refused_at_minor_0_naming_it(string feature)
    {
        Model model = TestModels.Small();
        (Action<Model> add, string field) = Rules11.Features[feature];
        add(model);

        model.FormatMinor = 1;
        Assert.Empty(ModelValidator.FindProblems(model));
        model.FormatMinor = 0;
        string problem = Assert.Single(ModelValidator.FindProblems(model));
        Assert.StartsWith(field + ": absent from a file marked format 1.0 (format_minor = 0)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_1_0_model_is_valid_at_minor_0_and_minor_1()
    {
        Model model = TestModels.Small();
        model.FormatMinor = 1;

        Assert.Empty(ModelValidator.FindProblems(model));
    }

    [Fact]
    public void Values_at_the_edges_of_every_1_1_range_are_accepted()
    {
        Model model = TestModels11.EveryField();
        Layer lif = model.Layers[0];
        lif.Decay = 65535;
        lif.CurrentShift = 24;
        lif.RefractoryTicks = 65535;
        lif.RefractoryGain[0] = 32768;
        lif.RefractoryGain.AddRange(new uint[65535 - lif.RefractoryGain.Count]);
        lif.NegativeSlope = 65536;
        lif.Inhibition[0] = 8_388_607;
        lif.Inhibition[1] = -8_388_608;
        lif.MembraneFloor[0] = -8_388_608;
        lif.MembraneFloor[1] = 8_388_607;
        lif.Reset = ResetMode.Zero;
        Layer graded = model.Layers[1];
        graded.Threshold[0] = -8_388_608;
        graded.Threshold[1] = 8_388_607;
        graded.Reset = ResetMode.Gate;
        graded.OutputTable = new LookupTable { InputShift = 30, InputOffset = int.MinValue };
        graded.OutputTable.Values.AddRange(Enumerable.Range(0, 65536).Select(k => k % 2 == 0 ? 0 : 128));
        SrcParameters src = model.Layers[2].Src;
        src.FractionBits = 14;
        src.InputDecay = 65536;
        src.SlowGateRest = 0;
        src.SlowGateActive = 65536;
        src.FastFeedback = -8_388_608;
        src.SlowFeedback = 8_388_607;
        src.GateThreshold = -8_388_608;
        src.RestFast = 16384;
        src.RestSlow = -16384;
        src.FastTable.Values[0] = -16384;
        src.FastTable.Values[1] = 16384;
        src.InputTable.InputShift = 0;
        src.InputTable.InputOffset = int.MaxValue;
        src.InputTable.Values[0] = -8_388_608;
        src.InputTable.Values[1] = 8_388_607;
        model.Layers[2].Bias[0] = -8_388_608;
        model.Layers[3].Decay = 1;

        Assert.Empty(ModelValidator.FindProblems(model));
    }

    [Fact]
    public void Eight_fraction_bits_bound_the_Q_values_at_256()
    {
        Model model = TestModels11.EveryField();
        SrcParameters src = model.Layers[2].Src;
        src.FractionBits = 8;
        src.FastTable.Values.Clear();
        src.FastTable.Values.AddRange([-256, 0, 256]);
        src.RestFast = 256;
        src.RestSlow = -256;
        Assert.Empty(ModelValidator.FindProblems(model));

        src.RestFast = 257;
        Assert.StartsWith("layers[2].src.rest_fast: -256..256", Assert.Single(ModelValidator.FindProblems(model)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Spike_count_readout_is_allowed_on_a_graded_or_SRC_last_layer(bool srcLast)
    {
        Model model = TestModels11.EveryField();
        model.Layers.RemoveAt(3);
        if (!srcLast)
        {
            model.Layers.RemoveAt(2);
        }

        model.Labels.Clear();
        model.Readout.Mode = ReadoutMode.SpikeCount;

        Assert.Empty(ModelValidator.FindProblems(model));
    }

    [Theory]
    [InlineData(517, true)]
    [InlineData(518, false)]
    public void Recurrent_graded_outputs_after_65535_graded_inputs_fit_32_bits_up_to_517_neurons(int neurons, bool accepted)
    {
        Model model = TestModels11.WideGradedThenRecurrent(neurons, recurrentNeuron: NeuronModel.Src);

        IReadOnlyList<string> problems = ModelValidator.FindProblems(model);

        if (accepted)
        {
            Assert.Empty(problems);
        }
        else
        {
            string problem = Assert.Single(problems);
            Assert.StartsWith("layers[1].recurrent_weights: 127 × (A + B) ≤ 2^30", problem, StringComparison.Ordinal);
            Assert.EndsWith($"found 127 × (8388480 + {neurons * 128}) = {127L * (8388480 + (neurons * 128))}", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_layer_without_recurrent_weights_is_accepted()
    {
        Model model = TestModels11.WideGradedThenRecurrent(2000, recurrentNeuron: NeuronModel.Src);
        model.Layers[1].RecurrentWeights = null;

        Assert.Empty(ModelValidator.FindProblems(model));
    }

    [Fact]
    public void A_binary_recurrent_layer_of_the_largest_size_is_accepted()
    {
        Model model = TestModels11.WideGradedThenRecurrent(65535, recurrentNeuron: NeuronModel.Lif);
        model.Layers[0].Output = OutputKind.Binary;
        model.Layers[0].OutputTable = null;
        model.Layers[0].Comparison = ThresholdComparison.Greater;
        model.Layers[0].Threshold.Clear();
        model.Layers[0].Threshold.AddRange(Enumerable.Repeat(1, 65535));

        Assert.Empty(ModelValidator.FindProblems(model));
    }
}
