using Spiking.Edge.Host.Classification;
using Spiking.Edge.Host.Tests.Support;

namespace Spiking.Edge.Host.Tests.Classification;

public class ModelLabelsTests
{
    [Fact]
    public void The_labels_are_read_in_output_order_without_protobuf()
    {
        var labels = ModelLabels.Read(HostTestModels.Build());

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), labels);
    }

    [Fact]
    public void A_class_without_a_label_is_named_by_its_number()
    {
        Assert.Equal("7", ModelLabels.NameOf([], 7));
        Assert.Equal("cat", ModelLabels.NameOf(["dog", "cat"], 1));
    }

    [Fact]
    public void A_truncated_field_is_refused_with_its_offset()
    {
        byte[] bytes = HostTestModels.Build();

        var error = Assert.Throws<InvalidDataException>(() => ModelLabels.Read(bytes[..^3]));

        Assert.StartsWith("model file: broken top-level field at byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provenance_notes_are_read_and_a_model_without_them_gives_null()
    {
        Assert.Equal("evaluated on 10 samples; transform: downsample:34x34", ModelLabels.ReadProvenanceNotes(HostTestModels.Build(notes: "evaluated on 10 samples; transform: downsample:34x34")));
        Assert.Null(ModelLabels.ReadProvenanceNotes(HostTestModels.Build()));
    }
}
