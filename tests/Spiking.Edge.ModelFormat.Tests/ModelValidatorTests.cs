using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>
/// Every rule of the validator, each broken alone on <see cref="TestModels.Small"/> (layer 0 DENSE LIF 12→10,
/// layer 1 CSR LIF 10→20, layer 2 BITMAP leaky integrator 20→5): exactly one problem, naming the expected field.
/// </summary>
public sealed class ModelValidatorTests
{
    private static readonly Dictionary<string, (Action<Model> Break, string Field)> s_rules = new()
    {
        ["major version 0"] = (m => m.FormatMajor = 0, "format_major"),
        ["major version 2"] = (m => m.FormatMajor = 2, "format_major"),
        ["no input geometry"] = (m => m.Input = null, "input"),
        ["width 0"] = (m => m.Input.Width = 0, "input.width"),
        ["width above 65535"] = (m => m.Input.Width = 65536, "input.width"),
        ["height 0"] = (m => m.Input.Height = 0, "input.height"),
        ["polarities 0"] = (m => m.Input.Polarities = 0, "input.polarities"),
        ["polarities 3"] = (m => m.Input.Polarities = 3, "input.polarities"),
        ["geometry product above 65535"] = (m => { m.Input.Width = 65535; m.Input.Height = 1; }, "input"),
        ["tick 0 microseconds"] = (m => m.TickMicroseconds = 0, "tick_microseconds"),
        ["0 ticks per sample"] = (m => m.TicksPerSample = 0, "ticks_per_sample"),
        ["1000001 ticks per sample"] = (m => m.TicksPerSample = 1_000_001, "ticks_per_sample"),
        ["no layers"] = (m => m.Layers.Clear(), "layers"),
        ["65 layers"] = (m => SixtyFiveLayers(m), "layers"),
        ["input size 0"] = (m => m.Layers[1].InputSize = 0, "layers[1].input_size"),
        ["input size above 65535"] = (m => m.Layers[1].InputSize = 65536, "layers[1].input_size"),
        ["output size 0"] = (m => m.Layers[0].OutputSize = 0, "layers[0].output_size"),
        ["output size above 65535"] = (m => m.Layers[0].OutputSize = 65536, "layers[0].output_size"),
        ["first input size differs from the geometry"] = (m => m.Input.Polarities = 1, "layers[0].input_size"),
        ["input size differs from the previous output size"] = (m => Reshape(m.Layers[1], 11, 20, WeightEncoding.Csr), "layers[1].input_size"),
        ["neuron model unspecified"] = (m => m.Layers[0].Neuron = NeuronModel.Unspecified, "layers[0].neuron"),
        ["neuron model unknown"] = (m => m.Layers[0].Neuron = (NeuronModel)7, "layers[0].neuron"),
        ["LIF without reset"] = (m => m.Layers[1].Reset = ResetMode.Unspecified, "layers[1].reset"),
        ["LIF with unknown reset"] = (m => m.Layers[1].Reset = (ResetMode)9, "layers[1].reset"),
        ["LIF without comparison"] = (m => m.Layers[1].Comparison = ThresholdComparison.Unspecified, "layers[1].comparison"),
        ["LIF with too few thresholds"] = (m => m.Layers[1].Threshold.RemoveAt(0), "layers[1].threshold"),
        ["LIF threshold 0"] = (m => m.Layers[1].Threshold[3] = 0, "layers[1].threshold[3]"),
        ["LIF threshold above the state range"] = (m => m.Layers[1].Threshold[4] = 8_388_608, "layers[1].threshold[4]"),
        ["leaky integrator with a reset"] = (m => m.Layers[2].Reset = ResetMode.Zero, "layers[2].reset"),
        ["leaky integrator with a comparison"] = (m => m.Layers[2].Comparison = ThresholdComparison.Greater, "layers[2].comparison"),
        ["leaky integrator with thresholds"] = (m => m.Layers[2].Threshold.AddRange([1, 1, 1, 1, 1]), "layers[2].threshold"),
        ["leak shift 25"] = (m => m.Layers[0].LeakShift = 25, "layers[0].leak_shift"),
        ["bias with too few entries"] = (m => m.Layers[0].Bias.RemoveAt(9), "layers[0].bias"),
        ["bias above the state range"] = (m => m.Layers[0].Bias[2] = 8_388_608, "layers[0].bias[2]"),
        ["bias below the state range"] = (m => m.Layers[0].Bias[5] = -8_388_609, "layers[0].bias[5]"),
        ["weight scales missing"] = (m => m.Layers[2].WeightScale.Clear(), "layers[2].weight_scale"),
        ["weight scale zero"] = (m => m.Layers[0].WeightScale[1] = 0f, "layers[0].weight_scale[1]"),
        ["weight scale negative"] = (m => m.Layers[0].WeightScale[1] = -0.5f, "layers[0].weight_scale[1]"),
        ["weight scale NaN"] = (m => m.Layers[0].WeightScale[2] = float.NaN, "layers[0].weight_scale[2]"),
        ["weight scale infinite"] = (m => m.Layers[0].WeightScale[3] = float.PositiveInfinity, "layers[0].weight_scale[3]"),
        ["no weights"] = (m => m.Layers[1].Weights = null, "layers[1].weights"),
        ["weight encoding unspecified"] = (m => m.Layers[0].Weights.Encoding = WeightEncoding.Unspecified, "layers[0].weights.encoding"),
        ["weight encoding unknown"] = (m => m.Layers[0].Weights.Encoding = (WeightEncoding)4, "layers[0].weights.encoding"),
        ["bits 1"] = (m => m.Layers[0].Weights.Bits = 1, "layers[0].weights.bits"),
        ["bits 9"] = (m => m.Layers[0].Weights.Bits = 9, "layers[0].weights.bits"),
        ["weight -128"] = (m => SetValue(m.Layers[0].Weights, FirstNonzero(m.Layers[0].Weights), 0x80), "layers[0].weights.values[FIRST]"),
        ["weight beyond a 4-bit range"] = (m => SetBits(m.Layers[0].Weights, 4), "layers[0].weights.values[FIRST_BEYOND_7]"),
        ["DENSE values one byte long"] = (m => AppendValue(m.Layers[0].Weights, 0), "layers[0].weights.values"),
        ["DENSE with an index"] = (m => m.Layers[0].Weights.Index = ByteString.CopyFrom(1), "layers[0].weights.index"),
        ["CSR row count above output size"] = (m => CsrWithSingleWeight(m, 21, 19), "layers[1].weights.index[0]"),
        ["CSR column at output size"] = (m => CsrWithSingleWeight(m, 1, 20), "layers[1].weights.index[1]"),
        ["CSR varint longer than 5 bytes"] = (m => SetIndex(m.Layers[1].Weights, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), "layers[1].weights.index[0]"),
        ["CSR varint above 32 bits"] = (m => SetIndex(m.Layers[1].Weights, [0xFF, 0xFF, 0xFF, 0xFF, 0x7F]), "layers[1].weights.index[0]"),
        ["CSR stream cut short"] = (m => SetIndex(m.Layers[1].Weights, m.Layers[1].Weights.Index.Span[..^1].ToArray()), "layers[1].weights.index[CUT]"),
        ["CSR stream with a trailing byte"] = (m => SetIndex(m.Layers[1].Weights, [.. m.Layers[1].Weights.Index.Span, 0]), "layers[1].weights.index[END]"),
        ["CSR values fewer than stored"] = (m => AppendValue(m.Layers[1].Weights, 0), "layers[1].weights.values"),
        ["BITMAP index one byte long"] = (m => SetIndex(m.Layers[2].Weights, [.. m.Layers[2].Weights.Index.Span, 0]), "layers[2].weights.index"),
        ["BITMAP padding bit set"] = (m => SetIndex(m.Layers[2].Weights, WithByte(m.Layers[2].Weights.Index, 3, b => b | 0x80)), "layers[2].weights.index[3]"),
        ["BITMAP values differ from the popcount"] = (m => AppendValue(m.Layers[2].Weights, 0), "layers[2].weights.values"),
        ["nonzero count wrong"] = (m => m.Layers[1].Weights.NonzeroCount++, "layers[1].weights.nonzero_count"),
        ["no readout"] = (m => m.Readout = null, "readout"),
        ["readout mode unspecified"] = (m => m.Readout.Mode = ReadoutMode.Unspecified, "readout.mode"),
        ["readout mode unknown"] = (m => m.Readout.Mode = (ReadoutMode)5, "readout.mode"),
        ["readout SPIKE_COUNT of a leaky-integrator last layer"] = (m => m.Readout.Mode = ReadoutMode.SpikeCount, "readout.mode"),
        ["labels fewer than outputs"] = (m => m.Labels.RemoveAt(0), "labels"),
    };

    public static TheoryData<string> Rules => [.. s_rules.Keys];

    [Fact]
    public void Test_model_is_valid()
    {
        Assert.Empty(ModelValidator.FindProblems(TestModels.Small()));
        Assert.Empty(ModelValidator.FindProblems(TestModels.Realistic()));
        Assert.Empty(ModelValidator.FindProblems(TestModels.WorkedExample()));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Breaking_one_rule_gives_exactly_one_problem_naming_its_field(string rule)
    {
        Model model = TestModels.Small();
        (Action<Model> breakRule, string field) = s_rules[rule];
        field = ResolveField(model, rule, field);
        breakRule(model);

        string problem = Assert.Single(ModelValidator.FindProblems(model));
        Assert.StartsWith(field + ": ", problem, StringComparison.Ordinal);
        var error = Assert.Throws<ModelFileException>(() => ModelValidator.Validate(model, "rule.sem"));
        Assert.Equal(field, error.Field);
        Assert.Equal("rule.sem", error.Source);
        Assert.Equal(-1, error.Offset);
        Assert.Equal("rule.sem: " + problem, error.Message);
    }

    [Fact]
    public void Values_at_the_edges_of_every_range_are_accepted()
    {
        Model model = TestModels.Small();
        model.TickMicroseconds = 1;
        model.TicksPerSample = 1_000_000;
        model.Layers[0].LeakShift = 24;
        model.Layers[1].LeakShift = 0;
        model.Layers[0].Threshold[0] = 1;
        model.Layers[0].Threshold[1] = 8_388_607;
        model.Layers[0].Bias[0] = -8_388_608;
        model.Layers[0].Bias[1] = 8_388_607;
        model.Layers[2].Bias.Clear();
        model.Layers[0].WeightScale[0] = float.Epsilon;
        model.Labels.Clear();
        model.Layers[0].Weights = TestModels.Encode(WeightEncoding.Dense, TestModels.RandomWeights(new Random(5), 12, 10, 0.7, bits: 2), 12, 10, bits: 2);

        Assert.Empty(ModelValidator.FindProblems(model));
    }

    [Fact]
    public void Sixty_four_layers_of_the_largest_geometry_are_accepted()
    {
        Model model = TestModels.Small();
        model.Input = new InputGeometry { Width = 65535, Height = 1, Polarities = 1 };
        model.Layers.Clear();
        model.Labels.Clear();
        sbyte[] weights = new sbyte[65535];
        weights[65534] = 1;
        model.Layers.Add(Lif(65535, 1, WeightCodec.Encode(weights, 65535, 1, 8)));
        while (model.Layers.Count < 64)
        {
            model.Layers.Add(Lif(1, 1, WeightCodec.Encode([1], 1, 1, 8)));
        }

        Assert.Empty(ModelValidator.FindProblems(model));
    }

    [Fact]
    public void Every_broken_rule_is_listed_in_field_order()
    {
        Model model = TestModels.Small();
        model.TicksPerSample = 0;
        model.Layers[2].LeakShift = 30;
        model.Layers[0].Threshold[1] = -1;

        IReadOnlyList<string> problems = ModelValidator.FindProblems(model);

        Assert.Collection(
            problems,
            p => Assert.StartsWith("ticks_per_sample: ", p, StringComparison.Ordinal),
            p => Assert.StartsWith("layers[0].threshold[1]: ", p, StringComparison.Ordinal),
            p => Assert.StartsWith("layers[2].leak_shift: ", p, StringComparison.Ordinal));
        var error = Assert.Throws<ModelFileException>(() => ModelValidator.Validate(model));
        Assert.Equal("ticks_per_sample", error.Field);
        Assert.Equal("model", error.Source);
    }

    private static string ResolveField(Model model, string rule, string field)
    {
        Weights dense = model.Layers[0].Weights;
        ReadOnlySpan<byte> csrIndex = model.Layers[1].Weights.Index.Span;
        return rule switch
        {
            "weight -128" => field.Replace("FIRST", FirstNonzero(dense).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "weight beyond a 4-bit range" => field.Replace("FIRST_BEYOND_7", FirstBeyond(dense, 7).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "CSR stream cut short" => field.Replace("CUT", (csrIndex.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "CSR stream with a trailing byte" => field.Replace("END", csrIndex.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            _ => field,
        };
    }

    private static void SixtyFiveLayers(Model model)
    {
        while (model.Layers.Count < 65)
        {
            var copy = model.Layers[2].Clone();
            Reshape(copy, 5, 5, WeightEncoding.Dense);
            model.Layers.Add(copy);
        }
    }

    private static void Reshape(Layer layer, int inputSize, int outputSize, WeightEncoding encoding)
    {
        layer.InputSize = (uint)inputSize;
        layer.OutputSize = (uint)outputSize;
        layer.Weights = TestModels.Encode(encoding, TestModels.RandomWeights(new Random(3), inputSize, outputSize, 0.3), inputSize, outputSize);
        Resize(layer.WeightScale, outputSize, 0.01f);
        if (layer.Bias.Count > 0)
        {
            Resize(layer.Bias, outputSize, 0);
        }

        if (layer.Threshold.Count > 0)
        {
            Resize(layer.Threshold, outputSize, 10);
        }
    }

    private static void Resize<T>(Google.Protobuf.Collections.RepeatedField<T> field, int count, T fill)
    {
        while (field.Count > count)
        {
            field.RemoveAt(field.Count - 1);
        }

        while (field.Count < count)
        {
            field.Add(fill);
        }
    }

    private static Layer Lif(int inputSize, int outputSize, Weights weights)
    {
        var layer = new Layer
        {
            InputSize = (uint)inputSize,
            OutputSize = (uint)outputSize,
            Neuron = NeuronModel.Lif,
            Reset = ResetMode.Zero,
            Comparison = ThresholdComparison.Greater,
            Weights = weights,
        };
        for (int o = 0; o < outputSize; o++)
        {
            layer.Threshold.Add(1);
            layer.WeightScale.Add(1f);
        }

        return layer;
    }

    /// <summary>Layer 1 (CSR 10→20) with one weight at row 0, column 19; then byte <c>[patchAt]</c> of the index set.</summary>
    private static void CsrWithSingleWeight(Model model, byte count, byte column)
    {
        var dense = new sbyte[10 * 20];
        dense[19] = 5;
        Weights weights = WeightCodec.EncodeAs(WeightEncoding.Csr, dense, 10, 20, 8);
        byte[] index = weights.Index.ToByteArray();
        Assert.Equal(new byte[] { 1, 19 }, index[..2]);
        index[0] = count;
        index[1] = column;
        weights.Index = ByteString.CopyFrom(index);
        model.Layers[1].Weights = weights;
    }

    private static void SetIndex(Weights weights, byte[] index) => weights.Index = ByteString.CopyFrom(index);

    private static void AppendValue(Weights weights, byte value) => weights.Values = ByteString.CopyFrom([.. weights.Values.Span, value]);

    private static void SetValue(Weights weights, int k, byte value) => weights.Values = ByteString.CopyFrom(WithByte(weights.Values, k, _ => value));

    private static void SetBits(Weights weights, uint bits)
    {
        Assert.True(FirstBeyond(weights, 7) >= 0);
        weights.Bits = bits;
    }

    private static byte[] WithByte(ByteString bytes, int k, Func<int, int> change)
    {
        byte[] copy = bytes.ToByteArray();
        copy[k] = (byte)change(copy[k]);
        return copy;
    }

    private static int FirstNonzero(Weights weights) => weights.Values.ToByteArray().ToList().FindIndex(b => b != 0);

    private static int FirstBeyond(Weights weights, int limit) => weights.Values.ToByteArray().ToList().FindIndex(b => Math.Abs((sbyte)b) > limit);
}
