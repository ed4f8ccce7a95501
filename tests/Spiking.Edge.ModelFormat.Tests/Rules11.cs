using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>
/// The format-1.1 rules of spec/wire-format.md, shared by the validator tests and the runtime agreement tests.
/// <see cref="Broken"/>: each breaks exactly one rule of <see cref="TestModels11.EveryField"/> (layer 0 BINARY LIF
/// with every option, 1 GRADED LIF, 2 SRC, 3 leaky integrator) and names the field the problem must name.
/// <see cref="Features"/>: each adds one 1.1 feature, validly, to the 1.0 model <see cref="TestModels.Small"/>
/// (0 LIF 12→10, 1 CSR LIF 10→20, 2 leaky integrator 20→5) and names the field that makes it a 1.1 model.
/// </summary>
internal static class Rules11
{
    public static readonly IReadOnlyDictionary<string, (Action<Model> Break, string Field)> Broken = new Dictionary<string, (Action<Model>, string)>
    {
        // Versioning.
        ["minor version 2"] = (m => m.FormatMinor = 2, "format_minor"),
        ["minor version 0 with 1.1 fields"] = (m => m.FormatMinor = 0, "layers[0].reset"),

        // Neuron model.
        ["neuron model unknown value 4"] = (m => m.Layers[3].Neuron = (NeuronModel)4, "layers[3].neuron"),

        // Leak, decay and synaptic current.
        ["decay above 65535"] = (m => m.Layers[0].Decay = 65536, "layers[0].decay"),
        ["decay with a leak shift"] = (m => m.Layers[0].LeakShift = 2, "layers[0].decay"),
        ["leaky integrator decay with a leak shift"] = (m => m.Layers[3].LeakShift = 1, "layers[3].decay"),
        ["SRC with a leak shift"] = (m => m.Layers[2].LeakShift = 1, "layers[2].leak_shift"),
        ["SRC with a decay"] = (m => m.Layers[2].Decay = 100, "layers[2].decay"),
        ["current shift 25"] = (m => m.Layers[0].CurrentShift = 25, "layers[0].current_shift"),
        ["SRC with a current shift"] = (m => m.Layers[2].CurrentShift = 1, "layers[2].current_shift"),

        // Refractory periods (LIF only).
        ["refractory ticks above 65535"] = (m => m.Layers[0].RefractoryTicks = 65536, "layers[0].refractory_ticks"),
        ["refractory gain with 65536 entries"] = (m => m.Layers[0].RefractoryGain.AddRange(new uint[65536 - 4]), "layers[0].refractory_gain"),
        ["refractory gain above 32768"] = (m => m.Layers[0].RefractoryGain[1] = 32769, "layers[0].refractory_gain[1]"),
        ["refractory ticks on a leaky integrator"] = (m => m.Layers[3].RefractoryTicks = 1, "layers[3].refractory_ticks"),
        ["refractory gain on a SRC layer"] = (m => m.Layers[2].RefractoryGain.Add(100), "layers[2].refractory_gain"),

        // Winner-take-all inhibition and membrane floor (LIF only).
        ["inhibition with too few entries"] = (m => m.Layers[0].Inhibition.RemoveAt(0), "layers[0].inhibition"),
        ["inhibition above the state range"] = (m => m.Layers[0].Inhibition[2] = 8_388_608, "layers[0].inhibition[2]"),
        ["membrane floor with too many entries"] = (m => m.Layers[0].MembraneFloor.Add(0), "layers[0].membrane_floor"),
        ["membrane floor below the state range"] = (m => m.Layers[0].MembraneFloor[0] = -8_388_609, "layers[0].membrane_floor[0]"),
        ["inhibition on a leaky integrator"] = (m => m.Layers[3].Inhibition.AddRange([1, 1, 1, 1, 1]), "layers[3].inhibition"),
        ["membrane floor on a SRC layer"] = (m => m.Layers[2].MembraneFloor.AddRange(new int[8]), "layers[2].membrane_floor"),

        // State activation (LIF only).
        ["activation unknown"] = (m => m.Layers[0].Activation = (StateActivation)3, "layers[0].activation"),
        ["negative slope above 65536"] = (m => m.Layers[0].NegativeSlope = 65537, "layers[0].negative_slope"),
        ["negative slope without LEAKY_RELU"] = (m => m.Layers[1].NegativeSlope = 5, "layers[1].negative_slope"),
        ["activation on a leaky integrator"] = (m => m.Layers[3].Activation = StateActivation.LeakyRelu, "layers[3].activation"),
        ["activation IDENTITY on a SRC layer"] = (m => m.Layers[2].Activation = StateActivation.Identity, "layers[2].activation"),
        ["negative slope on a leaky integrator"] = (m => m.Layers[3].NegativeSlope = 1, "layers[3].negative_slope"),

        // Output kind.
        ["output unknown on a LIF layer"] = (m => m.Layers[0].Output = (OutputKind)3, "layers[0].output"),
        ["output BINARY on a leaky integrator"] = (m => m.Layers[3].Output = OutputKind.Binary, "layers[3].output"),
        ["output GRADED on a SRC layer"] = (m => m.Layers[2].Output = OutputKind.Graded, "layers[2].output"),

        // BINARY LIF.
        ["binary LIF with an output table"] = (m => m.Layers[0].OutputTable = TestModels11.OutputTable(), "layers[0].output_table"),
        ["binary LIF with reset unknown"] = (m => m.Layers[0].Reset = (ResetMode)5, "layers[0].reset"),
        ["binary LIF without comparison"] = (m => m.Layers[0].Comparison = ThresholdComparison.Unspecified, "layers[0].comparison"),
        ["binary LIF threshold 0"] = (m => m.Layers[0].Threshold[4] = 0, "layers[0].threshold[4]"),

        // GRADED LIF.
        ["graded LIF without an output table"] = (m => m.Layers[1].OutputTable = null, "layers[1].output_table"),
        ["graded output table value 129"] = (m => m.Layers[1].OutputTable.Values[5] = 129, "layers[1].output_table.values[5]"),
        ["graded output table value -1"] = (m => m.Layers[1].OutputTable.Values[0] = -1, "layers[1].output_table.values[0]"),
        ["graded LIF with a comparison"] = (m => m.Layers[1].Comparison = ThresholdComparison.GreaterOrEqual, "layers[1].comparison"),
        ["graded LIF with reset SUBTRACT"] = (m => m.Layers[1].Reset = ResetMode.Subtract, "layers[1].reset"),
        ["graded LIF without reset"] = (m => m.Layers[1].Reset = ResetMode.Unspecified, "layers[1].reset"),
        ["graded LIF with too few thresholds"] = (m => m.Layers[1].Threshold.RemoveAt(19), "layers[1].threshold"),
        ["graded LIF threshold below the state range"] = (m => m.Layers[1].Threshold[2] = -8_388_609, "layers[1].threshold[2]"),

        // Lookup tables.
        ["output table input shift 31"] = (m => m.Layers[1].OutputTable.InputShift = 31, "layers[1].output_table.input_shift"),
        ["output table without values"] = (m => m.Layers[1].OutputTable.Values.Clear(), "layers[1].output_table.values"),
        ["input table with 65537 values"] = (m => m.Layers[2].Src.InputTable.Values.AddRange(new int[65537 - 128]), "layers[2].src.input_table.values"),
        ["input table value above the state range"] = (m => m.Layers[2].Src.InputTable.Values[3] = 8_388_608, "layers[2].src.input_table.values[3]"),

        // Reset scope (LIF only).
        ["reset scope unknown"] = (m => m.Layers[0].ResetScope = (ResetScope)3, "layers[0].reset_scope"),
        ["reset scope LAYER with reset SUBTRACT"] = (m => m.Layers[0].Reset = ResetMode.Subtract, "layers[0].reset_scope"),
        ["reset scope LAYER with reset NONE"] = (m => m.Layers[0].Reset = ResetMode.None, "layers[0].reset_scope"),
        ["reset scope on a leaky integrator"] = (m => m.Layers[3].ResetScope = ResetScope.Neuron, "layers[3].reset_scope"),
        ["reset scope on a SRC layer"] = (m => m.Layers[2].ResetScope = ResetScope.Layer, "layers[2].reset_scope"),

        // Recurrent weights: every rule of the feed-forward weights.
        ["recurrent weights on a leaky integrator"] = (m => m.Layers[3].RecurrentWeights = TestModels11.Recurrent(new Random(1), 5, 0.5, WeightEncoding.Dense), "layers[3].recurrent_weights"),
        ["recurrent weights of the feed-forward shape"] = (m => m.Layers[0].RecurrentWeights = m.Layers[0].Weights.Clone(), "layers[0].recurrent_weights.values"),
        ["recurrent encoding unspecified"] = (m => m.Layers[0].RecurrentWeights.Encoding = WeightEncoding.Unspecified, "layers[0].recurrent_weights.encoding"),
        ["recurrent bits 9"] = (m => m.Layers[0].RecurrentWeights.Bits = 9, "layers[0].recurrent_weights.bits"),
        ["recurrent weight -128"] = (m => SetFirstNonzero(m.Layers[0].RecurrentWeights, 0x80), "layers[0].recurrent_weights.values[FIRST]"),
        ["recurrent CSR column at output size"] = (m => m.Layers[2].RecurrentWeights = CsrWithColumn(8, 8), "layers[2].recurrent_weights.index[1]"),
        ["recurrent CSR stream with a trailing byte"] = (m => AppendIndex(m.Layers[2].RecurrentWeights, 0), "layers[2].recurrent_weights.index[END]"),
        ["recurrent BITMAP padding bit set"] = (m => SetPaddingBit(m.Layers[1].RecurrentWeights), "layers[1].recurrent_weights.index[2]"),
        ["recurrent BITMAP values differ from the popcount"] = (m => AppendValue(m.Layers[1].RecurrentWeights, 0), "layers[1].recurrent_weights.values"),
        ["recurrent nonzero count wrong"] = (m => m.Layers[2].RecurrentWeights.NonzeroCount++, "layers[2].recurrent_weights.nonzero_count"),

        // SRC parameters.
        ["SRC without src"] = (m => m.Layers[2].Src = null, "layers[2].src"),
        ["src on a LIF layer"] = (m => m.Layers[0].Src = TestModels11.SrcParameters(), "layers[0].src"),
        ["src on a leaky integrator"] = (m => m.Layers[3].Src = TestModels11.SrcParameters(), "layers[3].src"),
        ["fraction bits 7"] = (m => m.Layers[2].Src.FractionBits = 7, "layers[2].src.fraction_bits"),
        ["fraction bits 15"] = (m => m.Layers[2].Src.FractionBits = 15, "layers[2].src.fraction_bits"),
        ["input decay above 65536"] = (m => m.Layers[2].Src.InputDecay = 65537, "layers[2].src.input_decay"),
        ["no input table"] = (m => m.Layers[2].Src.InputTable = null, "layers[2].src.input_table"),
        ["no fast table"] = (m => m.Layers[2].Src.FastTable = null, "layers[2].src.fast_table"),
        ["fast table value above 2^F"] = (m => m.Layers[2].Src.FastTable.Values[255] = 4097, "layers[2].src.fast_table.values[255]"),
        ["fast table value below -2^F"] = (m => m.Layers[2].Src.FastTable.Values[0] = -4097, "layers[2].src.fast_table.values[0]"),
        ["fast table input shift 31"] = (m => m.Layers[2].Src.FastTable.InputShift = 31, "layers[2].src.fast_table.input_shift"),
        ["fast feedback above the state range"] = (m => m.Layers[2].Src.FastFeedback = 8_388_608, "layers[2].src.fast_feedback"),
        ["slow feedback below the state range"] = (m => m.Layers[2].Src.SlowFeedback = -8_388_609, "layers[2].src.slow_feedback"),
        ["gate threshold above the state range"] = (m => m.Layers[2].Src.GateThreshold = int.MaxValue, "layers[2].src.gate_threshold"),
        ["slow gate rest above 65536"] = (m => m.Layers[2].Src.SlowGateRest = 65537, "layers[2].src.slow_gate_rest"),
        ["slow gate active above 65536"] = (m => m.Layers[2].Src.SlowGateActive = 70000, "layers[2].src.slow_gate_active"),
        ["rest fast above 2^F"] = (m => m.Layers[2].Src.RestFast = 4097, "layers[2].src.rest_fast"),
        ["rest slow below -2^F"] = (m => m.Layers[2].Src.RestSlow = -4097, "layers[2].src.rest_slow"),
        ["SRC with thresholds"] = (m => m.Layers[2].Threshold.AddRange([1, 1, 1, 1, 1, 1, 1, 1]), "layers[2].threshold"),
        ["SRC with a reset"] = (m => m.Layers[2].Reset = ResetMode.Zero, "layers[2].reset"),
        ["SRC with a comparison"] = (m => m.Layers[2].Comparison = ThresholdComparison.Greater, "layers[2].comparison"),
        ["SRC with an output table"] = (m => m.Layers[2].OutputTable = TestModels11.OutputTable(), "layers[2].output_table"),
        ["SRC bias above the state range"] = (m => m.Layers[2].Bias[0] = 8_388_608, "layers[2].bias[0]"),
        ["SRC bias with too few entries"] = (m => m.Layers[2].Bias.RemoveAt(7), "layers[2].bias"),

        // Leaky integrator.
        ["leaky integrator with an output table"] = (m => m.Layers[3].OutputTable = TestModels11.OutputTable(), "layers[3].output_table"),

        // Readout.
        ["SPIKE_COUNT on a leaky-integrator last layer"] = (m => m.Readout.Mode = ReadoutMode.SpikeCount, "readout.mode"),
    };

    public static readonly IReadOnlyDictionary<string, (Action<Model> Add, string Field)> Features = new Dictionary<string, (Action<Model>, string)>
    {
        ["neuron SRC"] = (m => TestModels11.MakeSrc(m.Layers[1]), "layers[1].neuron"),
        ["reset GATE"] = (m => m.Layers[1].Reset = ResetMode.Gate, "layers[1].reset"),
        ["decay"] = (m => { m.Layers[1].LeakShift = 0; m.Layers[1].Decay = 61440; }, "layers[1].decay"),
        ["decay of a leaky integrator"] = (m => { m.Layers[2].LeakShift = 0; m.Layers[2].Decay = 1; }, "layers[2].decay"),
        ["current shift"] = (m => m.Layers[1].CurrentShift = 5, "layers[1].current_shift"),
        ["current shift of a leaky integrator"] = (m => m.Layers[2].CurrentShift = 24, "layers[2].current_shift"),
        ["refractory ticks"] = (m => m.Layers[1].RefractoryTicks = 3, "layers[1].refractory_ticks"),
        ["refractory gain"] = (m => m.Layers[1].RefractoryGain.AddRange([16384, 32768]), "layers[1].refractory_gain"),
        ["inhibition"] = (m => m.Layers[1].Inhibition.AddRange(Enumerable.Repeat(3, 20)), "layers[1].inhibition"),
        ["membrane floor"] = (m => m.Layers[1].MembraneFloor.AddRange(Enumerable.Repeat(-500, 20)), "layers[1].membrane_floor"),
        ["activation IDENTITY"] = (m => m.Layers[1].Activation = StateActivation.Identity, "layers[1].activation"),
        ["activation LEAKY_RELU with a slope"] = (m => { m.Layers[1].Activation = StateActivation.LeakyRelu; m.Layers[1].NegativeSlope = 6554; }, "layers[1].activation"),
        ["output BINARY"] = (m => m.Layers[1].Output = OutputKind.Binary, "layers[1].output"),
        ["output GRADED with its table"] = (m => TestModels11.MakeGraded(m.Layers[1]), "layers[1].output"),
        ["reset scope NEURON"] = (m => m.Layers[1].ResetScope = ResetScope.Neuron, "layers[1].reset_scope"),
        ["reset scope LAYER"] = (m => { m.Layers[1].Reset = ResetMode.Zero; m.Layers[1].ResetScope = ResetScope.Layer; }, "layers[1].reset_scope"),
        ["recurrent weights"] = (m => m.Layers[1].RecurrentWeights = TestModels11.Recurrent(new Random(2), 20, 0.1, WeightEncoding.Unspecified), "layers[1].recurrent_weights"),
    };

    /// <summary>Fills the templated parts of <see cref="Broken"/> field names from the unbroken model.</summary>
    public static string ResolveField(Model model, string field)
    {
        string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return field
            .Replace("values[FIRST]", $"values[{Text(FirstNonzero(model.Layers[0].RecurrentWeights))}]", StringComparison.Ordinal)
            .Replace("index[END]", $"index[{Text(model.Layers[2].RecurrentWeights.Index.Length)}]", StringComparison.Ordinal);
    }

    /// <summary>CSR weights of size × size with one weight at row 0, column size − 1; then the column byte set to <paramref name="column"/>.</summary>
    private static Weights CsrWithColumn(int size, byte column)
    {
        var dense = new sbyte[size * size];
        dense[size - 1] = 5;
        Weights weights = WeightCodec.EncodeAs(WeightEncoding.Csr, dense, size, size, 8);
        byte[] index = weights.Index.ToByteArray();
        index[1] = column;
        weights.Index = ByteString.CopyFrom(index);
        return weights;
    }

    private static void SetPaddingBit(Weights weights)
    {
        // 20 columns: 3 bytes per row, bits 4..7 of byte 2 are padding.
        byte[] index = weights.Index.ToByteArray();
        index[2] |= 0x80;
        weights.Index = ByteString.CopyFrom(index);
    }

    private static void AppendIndex(Weights weights, byte value) => weights.Index = ByteString.CopyFrom([.. weights.Index.Span, value]);

    private static void AppendValue(Weights weights, byte value) => weights.Values = ByteString.CopyFrom([.. weights.Values.Span, value]);

    private static void SetFirstNonzero(Weights weights, byte value)
    {
        byte[] values = weights.Values.ToByteArray();
        values[FirstNonzero(weights)] = value;
        weights.Values = ByteString.CopyFrom(values);
    }

    private static int FirstNonzero(Weights weights) => weights.Values.ToByteArray().ToList().FindIndex(b => b != 0);
}
