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
