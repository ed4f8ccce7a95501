using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>
/// The PC reader and the edge runtime's own reader enforce the same wire-format.md rules: what one writes the
/// other loads, and a file the PC reader accepts is never refused by the runtime.
/// </summary>
public sealed class RuntimeAgreementTests
{
    [Fact]
    public void Files_written_here_load_in_the_edge_runtime()
    {
        foreach (Model model in new[] { TestModels.WorkedExample(), TestModels.Small(), TestModels.Realistic() })
        {
            Network network = Network.Load(ModelWriter.ToBytes(model));

            Assert.Equal(model.Layers.Count, network.LayerCount);
            Assert.Equal((int)model.Layers[^1].OutputSize, network.OutputSize);
            Assert.Equal((int)model.TicksPerSample, network.TicksPerSample);
        }
    }

    [Fact]
    public void Mutated_files_accepted_here_are_accepted_by_the_edge_runtime()
        => MutationsAcceptedHereAreAcceptedThere(TestModels.Small(), seed: 7);

    [Fact]
    public void Mutated_files_refused_here_are_refused_by_the_edge_runtime_too_unless_only_informational_text_broke()
        => MutationsRefusedHereAreRefusedThere(TestModels.Small(), seed: 8);

    // Format 1.1. These cases fail while the edge runtime's loader does not yet read 1.1 files; they are kept
    // as they are (not skipped) so that the two readers are held to the same rules.
    public static TheoryData<string> Rules11Broken => [.. Rules11.Broken.Keys];

    public static TheoryData<string> Features11 => [.. Rules11.Features.Keys];

    [Fact]
    public void A_file_using_every_1_1_field_loads_in_the_edge_runtime()
    {
        Model model = TestModels11.EveryField();

        Network network = Network.Load(ModelWriter.ToBytes(model));

        Assert.Equal(model.Layers.Count, network.LayerCount);
        Assert.Equal((int)model.Layers[^1].OutputSize, network.OutputSize);
    }

    [Theory]
    [MemberData(nameof(Features11))]
    public void A_1_1_feature_loads_at_minor_1_and_is_refused_at_minor_0_by_the_edge_runtime(string feature)
    {
        Model model = TestModels.Small();
        Rules11.Features[feature].Add(model);
        byte[] written = ModelWriter.ToBytes(model);
        model.FormatMinor = 0;
        byte[] markedOld = TestModels.SerializeWithChecksum(model);

        LoadsInTheRuntime(written);
        Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(markedOld));
        Assert.IsType<ModelFormatException>(Record.Exception(() => Network.Load(markedOld)));
    }

    [Theory]
    [MemberData(nameof(Rules11Broken))]
    public void A_file_breaking_a_1_1_rule_is_refused_by_both_readers(string rule)
    {
        Model model = TestModels11.EveryField();
        LoadsInTheRuntime(ModelWriter.ToBytes(model));
        Rules11.Broken[rule].Break(model);
        byte[] bytes = TestModels.SerializeWithChecksum(model);

        Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));
        Exception? runtimeError = Record.Exception(() => Network.Load(bytes));
        Assert.True(runtimeError is ModelFormatException, $"{rule}: the PC reader refused but the runtime {(runtimeError == null ? "loaded it" : "threw " + runtimeError.GetType().Name + ": " + runtimeError.Message)}");
    }

    [Fact]
    public void A_1_0_model_marked_minor_2_is_refused_by_both_readers()
    {
        Model model = TestModels.Small();
        model.FormatMinor = 2;
        byte[] bytes = TestModels.SerializeWithChecksum(model);

        Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));
        Assert.IsType<ModelFormatException>(Record.Exception(() => Network.Load(bytes)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Spike_count_readouts_of_graded_and_SRC_last_layers_load_in_both_readers(bool srcLast)
    {
        Model model = TestModels11.EveryField();
        model.Layers.RemoveAt(3);
        if (!srcLast)
        {
            model.Layers.RemoveAt(2);
        }

        model.Labels.Clear();
        model.Readout.Mode = ReadoutMode.SpikeCount;
        byte[] bytes = ModelWriter.ToBytes(model);

        Assert.Null(Record.Exception(() => Network.Load(bytes)));
    }

    [Theory]
    [InlineData(517, true)]
    [InlineData(518, false)]
    public void Both_readers_draw_the_32_bit_range_line_of_semantics_4_5_at_the_same_place(int neurons, bool accepted)
    {
        byte[] bytes = TestModels.SerializeWithChecksum(TestModels11.WideGradedThenRecurrent(neurons, NeuronModel.Src));

        Exception? pcError = Record.Exception(() => ModelReader.FromBytes(bytes));
        Exception? runtimeError = Record.Exception(() => Network.Load(bytes));

        Assert.Equal(accepted, pcError == null);
        Assert.True(accepted ? runtimeError == null : runtimeError is ModelFormatException, $"{neurons} neurons: runtime {runtimeError?.GetType().Name ?? "accepted"}: {runtimeError?.Message}");
    }

    [Fact]
    public void Mutated_1_1_files_accepted_here_are_accepted_by_the_edge_runtime()
        => MutationsAcceptedHereAreAcceptedThere(TestModels11.EveryField(), seed: 17);

    [Fact]
    public void Mutated_1_1_files_refused_here_are_refused_by_the_edge_runtime_too_unless_only_informational_text_broke()
        => MutationsRefusedHereAreRefusedThere(TestModels11.EveryField(), seed: 18);

    private static void MutationsAcceptedHereAreAcceptedThere(Model model, int seed)
    {
        byte[] valid = ModelWriter.ToBytes(model);
        var random = new Random(seed);
        int accepted = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(0, bytes.Length - 5)] = (byte)random.Next(256);
            bytes = TestModels.WithFixedChecksum(bytes);
            if (Record.Exception(() => ModelReader.FromBytes(bytes)) != null)
            {
                continue;
            }

            accepted++;
            var runtimeError = Record.Exception(() => Network.Load(bytes));
            Assert.True(runtimeError == null, $"trial {trial}: the runtime refused what the PC reader accepted: {(runtimeError as ModelFormatException)?.Code} at byte {(runtimeError as ModelFormatException)?.Offset}: {runtimeError?.Message}");
        }

        Assert.True(accepted > 0, "no mutation was accepted, so the test compared nothing");
    }

    private static void MutationsRefusedHereAreRefusedThere(Model model, int seed)
    {
        byte[] valid = ModelWriter.ToBytes(model);
        LoadsInTheRuntime(valid);
        var random = new Random(seed);
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(0, bytes.Length - 5)] = (byte)random.Next(256);
            bytes = TestModels.WithFixedChecksum(bytes);
            var pcError = Record.Exception(() => ModelReader.FromBytes(bytes)) as ModelFileException;
            // The runtime skips provenance unread, does not decode strings (names, labels) and, since it never uses
            // the weight scales (semantics §3), checks them only for being finite, not positive: damage there is
            // refused only here.
            bool informationalOnly = pcError != null
                && (pcError.Field.StartsWith("provenance", StringComparison.Ordinal)
                    || (pcError.Field.Contains(".weight_scale[", StringComparison.Ordinal) && pcError.Message.Contains("found -", StringComparison.Ordinal))
                    || pcError.InnerException?.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) == true);
            if (pcError == null || informationalOnly)
            {
                continue;
            }

            refused++;
            var runtimeError = Record.Exception(() => Network.Load(bytes));
            Assert.True(runtimeError is ModelFormatException, $"trial {trial}: the PC reader refused ({pcError.Message}) but the runtime {(runtimeError == null ? "loaded it" : "threw " + runtimeError.GetType().Name)}");
        }

        Assert.True(refused > 0, "no mutation was refused, so the test compared nothing");
    }

    /// <summary>
    /// The precondition of every "refused by both" comparison: the unbroken file loads in the runtime (a runtime that
    /// refused it would refuse every variant for another reason, and the comparison would say nothing).
    /// </summary>
    private static void LoadsInTheRuntime(byte[] valid)
    {
        Exception? error = Record.Exception(() => Network.Load(valid));
        Assert.True(error == null, $"the runtime refuses the unbroken model, so the comparison says nothing: {(error as ModelFormatException)?.Code} at byte {(error as ModelFormatException)?.Offset}: {error?.Message}");
    }
}
