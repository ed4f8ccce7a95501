using System.Globalization;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

public sealed class ModelInspectorTests
{
    [Fact]
    public void WeightSparsity_is_the_zero_fraction_over_all_weights_of_all_layers()
    {
        Model model = TestModels.Small();
        long cells = model.Layers.Sum(l => (long)l.InputSize * l.OutputSize);
        long nonzero = model.Layers.Sum(l => WeightCodec.Decode(l.Weights, (int)l.InputSize, (int)l.OutputSize).LongCount(w => w != 0));

        Assert.Equal(1.0 - ((double)nonzero / cells), ModelInspector.WeightSparsity(model), precision: 12);
    }

    [Fact]
    public void WeightSparsity_of_the_worked_example_is_zero()
    {
        Assert.Equal(0.0, ModelInspector.WeightSparsity(TestModels.WorkedExample()));
    }

    [Fact]
    public void StoredSynapses_counts_every_dense_weight_and_only_stored_sparse_weights()
    {
        Model model = TestModels.Small();
        long expected = (12 * 10) + (long)model.Layers[1].Weights.NonzeroCount + (long)model.Layers[2].Weights.NonzeroCount;

        Assert.Equal(expected, ModelInspector.StoredSynapses(model));
    }

    [Fact]
    public void Describe_names_the_version_geometry_time_layers_readout_labels_provenance_and_checksum()
    {
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(TestModels.Small()));

        string text = ModelInspector.Describe(model, 1234);

        Assert.Contains("format 1.0", text, StringComparison.Ordinal);
        Assert.Contains("1,234 bytes", text, StringComparison.Ordinal);
        Assert.Contains("3 x 2 x 2", text, StringComparison.Ordinal);
        Assert.Contains("T = 20 ticks", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"0x{model.Checksum:X8}"), text, StringComparison.Ordinal);
        for (int l = 0; l < model.Layers.Count; l++)
        {
            Layer layer = model.Layers[l];
            Assert.Contains($"[{l}] {layer.Name}: {ProtoName(layer.Neuron)}, {layer.InputSize} -> {layer.OutputSize}", text, StringComparison.Ordinal);
            Assert.Contains($"weights: {ProtoName(layer.Weights.Encoding)}, {layer.Weights.Bits}-bit", text, StringComparison.Ordinal);
        }

        Assert.Contains($"threshold {model.Layers[0].Threshold.Min()}..{model.Layers[0].Threshold.Max()}", text, StringComparison.Ordinal);
        Assert.Contains("reset SUBTRACT, comparison GREATER_OR_EQUAL", text, StringComparison.Ordinal);
        Assert.Contains("Readout: MEMBRANE_SUM", text, StringComparison.Ordinal);
        Assert.Contains("Labels: a, b, c, d, e", text, StringComparison.Ordinal);
        Assert.Contains(model.Provenance.Dataset, text, StringComparison.Ordinal);
        Assert.Contains(model.Provenance.ToolVersion, text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{ModelInspector.StoredSynapses(model):N0} stored synapses"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_are_shown_with_their_proto_names_and_unknown_numbers_as_such()
    {
        Model model = TestModels.Small();
        model.Layers[0].Reset = (ResetMode)9;

        string text = ModelInspector.Describe(model, -1);

        Assert.Contains("LEAKY_INTEGRATOR", text, StringComparison.Ordinal);
        Assert.Contains("BITMAP", text, StringComparison.Ordinal);
        Assert.Contains("reset unknown value 9", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_copes_with_an_empty_model()
    {
        string text = ModelInspector.Describe(new Model(), -1);

        Assert.Contains("Input: none", text, StringComparison.Ordinal);
        Assert.Contains("Provenance: none", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightSparsity_includes_the_recurrent_matrices()
    {
        Model model = TestModels11.EveryField();
        long cells = 0;
        long nonzero = 0;
        foreach (Layer layer in model.Layers)
        {
            cells += (long)layer.InputSize * layer.OutputSize;
            nonzero += WeightCodec.Decode(layer.Weights, (int)layer.InputSize, (int)layer.OutputSize).LongCount(w => w != 0);
            if (layer.RecurrentWeights != null)
            {
                cells += (long)layer.OutputSize * layer.OutputSize;
                nonzero += WeightCodec.Decode(layer.RecurrentWeights, (int)layer.OutputSize, (int)layer.OutputSize).LongCount(w => w != 0);
            }
        }

        Assert.Equal(1.0 - ((double)nonzero / cells), ModelInspector.WeightSparsity(model), precision: 12);
    }

    [Fact]
    public void StoredSynapses_includes_the_stored_recurrent_weights()
    {
        Model model = TestModels11.EveryField();
        long feedForward = model.Layers.Sum(l => (long)l.Weights.Values.Length);
        long recurrent = (10 * 10) + (long)model.Layers[1].RecurrentWeights.NonzeroCount + (long)model.Layers[2].RecurrentWeights.NonzeroCount;

        Assert.Equal(feedForward + recurrent, ModelInspector.StoredSynapses(model));
    }

    [Fact]
    public void Describe_shows_every_1_1_field_under_its_layer_with_Q_constants_decoded()
    {
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(TestModels11.EveryField()));

        string text = ModelInspector.Describe(model, -1);
        string[] layers = LayerSections(text, 4);

        Assert.Contains("format 1.1", text, StringComparison.Ordinal);
        AssertLines(
            layers[0],
            "recurrent weights: DENSE, 8-bit, stored 100, nonzero " + model.Layers[0].RecurrentWeights.NonzeroCount.ToString(CultureInfo.InvariantCulture) + " of 100",
            "reset GATE, comparison GREATER",
            "decay β = 0.915527 (60000 / 65536)",
            "synaptic current: shift 3 (α_c = 1 - 2^-3 = 0.875)",
            "refractory: 2 ticks held at 0, gain table of 4 entries (0..1)",
            "output BINARY",
            "reset scope LAYER",
            "activation LEAKY_RELU, negative slope 0.100006 (6554 / 65536)",
            $"winner-take-all inhibition {model.Layers[0].Inhibition.Min()}..{model.Layers[0].Inhibition.Max()}",
            "membrane floor -1000..-1000");
        AssertLines(
            layers[1],
            "recurrent weights: BITMAP, 8-bit",
            "threshold -50..",
            "output GRADED, output table of 41 values (input shift 4, offset -8, values 0..128 = 0..1)",
            "reset scope NEURON",
            "activation IDENTITY\n");
        AssertLines(
            layers[2],
            "recurrent weights: CSR, 8-bit",
            "SRC: Q12 states, input decay α = 0.949997, fast feedback r = 0.5, slow feedback r_s = -0.25",
            "SRC slow gate: z_s = 0.899994 at rest, 0.100006 when h > θ_z = 0.097656; start h = 0, h_s = -0.024414",
            "SRC input table of 128 values (input shift 4, offset -64, values ",
            "SRC fast table of 256 values (input shift 6, offset -128, values ");
        AssertLines(
            layers[3],
            "decay β = 0.762939 (50000 / 65536)",
            "synaptic current: shift 2 (α_c = 1 - 2^-2 = 0.75)");
        Assert.DoesNotContain("recurrent", layers[3], StringComparison.Ordinal);
        Assert.DoesNotContain("SRC", layers[0] + layers[1] + layers[3], StringComparison.Ordinal);
        long bytes = model.Layers.Sum(l => WeightCodec.EncodedBytes(l.Weights) + (l.RecurrentWeights == null ? 0 : WeightCodec.EncodedBytes(l.RecurrentWeights)));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{ModelInspector.StoredSynapses(model):N0} stored synapses, weight sparsity {ModelInspector.WeightSparsity(model) * 100:0.0} %, {bytes:N0} weight bytes"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_of_a_1_0_model_has_no_1_1_lines()
    {
        string text = ModelInspector.Describe(TestModels.Small(), -1);

        foreach (string line in new[] { "decay β", "synaptic current", "refractory", "output ", "reset scope", "activation", "inhibition", "membrane floor", "recurrent", "SRC" })
        {
            Assert.DoesNotContain(line, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The text of each of the <paramref name="count"/> layers, from its "[l]" line to the next layer or the readout.</summary>
    private static string[] LayerSections(string text, int count)
    {
        var sections = new string[count];
        for (int l = 0; l < count; l++)
        {
            int start = text.IndexOf($"  [{l}] ", StringComparison.Ordinal);
            int end = l + 1 < count ? text.IndexOf($"  [{l + 1}] ", StringComparison.Ordinal) : text.IndexOf("Readout:", StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, $"layer {l} not found in:\n{text}");
            sections[l] = text[start..end];
        }

        return sections;
    }

    private static void AssertLines(string section, params string[] expected)
    {
        foreach (string line in expected)
        {
            Assert.Contains(line, section, StringComparison.Ordinal);
        }
    }

    private static string ProtoName<T>(T value)
        where T : struct, Enum
        => value switch
        {
            NeuronModel.Lif => "LIF",
            NeuronModel.LeakyIntegrator => "LEAKY_INTEGRATOR",
            WeightEncoding.Dense => "DENSE",
            WeightEncoding.Csr => "CSR",
            WeightEncoding.Bitmap => "BITMAP",
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
}
