using Google.Protobuf;
using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Format11;

/// <summary>
/// Every format-1.1 validation rule (format 1.1 rules of the PC validator and this loader), each broken alone on a
/// valid model: the loader refuses it with the expected code and field, at an offset inside the file, without an
/// allocation out of proportion to the file. Base model <see cref="Valid"/>: layer 0 GRADED LIF 2→3 with every LIF
/// option and CSR recurrent weights, layer 1 SRC 3→2 with DENSE recurrent weights, layer 2 leaky integrator 2→2 with
/// decay and current; <see cref="ValidBinary"/>: one BINARY LIF layer 2→3.
/// </summary>
public class LoaderRulesTests
{
    private static readonly Dictionary<string, (Action<P.Model> Break, ModelErrorCode Code, int Field, bool AtFieldTag)> s_rules = new()
    {
        // Versioning.
        ["format_minor 2"] = (m => m.FormatMinor = 2, ModelErrorCode.UnsupportedMinorVersion, 2, true),
        ["format_minor 0 with 1.1 fields"] = (m => m.FormatMinor = 0, ModelErrorCode.FeatureNeedsNewerMinorVersion, 6, true),

        // Neuron, leak and current.
        ["neuron 4"] = (m => m.Layers[0].Neuron = (P.NeuronModel)4, ModelErrorCode.ValueOutOfRange, 4, true),
        ["decay 65536"] = (m => m.Layers[0].Decay = 65536, ModelErrorCode.ValueOutOfRange, 12, true),
        ["decay with leak_shift"] = (m => m.Layers[0].LeakShift = 2, ModelErrorCode.FieldNotAllowed, 12, true),
        ["leaky integrator decay with leak_shift"] = (m => m.Layers[2].LeakShift = 1, ModelErrorCode.FieldNotAllowed, 12, true),
        ["SRC leak_shift"] = (m => m.Layers[1].LeakShift = 1, ModelErrorCode.FieldNotAllowed, 5, true),
        ["SRC decay"] = (m => m.Layers[1].Decay = 100, ModelErrorCode.FieldNotAllowed, 12, true),
        ["current_shift 25"] = (m => m.Layers[0].CurrentShift = 25, ModelErrorCode.ValueOutOfRange, 13, true),
        ["SRC current_shift"] = (m => m.Layers[1].CurrentShift = 1, ModelErrorCode.FieldNotAllowed, 13, true),

        // Refractory (LIF only).
        ["refractory_ticks 65536"] = (m => m.Layers[0].RefractoryTicks = 65536, ModelErrorCode.ValueOutOfRange, 14, true),
        ["refractory_gain 65536 entries"] = (m => m.Layers[0].RefractoryGain.AddRange(new uint[65535]), ModelErrorCode.ValueOutOfRange, 15, true),
        ["refractory_gain 32769"] = (m => m.Layers[0].RefractoryGain[0] = 32769, ModelErrorCode.ValueOutOfRange, 15, false),
        ["leaky integrator refractory_ticks"] = (m => m.Layers[2].RefractoryTicks = 1, ModelErrorCode.FieldNotAllowed, 14, true),
        ["SRC refractory_gain"] = (m => m.Layers[1].RefractoryGain.Add(1), ModelErrorCode.FieldNotAllowed, 15, true),

        // Inhibition and floor (LIF only, empty or one per neuron, state range).
        ["inhibition of 2 for 3 neurons"] = (m => m.Layers[0].Inhibition.RemoveAt(0), ModelErrorCode.SizeMismatch, 16, true),
        ["inhibition above the state range"] = (m => m.Layers[0].Inhibition[1] = Semantics.StateMax + 1, ModelErrorCode.ValueOutOfRange, 16, false),
        ["leaky integrator inhibition"] = (m => m.Layers[2].Inhibition.AddRange([1, 1]), ModelErrorCode.FieldNotAllowed, 16, true),
        ["membrane_floor of 4 for 3 neurons"] = (m => m.Layers[0].MembraneFloor.Add(0), ModelErrorCode.SizeMismatch, 17, true),
        ["membrane_floor below the state range"] = (m => m.Layers[0].MembraneFloor[2] = Semantics.StateMin - 1, ModelErrorCode.ValueOutOfRange, 17, false),
        ["SRC membrane_floor"] = (m => m.Layers[1].MembraneFloor.AddRange([0, 0]), ModelErrorCode.FieldNotAllowed, 17, true),

        // Activation.
        ["activation 3"] = (m => m.Layers[0].Activation = (P.StateActivation)3, ModelErrorCode.ValueOutOfRange, 18, true),
        ["negative_slope 65537"] = (m => m.Layers[0].NegativeSlope = 65537, ModelErrorCode.ValueOutOfRange, 19, true),
        ["negative_slope with IDENTITY"] = (m => m.Layers[0].Activation = P.StateActivation.Identity, ModelErrorCode.FieldNotAllowed, 19, true),
        ["leaky integrator activation"] = (m => m.Layers[2].Activation = P.StateActivation.Identity, ModelErrorCode.FieldNotAllowed, 18, true),
        ["SRC negative_slope"] = (m => m.Layers[1].NegativeSlope = 5, ModelErrorCode.FieldNotAllowed, 19, true),

        // Output kind and GRADED LIF.
        ["output 3"] = (m => m.Layers[0].Output = (P.OutputKind)3, ModelErrorCode.ValueOutOfRange, 20, true),
        ["leaky integrator output"] = (m => m.Layers[2].Output = P.OutputKind.Binary, ModelErrorCode.FieldNotAllowed, 20, true),
        ["SRC output"] = (m => m.Layers[1].Output = P.OutputKind.Graded, ModelErrorCode.FieldNotAllowed, 20, true),
        ["GRADED without output_table"] = (m => m.Layers[0].OutputTable = null, ModelErrorCode.MissingField, 21, false),
        ["GRADED table value 129"] = (m => m.Layers[0].OutputTable.Values[1] = 129, ModelErrorCode.ValueOutOfRange, 3, false),
        ["GRADED table value -1"] = (m => m.Layers[0].OutputTable.Values[0] = -1, ModelErrorCode.ValueOutOfRange, 3, false),
        ["GRADED with a comparison"] = (m => m.Layers[0].Comparison = P.ThresholdComparison.GreaterOrEqual, ModelErrorCode.ValueOutOfRange, 7, true),
        ["GRADED with SUBTRACT"] = (m => m.Layers[0].Reset = P.ResetMode.Subtract, ModelErrorCode.ValueOutOfRange, 6, true),
        ["GRADED without thresholds"] = (m => m.Layers[0].Threshold.Clear(), ModelErrorCode.SizeMismatch, 8, false),
        ["GRADED threshold below the state range"] = (m => m.Layers[0].Threshold[0] = Semantics.StateMin - 1, ModelErrorCode.ValueOutOfRange, 8, false),
        ["leaky integrator output_table"] = (m => m.Layers[2].OutputTable = new P.LookupTable { Values = { 0 } }, ModelErrorCode.FieldNotAllowed, 21, true),
        ["SRC output_table"] = (m => m.Layers[1].OutputTable = new P.LookupTable { Values = { 0 } }, ModelErrorCode.FieldNotAllowed, 21, true),

        // Reset scope.
        ["reset_scope 3"] = (m => m.Layers[0].ResetScope = (P.ResetScope)3, ModelErrorCode.ValueOutOfRange, 22, true),
        ["reset_scope LAYER with NONE"] = (m => { m.Layers[0].ResetScope = P.ResetScope.Layer; m.Layers[0].Reset = P.ResetMode.None; }, ModelErrorCode.FieldNotAllowed, 22, true),
        ["leaky integrator reset_scope"] = (m => m.Layers[2].ResetScope = P.ResetScope.Neuron, ModelErrorCode.FieldNotAllowed, 22, true),

        // Recurrent weights: every rule of the feed-forward weights, output_size × output_size.
        ["leaky integrator recurrent_weights"] = (m => m.Layers[2].RecurrentWeights = TestModels.Encode(new sbyte[4], 2, 2, P.WeightEncoding.Dense), ModelErrorCode.FieldNotAllowed, 23, true),
        ["recurrent encoding unspecified"] = (m => m.Layers[0].RecurrentWeights.Encoding = P.WeightEncoding.Unspecified, ModelErrorCode.BadWeightEncoding, 1, false),
        ["recurrent bits 9"] = (m => m.Layers[0].RecurrentWeights.Bits = 9, ModelErrorCode.ValueOutOfRange, 2, true),
        ["recurrent value beyond its bits"] = (m => m.Layers[0].RecurrentWeights.Bits = 2, ModelErrorCode.ValueOutOfRange, 3, false),
        ["recurrent DENSE values for 2 × 2"] = (m => m.Layers[1].RecurrentWeights.Values = ByteString.CopyFrom(new byte[3]), ModelErrorCode.SizeMismatch, 3, true),
        ["recurrent CSR column at output size"] = (m => m.Layers[0].RecurrentWeights.Index = ByteString.CopyFrom(1, 3, 0, 0), ModelErrorCode.IndexOutOfRange, 4, false),
        ["recurrent CSR stream with a trailing byte"] = (m => m.Layers[0].RecurrentWeights.Index = ByteString.CopyFrom([.. m.Layers[0].RecurrentWeights.Index.Span, 0]), ModelErrorCode.BadWeightEncoding, 4, false),
        ["recurrent nonzero count wrong"] = (m => m.Layers[0].RecurrentWeights.NonzeroCount++, ModelErrorCode.SizeMismatch, 5, true),

        // SRC parameters.
        ["LIF with src"] = (m => m.Layers[0].Src = m.Layers[1].Src, ModelErrorCode.FieldNotAllowed, 24, true),
        ["leaky integrator with src"] = (m => m.Layers[2].Src = m.Layers[1].Src, ModelErrorCode.FieldNotAllowed, 24, true),
        ["SRC without src"] = (m => m.Layers[1].Src = null, ModelErrorCode.MissingField, 24, false),
        ["SRC with thresholds"] = (m => m.Layers[1].Threshold.AddRange([1, 1]), ModelErrorCode.SizeMismatch, 8, true),
        ["SRC with a reset"] = (m => m.Layers[1].Reset = P.ResetMode.Zero, ModelErrorCode.ValueOutOfRange, 6, true),
        ["SRC with a comparison"] = (m => m.Layers[1].Comparison = P.ThresholdComparison.Greater, ModelErrorCode.ValueOutOfRange, 7, true),
        ["SRC bias above the state range"] = (m => m.Layers[1].Bias[0] = Semantics.StateMax + 1, ModelErrorCode.ValueOutOfRange, 9, false),
        ["fraction_bits 7"] = (m => m.Layers[1].Src.FractionBits = 7, ModelErrorCode.ValueOutOfRange, 1, true),
        ["fraction_bits 15"] = (m => m.Layers[1].Src.FractionBits = 15, ModelErrorCode.ValueOutOfRange, 1, true),
        ["input_decay 65537"] = (m => m.Layers[1].Src.InputDecay = 65537, ModelErrorCode.ValueOutOfRange, 2, true),
        ["no input_table"] = (m => m.Layers[1].Src.InputTable = null, ModelErrorCode.MissingField, 3, false),
        ["no fast_table"] = (m => m.Layers[1].Src.FastTable = null, ModelErrorCode.MissingField, 4, false),
        ["fast_table value above 2^F"] = (m => m.Layers[1].Src.FastTable.Values[0] = 257, ModelErrorCode.ValueOutOfRange, 3, false),
        ["input_table value above the state range"] = (m => m.Layers[1].Src.InputTable.Values[0] = Semantics.StateMax + 1, ModelErrorCode.ValueOutOfRange, 3, false),
        ["fast_feedback below the state range"] = (m => m.Layers[1].Src.FastFeedback = Semantics.StateMin - 1, ModelErrorCode.ValueOutOfRange, 5, true),
        ["slow_feedback above the state range"] = (m => m.Layers[1].Src.SlowFeedback = Semantics.StateMax + 1, ModelErrorCode.ValueOutOfRange, 6, true),
        ["gate_threshold above the state range"] = (m => m.Layers[1].Src.GateThreshold = Semantics.StateMax + 1, ModelErrorCode.ValueOutOfRange, 7, true),
        ["slow_gate_rest 65537"] = (m => m.Layers[1].Src.SlowGateRest = 65537, ModelErrorCode.ValueOutOfRange, 8, true),
        ["slow_gate_active 65537"] = (m => m.Layers[1].Src.SlowGateActive = 65537, ModelErrorCode.ValueOutOfRange, 9, true),
        ["rest_fast above 2^F"] = (m => m.Layers[1].Src.RestFast = 257, ModelErrorCode.ValueOutOfRange, 10, true),
        ["rest_slow below -2^F"] = (m => m.Layers[1].Src.RestSlow = -257, ModelErrorCode.ValueOutOfRange, 11, true),

        // Lookup tables.
        ["table input_shift 31"] = (m => m.Layers[0].OutputTable.InputShift = 31, ModelErrorCode.ValueOutOfRange, 1, true),
        ["table without values"] = (m => m.Layers[1].Src.FastTable.Values.Clear(), ModelErrorCode.ValueOutOfRange, 3, false),
        ["table of 65537 values"] = (m => m.Layers[1].Src.InputTable.Values.AddRange(new int[65537 - m.Layers[1].Src.InputTable.Values.Count]), ModelErrorCode.ValueOutOfRange, 3, true),

        // Readout.
        ["SPIKE_COUNT of a leaky-integrator last layer"] = (m => m.Readout.Mode = P.ReadoutMode.SpikeCount, ModelErrorCode.ValueOutOfRange, 1, true),
    };

    private static readonly Dictionary<string, (Action<P.Model> Break, ModelErrorCode Code, int Field, bool AtFieldTag)> s_binaryRules = new()
    {
        ["BINARY without comparison"] = (m => m.Layers[0].Comparison = P.ThresholdComparison.Unspecified, ModelErrorCode.ValueOutOfRange, 7, false),
        ["BINARY reset 5"] = (m => m.Layers[0].Reset = (P.ResetMode)5, ModelErrorCode.ValueOutOfRange, 6, true),
        ["BINARY threshold 0"] = (m => m.Layers[0].Threshold[1] = 0, ModelErrorCode.ValueOutOfRange, 8, false),
        ["BINARY with an output_table"] = (m => m.Layers[0].OutputTable = new P.LookupTable { Values = { 0, 1 } }, ModelErrorCode.FieldNotAllowed, 21, true),
        ["BINARY reset_scope LAYER with SUBTRACT"] = (m => { m.Layers[0].ResetScope = P.ResetScope.Layer; m.Layers[0].Reset = P.ResetMode.Subtract; }, ModelErrorCode.FieldNotAllowed, 22, true),
        ["format_minor 0 with reset GATE"] = (m => { m.FormatMinor = 0; m.Layers[0].Reset = P.ResetMode.Gate; }, ModelErrorCode.FeatureNeedsNewerMinorVersion, 6, true),
    };

    /// <summary>Valid 1.1 fields, each of which alone makes a format_minor 0 file refused (naming the field).</summary>
    private static readonly Dictionary<string, (Action<P.Model> Set, int Field)> s_features = new()
    {
        ["neuron SRC"] = (m => m.Layers[0].Neuron = P.NeuronModel.Src, 4),
        ["reset GATE"] = (m => m.Layers[0].Reset = P.ResetMode.Gate, 6),
        ["decay"] = (m => { m.Layers[0].LeakShift = 0; m.Layers[0].Decay = 1; }, 12),
        ["current_shift"] = (m => m.Layers[0].CurrentShift = 1, 13),
        ["refractory_ticks"] = (m => m.Layers[0].RefractoryTicks = 1, 14),
        ["refractory_gain"] = (m => m.Layers[0].RefractoryGain.Add(1), 15),
        ["inhibition"] = (m => m.Layers[0].Inhibition.Add(new[] { 1, 1, 1 }), 16),
        ["membrane_floor"] = (m => m.Layers[0].MembraneFloor.Add(new[] { 0, 0, 0 }), 17),
        ["activation IDENTITY"] = (m => m.Layers[0].Activation = P.StateActivation.Identity, 18),
        ["negative_slope"] = (m => m.Layers[0].NegativeSlope = 1, 19),
        ["output BINARY"] = (m => m.Layers[0].Output = P.OutputKind.Binary, 20),
        ["output_table"] = (m => m.Layers[0].OutputTable = new P.LookupTable { Values = { 0 } }, 21),
        ["reset_scope NEURON"] = (m => m.Layers[0].ResetScope = P.ResetScope.Neuron, 22),
        ["recurrent_weights"] = (m => m.Layers[0].RecurrentWeights = TestModels.Encode(new sbyte[9], 3, 3, P.WeightEncoding.Dense), 23),
        ["src"] = (m => m.Layers[0].Src = new P.SrcParameters(), 24),
    };

    public static TheoryData<string> Rules => new(s_rules.Keys);

    public static TheoryData<string> BinaryRules => new(s_binaryRules.Keys);

    public static TheoryData<string> Features => new(s_features.Keys);

    /// <summary>Layer 0 GRADED LIF 2→3 (every LIF option, CSR recurrent), layer 1 SRC 3→2 (DENSE recurrent), layer 2 leaky integrator 2→2.</summary>
    internal static NetSpec ValidSpec() => new()
    {
        Width = 2, Height = 1, Polarities = 1, TicksPerSample = 4, Readout = P.ReadoutMode.MembraneSum,
        Layers =
        [
            new LayerSpec
            {
                InputSize = 2, OutputSize = 3, Weights = [5, -3, 0, 7, 2, -1], Output = P.OutputKind.Graded,
                Comparison = P.ThresholdComparison.Unspecified, Reset = P.ResetMode.Gate, Threshold = [0, -5, 7],
                OutputTable = new TableSpec(1, 0, [0, 16, 64, 128]), Decay = 60000, CurrentShift = 2, RefractoryTicks = 1,
                RefractoryGain = [16384], Inhibition = [1, 2, 3], MembraneFloor = [-10, -10, -10],
                Activation = P.StateActivation.LeakyRelu, NegativeSlope = 8192, ResetScope = P.ResetScope.Neuron,
                Recurrent = [0, 3, 0, -2, 0, 0, 0, 0, 4], RecurrentEncoding = P.WeightEncoding.Csr,
            },
            new LayerSpec
            {
                InputSize = 3, OutputSize = 2, Weights = [1, 2, -3, 4, 5, 0], Neuron = P.NeuronModel.Src, Bias = [5, -5],
                Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified, Recurrent = [1, -1, 2, 0],
                Src = new SrcSpec
                {
                    FractionBits = 8, InputDecay = 40000, InputTable = new TableSpec(2, -2, [-300, -100, 0, 100, 300]),
                    FastTable = new TableSpec(5, -3, [-256, -128, 0, 128, 200, 256]), FastFeedback = 100, SlowFeedback = -50,
                    GateThreshold = 10, SlowGateRest = 65536, SlowGateActive = 30000, RestFast = 0, RestSlow = 20,
                },
            },
            new LayerSpec
            {
                InputSize = 2, OutputSize = 2, Weights = [1, -1, 2, 3], Neuron = P.NeuronModel.LeakyIntegrator, Decay = 50000,
                CurrentShift = 3, Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified,
            },
        ],
    };

    private static P.Model Valid() => TestModels.ToProto(ValidSpec());

    private static P.Model ValidBinary() => TestModels.ToProto(new NetSpec
    {
        Width = 2, Height = 1, Polarities = 1, TicksPerSample = 3, Readout = P.ReadoutMode.SpikeCount,
        Layers = [new LayerSpec { InputSize = 2, OutputSize = 3, Weights = [5, -3, 0, 7, 2, -1], Threshold = [3, 4, 5], Reset = P.ResetMode.Zero }],
    });

    /// <summary>Loads bytes that must be refused; checks the offset and the allocation bound of the hostile-input tests.</summary>
    private static ModelFormatException Refuse(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ModelFormatException>(() => Network.Load(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= (16L * bytes.Length) + 65536, $"Load allocated {allocated} bytes for a {bytes.Length}-byte file");
        Assert.InRange(error.Offset, 0, bytes.Length - 1);
        return error;
    }

    private static void AssertRefused(P.Model model, ModelErrorCode code, int field, bool atFieldTag)
    {
        byte[] bytes = TestModels.Seal(model);
        ModelFormatException error = Refuse(bytes);
        Assert.Equal((code, field), (error.Code, error.FieldNumber));
        if (atFieldTag)
        {
            // The offset is the tag of the field at fault.
            Assert.Equal(field, (int)(DecodeVarint(bytes, (int)error.Offset) >> 3));
        }
    }

    private static ulong DecodeVarint(byte[] bytes, int offset)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    [Fact]
    public void Valid_models_with_every_option_load()
    {
        Network network = Network.Load(TestModels.Seal(Valid()));
        Assert.Equal(3, network.LayerCount);
        Network.Load(TestModels.Seal(ValidBinary()));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_broken_rule_is_refused_with_its_code_and_field(string rule)
    {
        var (breakIt, code, field, atTag) = s_rules[rule];
        P.Model model = Valid();
        breakIt(model);
        AssertRefused(model, code, field, atTag);
    }

    [Theory]
    [MemberData(nameof(BinaryRules))]
    public void Each_broken_binary_lif_rule_is_refused_with_its_code_and_field(string rule)
    {
        var (breakIt, code, field, atTag) = s_binaryRules[rule];
        P.Model model = ValidBinary();
        model.FormatMinor = 1;
        breakIt(model);
        AssertRefused(model, code, field, atTag);
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void A_format_minor_0_file_using_a_1_1_feature_is_refused_naming_it(string feature)
    {
        var (set, field) = s_features[feature];
        P.Model model = ValidBinary();
        set(model);
        model.FormatMinor = 0;
        AssertRefused(model, ModelErrorCode.FeatureNeedsNewerMinorVersion, field, true);

        // The same file marked 1.1 is not refused for being 1.1 (it may break another rule, e.g. an SRC without src).
        model.FormatMinor = 1;
        var error = Record.Exception(() => Network.Load(TestModels.Seal(model)));
        Assert.False(error is ModelFormatException { Code: ModelErrorCode.FeatureNeedsNewerMinorVersion });
    }

    [Fact]
    public void Graded_thresholds_at_or_below_zero_and_any_table_offset_are_allowed()
    {
        P.Model model = Valid();
        model.Layers[0].Threshold[0] = Semantics.StateMin;
        model.Layers[0].OutputTable.InputOffset = int.MinValue;
        model.Layers[1].Src.InputTable.InputOffset = int.MaxValue;
        Network.Load(TestModels.Seal(model));
    }

    [Theory]
    [InlineData(P.NeuronModel.Lif)]
    [InlineData(P.NeuronModel.Src)]
    public void Spike_count_readout_of_a_graded_or_src_last_layer_is_allowed(P.NeuronModel last)
    {
        NetSpec spec = ValidSpec();
        spec = spec with { Readout = P.ReadoutMode.SpikeCount, Layers = last == P.NeuronModel.Src ? spec.Layers[..2] : spec.Layers[..1] };
        Network network = Network.Load(TestModels.Build(spec));
        Assert.Equal(last == P.NeuronModel.Src ? 2 : 3, network.OutputSize);
    }

    [Fact]
    public void A_leaky_integrator_before_another_layer_stays_allowed()
    {
        NetSpec spec = ValidSpec();
        LayerSpec integrator = spec.Layers[2] with { OutputSize = 3, Weights = [1, 0, 0, 0, 1, 0] };
        var binary = new LayerSpec { InputSize = 3, OutputSize = 1, Weights = [1, 1, 1], Threshold = [1], Reset = P.ResetMode.Zero, Recurrent = [5] };
        Network network = Network.Load(TestModels.Build(spec with { Readout = P.ReadoutMode.SpikeCount, Layers = [.. spec.Layers, integrator, binary] }));
        Assert.Equal(5, network.LayerCount);
    }

    [Fact]
    public void A_duplicate_recurrent_weights_message_is_refused()
    {
        P.Model model = ValidBinary();
        model.FormatMinor = 1;
        P.Layer layer = model.Layers[0];
        layer.RecurrentWeights = TestModels.Encode(new sbyte[9], 3, 3, P.WeightEncoding.Dense);
        byte[] once = layer.ToByteArray();
        byte[] recurrent = new P.Layer { RecurrentWeights = layer.RecurrentWeights }.ToByteArray();
        model.Layers.Clear();
        var body = new List<byte>(model.ToByteArray()) { 0x32 };
        TestModels.WriteVarint(body, (ulong)(once.Length + recurrent.Length));
        body.AddRange(once);
        body.AddRange(recurrent);
        var error = Refuse(TestModels.Seal(body.ToArray()));
        Assert.Equal((ModelErrorCode.DuplicateField, 23), (error.Code, error.FieldNumber));
    }

    /// <summary>
    /// Two GRADED layers (the first 1 → <paramref name="inputs"/>), the second <paramref name="inputs"/> → 30,000 with
    /// recurrent weights: 127 × (inputs + 30,000) × 128 against 2^30 (semantics §4.5). Every matrix is CSR with empty
    /// rows, so the file stays small.
    /// </summary>
    private static P.Model RangeModel(int inputs)
    {
        const int outputs = 30_000;
        static P.Weights EmptyCsr(int rows) => new() { Encoding = P.WeightEncoding.Csr, Bits = 8, Index = ByteString.CopyFrom(new byte[rows]) };
        static P.Layer Graded(int input, int output)
        {
            var layer = new P.Layer
            {
                Name = "graded", InputSize = (uint)input, OutputSize = (uint)output, Neuron = P.NeuronModel.Lif, Output = P.OutputKind.Graded,
                Reset = P.ResetMode.Zero, OutputTable = new P.LookupTable { Values = { 0, 128 } }, Weights = EmptyCsr(input),
            };
            layer.Threshold.Add(new int[output]);
            layer.WeightScale.Add(Enumerable.Repeat(0.01f, output));
            return layer;
        }

        P.Layer second = Graded(inputs, outputs);
        second.RecurrentWeights = EmptyCsr(outputs);
        return new P.Model
        {
            FormatMajor = 1, FormatMinor = 1, Input = new P.InputGeometry { Width = 1, Height = 1, Polarities = 1 },
            TickMicroseconds = 1000, TicksPerSample = 2, Readout = new P.Readout { Mode = P.ReadoutMode.SpikeCount },
            Layers = { Graded(1, inputs), second },
        };
    }

    [Fact]
    public void Range_rule_allows_the_largest_layers_whose_drive_fits_32_bits()
    {
        // 127 × 128 × (36,052 + 30,000) = 1,073,741,312 ≤ 2^30.
        Network network = Network.Load(TestModels.Seal(RangeModel(36_052)));
        Assert.Equal(30_000, network.OutputSize);
    }

    [Fact]
    public void Range_rule_refuses_a_recurrent_layer_whose_drive_could_overflow()
    {
        // 127 × 128 × (36,053 + 30,000) = 1,073,757,568 > 2^30: named at the recurrent weights of layer 1.
        byte[] bytes = TestModels.Seal(RangeModel(36_053));
        var error = Assert.Throws<ModelFormatException>(() => Network.Load(bytes));
        Assert.Equal((ModelErrorCode.DriveRangeExceeded, 23), (error.Code, error.FieldNumber));
        Assert.Equal(23, (int)(DecodeVarint(bytes, (int)error.Offset) >> 3));
    }
}
