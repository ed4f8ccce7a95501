using System.Buffers.Binary;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.ModelFormat.Tests;

public sealed class ModelWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "h1-modelwriter-" + Guid.NewGuid().ToString("N"));

    public ModelWriterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Realistic_model_round_trips_through_bytes()
    {
        Model original = TestModels.Realistic();
        byte[] bytes = ModelWriter.ToBytes(original);

        Model read = ModelReader.FromBytes(bytes, "realistic.sem");

        Model expected = original.Clone();
        expected.FormatMajor = 1;
        expected.FormatMinor = 0;
        expected.Checksum = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Checksum_field_is_the_last_five_bytes_and_covers_everything_before_its_tag()
    {
        byte[] bytes = ModelWriter.ToBytes(TestModels.Small());

        Assert.Equal(0x7D, bytes[^5]);
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        Assert.Equal(Crc32.Compute(bytes, 0, bytes.Length - 5), stored);
    }

    [Fact]
    public void Version_is_set_to_1_0_without_changing_the_callers_model()
    {
        Model model = TestModels.Small();
        model.FormatMajor = 0;
        model.FormatMinor = 7;

        Model read = ModelReader.FromBytes(ModelWriter.ToBytes(model));

        Assert.Equal(1u, read.FormatMajor);
        Assert.Equal(0u, read.FormatMinor);
        Assert.Equal(0u, model.FormatMajor);
        Assert.Equal(7u, model.FormatMinor);
    }

    [Theory]
    [MemberData(nameof(ModelValidator11Tests.Features), MemberType = typeof(ModelValidator11Tests))]
    public void One_1_1_feature_makes_the_writer_write_minor_1(string feature)
    {
        Model model = TestModels.Small();
        model.FormatMinor = 0;
        Rules11.Features[feature].Add(model);

        Model read = ModelReader.FromBytes(ModelWriter.ToBytes(model));

        Assert.Equal(1u, read.FormatMinor);
        Assert.Equal(0u, model.FormatMinor);
        Assert.Equal(model.Layers, read.Layers);
    }

    [Fact]
    public void A_1_0_model_marked_minor_1_is_written_as_minor_0_byte_for_byte()
    {
        Model model = TestModels.Small();
        byte[] asTen = ModelWriter.ToBytes(model);
        model.FormatMinor = 1;

        byte[] written = ModelWriter.ToBytes(model);

        Assert.Equal(asTen, written);
        Assert.Equal(0u, ModelReader.FromBytes(written).FormatMinor);
    }

    [Fact]
    public void Model_using_every_1_1_field_round_trips_through_bytes()
    {
        Model original = TestModels11.EveryField();
        original.FormatMinor = 0;
        byte[] bytes = ModelWriter.ToBytes(original);

        Model read = ModelReader.FromBytes(bytes, "every-field.sem");

        Model expected = original.Clone();
        expected.FormatMajor = 1;
        expected.FormatMinor = 1;
        expected.Checksum = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        Assert.Equal(expected, read);
        Assert.Equal(ModelWriter.ToBytes(read), bytes);
    }

    [Fact]
    public void Invalid_model_is_refused_before_any_bytes_are_produced()
    {
        Model model = TestModels.Small();
        model.TicksPerSample = 0;

        var error = Assert.Throws<ModelFileException>(() => ModelWriter.ToBytes(model));

        Assert.Equal("ticks_per_sample", error.Field);
    }

    [Fact]
    public void WriteFile_writes_a_readable_file_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_folder, "model.sem");
        Model model = TestModels.Small();

        ModelWriter.WriteFile(model, path);

        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        Assert.Equal(ModelWriter.ToBytes(model), File.ReadAllBytes(path));
        Assert.Equal(model.Layers, ModelReader.ReadFile(path).Layers);
    }

    [Fact]
    public void WriteFile_replaces_an_existing_file()
    {
        string path = Path.Combine(_folder, "model.sem");
        ModelWriter.WriteFile(TestModels.Small(seed: 1), path);
        Model second = TestModels.Small(seed: 2);

        ModelWriter.WriteFile(second, path);

        Assert.Equal(second.Layers, ModelReader.ReadFile(path).Layers);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void WriteFile_keeps_the_old_file_when_the_new_model_is_invalid()
    {
        string path = Path.Combine(_folder, "model.sem");
        ModelWriter.WriteFile(TestModels.Small(), path);
        byte[] before = File.ReadAllBytes(path);
        Model invalid = TestModels.Small(seed: 3);
        invalid.Layers[0].LeakShift = 99;

        Assert.Throws<ModelFileException>(() => ModelWriter.WriteFile(invalid, path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
    }

    [Fact]
    public void Worked_example_of_semantics_section_8_is_written_and_read_back()
    {
        string path = Path.Combine(_folder, "worked-example.sem");

        ModelWriter.WriteFile(TestModels.WorkedExample(), path);
        Model read = ModelReader.ReadFile(path);

        Layer layer = Assert.Single(read.Layers);
        Assert.Equal(new sbyte[] { 3, -2 }, WeightCodec.Decode(layer.Weights, 2, 1));
        Assert.Equal(WeightEncoding.Dense, layer.Weights.Encoding);
        Assert.Equal(new[] { 4 }, layer.Threshold);
        Assert.Equal(ResetMode.Subtract, layer.Reset);
        Assert.Equal(ThresholdComparison.GreaterOrEqual, layer.Comparison);
        Assert.Equal(1u, layer.LeakShift);
        Assert.Equal(3u, read.TicksPerSample);
        Assert.Equal(1000u, read.TickMicroseconds);
        Assert.Equal(2u, read.Input.Width);
    }
}
