using Google.Protobuf;
using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Format;

/// <summary>The rules of semantics.md and the .proto comments that a model file must satisfy.</summary>
public class ModelLoaderTests
{
    private static P.Model Valid() => TestModels.ToProto(TestModels.WorkedExample());

    private static ModelFormatException Refused(P.Model model) => Refused(TestModels.Seal(model));

    private static ModelFormatException Refused(byte[] bytes) => Assert.Throws<ModelFormatException>(() => ModelLoader.Load(bytes));

    private static void AssertRefused(P.Model model, ModelErrorCode code, int field)
    {
        var error = Refused(model);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.FieldNumber);
    }

    [Fact]
    public void Valid_model_loads_with_its_geometry_timing_and_layers()
    {
        ModelDescriptor model = ModelLoader.Load(TestModels.Seal(Valid()));
        Assert.Equal((2, 1, 1, 1000, 3), (model.Width, model.Height, model.Polarities, model.TickMicroseconds, model.TicksPerSample));
        Assert.Single(model.Layers);
        Assert.Equal(new[] { 4 }, model.Layers[0].Threshold);
    }

    [Fact]
    public void Weight_values_are_referenced_in_place_not_copied()
    {
        byte[] bytes = TestModels.Seal(Valid());
        LayerDescriptor layer = ModelLoader.Load(bytes).Layers[0];
        Assert.Equal(3, (sbyte)bytes[layer.Weights.ValuesOffset]);
        Assert.Equal(-2, (sbyte)bytes[layer.Weights.ValuesOffset + 1]);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    public void Other_major_versions_are_refused(uint major)
    {
        var model = Valid();
        model.FormatMajor = major;
        AssertRefused(model, ModelErrorCode.UnsupportedMajorVersion, 1);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    public void Known_minor_versions_are_accepted(uint minor)
    {
        var model = Valid();
        model.FormatMinor = minor;
        ModelLoader.Load(TestModels.Seal(model));
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(7u)]
    public void Newer_minor_version_is_refused_as_needing_a_newer_reader(uint minor)
    {
        var model = Valid();
        model.FormatMinor = minor;
        byte[] bytes = TestModels.Seal(model);
        var error = Refused(bytes);
        Assert.Equal((ModelErrorCode.UnsupportedMinorVersion, 2), (error.Code, error.FieldNumber));
        Assert.Equal(0x10, bytes[error.Offset]);
    }

    [Fact]
    public void Checksum_mismatch_is_refused_at_the_checksum_tag()
    {
        byte[] bytes = TestModels.Seal(Valid());
        bytes[^1] ^= 0x40;
        var error = Refused(bytes);
        Assert.Equal((ModelErrorCode.ChecksumMismatch, bytes.Length - 5L, 15), (error.Code, error.Offset, error.FieldNumber));
    }

    [Fact]
    public void Flipped_weight_byte_is_caught_by_the_checksum()
    {
        byte[] bytes = TestModels.Seal(Valid());
        LayerDescriptor layer = ModelLoader.Load(bytes).Layers[0];
        bytes[layer.Weights.ValuesOffset] ^= 0x01;
        Assert.Equal(ModelErrorCode.ChecksumMismatch, Refused(bytes).Code);
    }

    [Fact]
    public void Missing_checksum_is_refused_at_the_end_of_the_file()
    {
        byte[] body = Valid().ToByteArray();
        var error = Refused(body);
        Assert.Equal((ModelErrorCode.ChecksumMissing, (long)body.Length), (error.Code, error.Offset));
    }

    [Fact]
    public void Field_after_the_checksum_is_refused()
    {
        byte[] bytes = TestModels.Seal(Valid()).Concat(new byte[] { 0x10, 0x00 }).ToArray();
        var error = Refused(bytes);
        Assert.Equal((ModelErrorCode.ChecksumNotLast, bytes.Length - 2L, 2), (error.Code, error.Offset, error.FieldNumber));
    }

    [Fact]
    public void Checksum_with_the_wrong_wire_type_is_refused()
    {
        byte[] body = Valid().ToByteArray().Concat(new byte[] { 0x78, 0x05 }).ToArray();
        Assert.Equal(ModelErrorCode.BadWireType, Refused(body).Code);
    }

    [Fact]
    public void Known_field_with_the_wrong_wire_type_is_refused()
    {
        byte[] body = new byte[] { 0x0A, 0x00 }.Concat(Valid().ToByteArray()).ToArray();
        var error = Refused(TestModels.Seal(body));
        Assert.Equal((ModelErrorCode.BadWireType, 0L, 1), (error.Code, error.Offset, error.FieldNumber));
    }

    [Fact]
    public void Missing_input_geometry_is_refused()
    {
        var model = Valid();
        model.Input = null;
        AssertRefused(model, ModelErrorCode.MissingField, 3);
    }

    [Fact]
    public void Missing_readout_is_refused()
    {
        var model = Valid();
        model.Readout = null;
        AssertRefused(model, ModelErrorCode.MissingField, 7);
    }

    [Fact]
    public void Model_without_layers_is_refused()
    {
        var model = Valid();
        model.Layers.Clear();
        AssertRefused(model, ModelErrorCode.MissingField, 6);
    }

    [Fact]
    public void More_than_64_layers_are_refused()
    {
        var model = Valid();
        var spec = new LayerSpec { InputSize = 1, OutputSize = 1, Weights = new sbyte[] { 1 }, Threshold = new[] { 1 } };
        model.Layers[0].OutputSize = 1;
        while (model.Layers.Count <= Semantics.MaxLayers)
        {
            model.Layers.Add(TestModels.ToProto(spec));
        }

        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 6);
    }

    [Theory]
    [InlineData(0u, 1u, 1u, 1)]
    [InlineData(1u, 0u, 1u, 2)]
    [InlineData(1u, 1u, 3u, 3)]
    [InlineData(1u, 1u, 0u, 3)]
    public void Input_geometry_out_of_range_is_refused(uint width, uint height, uint polarities, int field)
    {
        var model = Valid();
        model.Input = new P.InputGeometry { Width = width, Height = height, Polarities = polarities };
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, field);
    }

    [Fact]
    public void Geometry_larger_than_a_layer_may_be_is_refused()
    {
        var model = Valid();
        model.Input = new P.InputGeometry { Width = 65535, Height = 65535, Polarities = 2 };
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 3);
    }

    [Theory]
    [InlineData(0u, 3u, 4)]
    [InlineData(1000u, 0u, 5)]
    [InlineData(1000u, 1000001u, 5)]
    public void Timing_out_of_range_is_refused(uint tick, uint ticks, int field)
    {
        var model = Valid();
        model.TickMicroseconds = tick;
        model.TicksPerSample = ticks;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, field);
    }

    [Fact]
    public void First_layer_input_size_must_equal_the_geometry()
    {
        var model = Valid();
        model.Input.Width = 3;
        AssertRefused(model, ModelErrorCode.SizeMismatch, 2);
    }

    [Fact]
    public void Layer_input_size_must_chain_from_the_previous_output_size()
    {
        var model = Valid();
        model.Layers.Add(TestModels.ToProto(new LayerSpec { InputSize = 2, OutputSize = 1, Weights = new sbyte[] { 1, 1 }, Threshold = new[] { 1 } }));
        AssertRefused(model, ModelErrorCode.SizeMismatch, 2);
    }

    [Fact]
    public void Lif_threshold_below_one_is_refused()
    {
        var model = Valid();
        model.Layers[0].Threshold[0] = 0;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 8);
    }

    [Fact]
    public void Threshold_count_must_equal_output_size()
    {
        var model = Valid();
        model.Layers[0].Threshold.Add(5);
        AssertRefused(model, ModelErrorCode.SizeMismatch, 8);
    }

    [Fact]
    public void Bias_outside_the_state_range_is_refused()
    {
        var model = Valid();
        model.Layers[0].Bias.Add(Semantics.StateMax + 1);
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 9);
    }

    [Fact]
    public void Weight_scale_count_must_equal_output_size()
    {
        var model = Valid();
        model.Layers[0].WeightScale.Clear();
        AssertRefused(model, ModelErrorCode.SizeMismatch, 10);
    }

    [Fact]
    public void Non_finite_weight_scale_is_refused()
    {
        var model = Valid();
        model.Layers[0].WeightScale[0] = float.NaN;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 10);
    }

    [Theory]
    [InlineData(25u, 5)]
    public void Leak_shift_above_24_is_refused(uint shift, int field)
    {
        var model = Valid();
        model.Layers[0].LeakShift = shift;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, field);
    }

    [Fact]
    public void Unspecified_neuron_model_is_refused()
    {
        var model = Valid();
        model.Layers[0].Neuron = P.NeuronModel.Unspecified;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 4);
    }

    [Fact]
    public void Lif_without_reset_mode_is_refused()
    {
        var model = Valid();
        model.Layers[0].Reset = P.ResetMode.Unspecified;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 6);
    }

    [Fact]
    public void Leaky_integrator_with_lif_parameters_is_refused()
    {
        var model = Valid();
        model.Readout.Mode = P.ReadoutMode.MembraneSum;
        model.Layers[0].Neuron = P.NeuronModel.LeakyIntegrator;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 6);
        model.Layers[0].Reset = P.ResetMode.Unspecified;
        model.Layers[0].Comparison = P.ThresholdComparison.Unspecified;
        AssertRefused(model, ModelErrorCode.SizeMismatch, 8);
    }

    [Fact]
    public void Spike_count_readout_of_a_layer_that_never_spikes_is_refused()
    {
        var model = Valid();
        model.Layers[0].Neuron = P.NeuronModel.LeakyIntegrator;
        model.Layers[0].Reset = P.ResetMode.Unspecified;
        model.Layers[0].Comparison = P.ThresholdComparison.Unspecified;
        model.Layers[0].Threshold.Clear();
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 1);
    }

    [Fact]
    public void Label_count_must_be_zero_or_the_output_size()
    {
        var model = Valid();
        model.Labels.Add(new[] { "a", "b" });
        AssertRefused(model, ModelErrorCode.SizeMismatch, 8);
        model.Labels.Clear();
        model.Labels.Add("only");
        ModelLoader.Load(TestModels.Seal(model));
    }

    [Fact]
    public void Missing_weights_are_refused()
    {
        var model = Valid();
        model.Layers[0].Weights = null;
        AssertRefused(model, ModelErrorCode.MissingField, 11);
    }

    [Theory]
    [InlineData(P.WeightEncoding.Unspecified)]
    [InlineData((P.WeightEncoding)4)]
    public void Unknown_weight_encoding_is_refused(P.WeightEncoding encoding)
    {
        var model = Valid();
        model.Layers[0].Weights.Encoding = encoding;
        AssertRefused(model, ModelErrorCode.BadWeightEncoding, 1);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(9u)]
    public void Bits_outside_2_to_8_are_refused(uint bits)
    {
        var model = Valid();
        model.Layers[0].Weights.Bits = bits;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 2);
    }

    [Fact]
    public void Weight_of_minus_128_is_refused_at_its_byte()
    {
        var model = Valid();
        model.Layers[0].Weights.Values = ByteString.CopyFrom(new byte[] { 0x80, 0x01 });
        byte[] bytes = TestModels.Seal(model);
        var error = Refused(bytes);
        Assert.Equal((ModelErrorCode.ValueOutOfRange, 3), (error.Code, error.FieldNumber));
        Assert.Equal(0x80, bytes[error.Offset]);
    }

    [Fact]
    public void Weight_beyond_its_bit_width_is_refused()
    {
        var model = Valid();
        model.Layers[0].Weights.Bits = 2;
        AssertRefused(model, ModelErrorCode.ValueOutOfRange, 3);
    }

    [Fact]
    public void Dense_values_must_fill_the_matrix()
    {
        var model = Valid();
        model.Layers[0].Weights.Values = ByteString.CopyFrom(new byte[] { 3 });
        AssertRefused(model, ModelErrorCode.SizeMismatch, 3);
    }

    [Fact]
    public void Dense_weights_with_an_index_are_refused()
    {
        var model = Valid();
        model.Layers[0].Weights.Index = ByteString.CopyFrom(new byte[] { 0 });
        AssertRefused(model, ModelErrorCode.SizeMismatch, 4);
    }

    [Fact]
    public void Nonzero_count_must_match_the_values()
    {
        var model = Valid();
        model.Layers[0].Weights.NonzeroCount = 1;
        AssertRefused(model, ModelErrorCode.SizeMismatch, 5);
    }

    private static P.Model Wide(P.WeightEncoding encoding)
    {
        // 2 inputs × 10 outputs, a few stored weights per row.
        var weights = new sbyte[20];
        weights[1] = 5;
        weights[9] = -3;
        weights[10] = 7;
        var spec = new LayerSpec { InputSize = 2, OutputSize = 10, Weights = weights, Threshold = Enumerable.Repeat(3, 10).ToArray(), Encoding = encoding };
        return TestModels.ToProto(TestModels.OneLayer(spec, ticks: 2, width: 2));
    }

    private static P.Model WithIndex(P.Model model, params byte[] index)
    {
        model.Layers[0].Weights.Index = ByteString.CopyFrom(index);
        return model;
    }

    [Fact]
    public void Csr_column_at_the_output_size_is_refused_with_its_offset()
    {
        // Row 0: two columns, 1 then 1 + 1 + 8 = 10 (≥ 10). Row 1: one column, 0.
        byte[] bytes = TestModels.Seal(WithIndex(Wide(P.WeightEncoding.Csr), 2, 1, 8, 1, 0));
        var error = Refused(bytes);
        Assert.Equal((ModelErrorCode.IndexOutOfRange, 4), (error.Code, error.FieldNumber));
        Assert.Equal(8, bytes[error.Offset]);
    }

    [Fact]
    public void Csr_row_count_above_output_size_is_refused()
    {
        Assert.Equal(ModelErrorCode.BadWeightEncoding, Refused(WithIndex(Wide(P.WeightEncoding.Csr), 11, 0, 0)).Code);
    }

    [Fact]
    public void Csr_stream_that_ends_inside_a_row_is_refused()
    {
        Assert.Equal(ModelErrorCode.BadWeightEncoding, Refused(WithIndex(Wide(P.WeightEncoding.Csr), 2, 1, 7)).Code);
    }

    [Fact]
    public void Csr_stream_with_trailing_bytes_is_refused()
    {
        Assert.Equal(ModelErrorCode.BadWeightEncoding, Refused(WithIndex(Wide(P.WeightEncoding.Csr), 2, 1, 7, 1, 0, 0)).Code);
    }

    [Fact]
    public void Csr_stored_count_must_equal_the_values_length()
    {
        Assert.Equal(ModelErrorCode.SizeMismatch, Refused(WithIndex(Wide(P.WeightEncoding.Csr), 2, 1, 7, 0)).Code);
    }

    [Fact]
    public void Csr_varint_of_more_than_32_bits_is_refused()
    {
        Assert.Equal(ModelErrorCode.BadWeightEncoding, Refused(WithIndex(Wide(P.WeightEncoding.Csr), 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0)).Code);
    }

    [Fact]
    public void Bitmap_padding_bits_must_be_zero()
    {
        // Row bitmaps: 2 bytes each; bit 2 of the second byte is column 10 (≥ 10).
        byte[] bytes = TestModels.Seal(WithIndex(Wide(P.WeightEncoding.Bitmap), 0x02, 0x02 | 0x04, 0x01, 0x00));
        var error = Refused(bytes);
        Assert.Equal((ModelErrorCode.BadWeightEncoding, 4), (error.Code, error.FieldNumber));
    }

    [Fact]
    public void Bitmap_popcount_must_equal_the_values_length()
    {
        Assert.Equal(ModelErrorCode.SizeMismatch, Refused(WithIndex(Wide(P.WeightEncoding.Bitmap), 0x02, 0x02, 0x03, 0x00)).Code);
    }

    [Fact]
    public void Bitmap_index_must_have_one_row_per_input()
    {
        Assert.Equal(ModelErrorCode.SizeMismatch, Refused(WithIndex(Wide(P.WeightEncoding.Bitmap), 0x02, 0x02, 0x01)).Code);
    }

    [Fact]
    public void Unpacked_repeated_sint32_loads_like_packed()
    {
        var packedSpec = TestModels.WorkedExample();
        var proto = TestModels.ToProto(packedSpec);
        P.Layer layer = proto.Layers[0];
        layer.Threshold.Clear();
        layer.Bias.Clear();
        var raw = new List<byte>(layer.ToByteArray()) { 0x40 };
        TestModels.WriteVarint(raw, 8);            // threshold 4, zigzag
        raw.Add(0x48);
        TestModels.WriteVarint(raw, 3);            // bias −2, zigzag
        proto.Layers.Clear();
        var body = new List<byte>(proto.ToByteArray()) { 0x32 };
        TestModels.WriteVarint(body, (ulong)raw.Count);
        body.AddRange(raw);

        LayerDescriptor loaded = ModelLoader.Load(TestModels.Seal(body.ToArray())).Layers[0];
        Assert.Equal(new[] { 4 }, loaded.Threshold);
        Assert.Equal(new[] { -2 }, loaded.Bias);
    }

    [Fact]
    public void Duplicate_input_message_is_refused()
    {
        byte[] body = Valid().ToByteArray();
        byte[] duplicate = new byte[] { 0x1A, 0x00 };
        var error = Refused(TestModels.Seal(body.Concat(duplicate).ToArray()));
        Assert.Equal((ModelErrorCode.DuplicateField, (long)body.Length, 3), (error.Code, error.Offset, error.FieldNumber));
    }

    [Fact]
    public void Unknown_fields_and_provenance_are_skipped()
    {
        var model = Valid();
        model.Provenance = new P.Provenance { Cell = "lif", Notes = new string('x', 300), Seed = 42 };
        byte[] body = model.ToByteArray().Concat(new byte[] { 0xA0, 0x01, 0x05, 0xAD, 0x01, 1, 2, 3, 4 }).ToArray();
        Assert.Single(ModelLoader.Load(TestModels.Seal(body)).Layers);
    }
}
