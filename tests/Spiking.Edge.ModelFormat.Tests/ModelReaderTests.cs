using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

public sealed class ModelReaderTests
{
    [Fact]
    public void Checksum_mismatch_is_refused_naming_the_checksum_and_its_offset()
    {
        byte[] bytes = ModelWriter.ToBytes(TestModels.Small());
        bytes[10] ^= 0x40;

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes, "small.sem"));

        Assert.Equal("checksum", error.Field);
        Assert.Equal(bytes.Length - 4, error.Offset);
        Assert.StartsWith("small.sem: checksum at byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupted_stored_checksum_is_refused_as_a_mismatch()
    {
        byte[] bytes = ModelWriter.ToBytes(TestModels.Small());
        bytes[^1] ^= 0x80;

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("checksum", error.Field);
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_checksum_is_refused()
    {
        byte[] body = TestModels.Small().ToByteArray();

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(body, "nochecksum.sem"));

        Assert.Equal("checksum", error.Field);
        Assert.Contains("found none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksum_that_is_not_the_last_field_is_refused_at_the_following_field()
    {
        byte[] valid = ModelWriter.ToBytes(TestModels.Small());
        byte[] extra = new Model { TicksPerSample = 20 }.ToByteArray();
        byte[] bytes = [.. valid, .. extra];

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("checksum", error.Field);
        Assert.Equal(valid.Length, error.Offset);
        Assert.Contains("last field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksum_with_a_wrong_wire_type_is_refused()
    {
        byte[] body = TestModels.Small().ToByteArray();
        byte[] bytes = [.. body, 0x78, 0x01];

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("checksum", error.Field);
        Assert.Equal(body.Length, error.Offset);
    }

    [Fact]
    public void Unknown_major_version_is_refused_naming_format_major()
    {
        Model model = TestModels.Small();
        model.FormatMajor = 2;
        byte[] bytes = TestModels.SerializeWithChecksum(model);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes, "future.sem"));

        Assert.Equal("format_major", error.Field);
        Assert.Equal(0, error.Offset);
        Assert.StartsWith("future.sem: format_major at byte 0: 1 ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("found 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_input_message_is_refused_rather_than_merged()
    {
        byte[] body = TestModels.Small().ToByteArray();
        byte[] extra = new Model { Input = new InputGeometry { Width = 3 } }.ToByteArray();
        byte[] bytes = TestModels.WithFixedChecksum([.. body, .. extra, 0x7D, 0, 0, 0, 0]);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("input", error.Field);
        Assert.Equal(body.Length, error.Offset);
    }

    [Fact]
    public void A_repeated_readout_message_is_refused_rather_than_merged()
    {
        byte[] body = TestModels.Small().ToByteArray();
        byte[] extra = new Model { Readout = new Readout { Mode = ReadoutMode.SpikeCount } }.ToByteArray();
        byte[] bytes = TestModels.WithFixedChecksum([.. body, .. extra, 0x7D, 0, 0, 0, 0]);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("readout", error.Field);
    }

    [Fact]
    public void A_repeated_weights_message_inside_a_layer_is_refused_rather_than_merged()
    {
        Model model = TestModels.Small();
        Layer layer = model.Layers[1];
        byte[] layerBytes = [.. layer.ToByteArray(), .. new Layer { Weights = new Weights { Bits = 8 } }.ToByteArray()];
        model.Layers.RemoveAt(1);
        model.Layers.Insert(1, Layer.Parser.ParseFrom(layerBytes));
        Assert.Equal(8u, model.Layers[1].Weights.Bits);
        // Re-serialize by hand so that the layer keeps both weights fields: splice the raw layer bytes in.
        var parts = new Model { FormatMajor = 1, Input = model.Input.Clone(), TickMicroseconds = 1000, TicksPerSample = 20 }.ToByteArray();
        using var stream = new MemoryStream();
        stream.Write(parts);
        var output = new CodedOutputStream(stream);
        output.WriteTag(6, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(model.Layers[0].ToByteArray()));
        output.WriteTag(6, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(layerBytes));
        output.Flush();
        byte[] bytes = TestModels.WithFixedChecksum([.. stream.ToArray(), 0x7D, 0, 0, 0, 0]);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("layers[1].weights", error.Field);
        int layer0 = model.Layers[0].CalculateSize();
        long secondWeightsTag = parts.Length + 1 + CodedOutputStream.ComputeLengthSize(layer0) + layer0
            + 1 + CodedOutputStream.ComputeLengthSize(layerBytes.Length) + layer.CalculateSize();
        Assert.Equal(secondWeightsTag, error.Offset);
    }

    [Fact]
    public void A_known_field_with_the_wrong_wire_type_is_refused_rather_than_skipped()
    {
        Model model = TestModels.Small();
        model.Layers[0].LeakShift = 0;
        byte[] layer0 = model.Layers[0].ToByteArray();
        // leak_shift (field 5) as fixed32 (tag 0x2D): Google.Protobuf alone would keep it as an unknown field.
        byte[] misTyped = [.. layer0, 0x2D, 3, 0, 0, 0];
        model.Layers.RemoveAt(0);
        byte[] header = new Model { FormatMajor = 1, Input = model.Input.Clone() }.ToByteArray();
        byte[] rest = new Model { TickMicroseconds = 1000, TicksPerSample = 20, Readout = model.Readout.Clone() }.ToByteArray();
        byte[] bytes = TestModels.WithFixedChecksum([.. header, .. LayerField(misTyped), .. LayerField(model.Layers[0].ToByteArray()), .. LayerField(model.Layers[1].ToByteArray()), .. rest, 0x7D, 0, 0, 0, 0]);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("layers[0].leak_shift", error.Field);
        Assert.Equal(header.Length + LayerField(misTyped).Length - misTyped.Length + layer0.Length, error.Offset);
        Assert.EndsWith("found wire type 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_scalars_are_read_packed_or_unpacked()
    {
        Model model = TestModels.Small();
        Layer layer = model.Layers[2];
        byte[] packed = layer.ToByteArray();
        // The same scales as one fixed32 field each (field 10, tag 0x55) instead of one packed field.
        Layer withoutScales = layer.Clone();
        withoutScales.WeightScale.Clear();
        var unpacked = new List<byte>(withoutScales.ToByteArray());
        foreach (float scale in layer.WeightScale)
        {
            unpacked.Add(0x55);
            unpacked.AddRange(BitConverter.GetBytes(scale));
        }

        model.Layers.RemoveAt(2);
        byte[] body = model.ToByteArray();
        byte[] bytes = TestModels.WithFixedChecksum([.. body, .. LayerField([.. unpacked]), 0x7D, 0, 0, 0, 0]);

        Model read = ModelReader.FromBytes(bytes);

        Assert.NotEqual(packed.Length, unpacked.Count);
        Assert.Equal(layer.WeightScale, read.Layers[2].WeightScale);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_field_with_an_unsupported_wire_type_is_refused_even_when_unknown(int wireType)
    {
        Model model = TestModels.Small();
        model.Provenance = null;
        byte[] body = model.ToByteArray();
        byte[] provenance = [.. new Provenance { Cell = "lif" }.ToByteArray(), (byte)((20 << 3) | wireType), 0x01];
        byte[] bytes = TestModels.WithFixedChecksum([.. body, 0x4A, (byte)provenance.Length, .. provenance, 0x7D, 0, 0, 0, 0]);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes));

        Assert.Equal("provenance", error.Field);
        Assert.Equal(body.Length + 2 + provenance.Length - 2, error.Offset);
        Assert.Contains($"found wire type {wireType}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_skipped()
    {
        Model model = TestModels.Small();
        byte[] body = model.ToByteArray();
        // Field 12 (unknown to the Model message) as a varint: readers skip it.
        byte[] bytes = TestModels.WithFixedChecksum([.. body, 0x60, 0x05, 0x7D, 0, 0, 0, 0]);

        Model read = ModelReader.FromBytes(bytes);

        Assert.Equal(model.Layers, read.Layers);
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(3u)]
    public void Newer_minor_version_is_refused_naming_format_minor_and_its_offset(uint minor)
    {
        Model model = TestModels.Small();
        model.FormatMinor = minor;
        byte[] bytes = TestModels.SerializeWithChecksum(model);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes, "future.sem"));

        Assert.Equal("format_minor", error.Field);
        Assert.Equal(2, error.Offset);
        Assert.StartsWith("future.sem: format_minor at byte 2: 0..1 ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"found {minor} (it needs a newer reader)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minor_version_1_file_of_a_1_0_model_is_read()
    {
        Model model = TestModels.Small();
        model.FormatMinor = 1;

        Model read = ModelReader.FromBytes(TestModels.SerializeWithChecksum(model));

        Assert.Equal(1u, read.FormatMinor);
        Assert.Equal(model.Layers, read.Layers);
    }

    [Fact]
    public void Minor_version_0_file_using_a_1_1_field_is_refused_naming_that_field()
    {
        Model model = TestModels.Small();
        model.Layers[1].LeakShift = 0;
        model.Layers[1].Decay = 61440;
        model.FormatMinor = 0;

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(TestModels.SerializeWithChecksum(model), "old.sem"));

        Assert.Equal("layers[1].decay", error.Field);
        Assert.Equal("old.sem: layers[1].decay: absent from a file marked format 1.0 (format_minor = 0): 1.1 fields need format_minor = 1, found 61440", error.Message);
    }

    [Fact]
    public void Invalid_model_inside_a_well_formed_file_is_refused_by_the_validator()
    {
        Model model = TestModels.Small();
        model.Layers[1].Threshold[3] = 0;
        byte[] bytes = TestModels.SerializeWithChecksum(model);

        var error = Assert.Throws<ModelFileException>(() => ModelReader.FromBytes(bytes, "bad.sem"));

        Assert.Equal("layers[1].threshold[3]", error.Field);
        Assert.Equal("bad.sem: layers[1].threshold[3]: 1..8388607, found 0", error.Message);
    }

    [Fact]
    public void Truncation_at_every_byte_offset_is_refused_with_ModelFileException()
    {
        byte[] bytes = ModelWriter.ToBytes(TestModels.Small());

        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] truncated = bytes.AsSpan(0, length).ToArray();
            var error = Record.Exception(() => ModelReader.FromBytes(truncated, "cut.sem"));
            Assert.True(error is ModelFileException, $"length {length}: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        }
    }

    [Fact]
    public void Truncation_with_a_recomputed_checksum_is_read_or_refused_with_ModelFileException()
    {
        byte[] bytes = ModelWriter.ToBytes(TestModels.Small());
        byte[] body = bytes.AsSpan(0, bytes.Length - 5).ToArray();

        for (int length = 0; length < body.Length; length++)
        {
            // Cuts at a top-level field boundary can leave a valid model (e.g. without its optional provenance).
            byte[] cut = TestModels.WithFixedChecksum([.. body.AsSpan(0, length), 0x7D, 0, 0, 0, 0]);
            var error = Record.Exception(() => ModelReader.FromBytes(cut, "cut.sem"));
            Assert.True(error is null or ModelFileException, $"length {length}: {error?.GetType().Name} {error?.Message}");
        }
    }

    [Fact]
    public void Random_bytes_are_refused_with_ModelFileException()
    {
        var random = new Random(1234);
        for (int trial = 0; trial < 2000; trial++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (trial % 2 == 1 && bytes.Length >= 5)
            {
                bytes[^5] = 0x7D;
                bytes = TestModels.WithFixedChecksum(bytes);
            }

            var error = Record.Exception(() => ModelReader.FromBytes(bytes, "noise.bin"));
            Assert.True(error is ModelFileException, $"trial {trial}: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        }
    }

    [Fact]
    public void Mutated_bytes_with_a_recomputed_checksum_are_read_or_refused_with_ModelFileException()
    {
        byte[] valid = ModelWriter.ToBytes(TestModels.Small());
        var random = new Random(99);
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])valid.Clone();
            int flips = random.Next(1, 4);
            for (int f = 0; f < flips; f++)
            {
                bytes[random.Next(0, bytes.Length - 5)] = (byte)random.Next(256);
            }

            bytes = TestModels.WithFixedChecksum(bytes);
            var error = Record.Exception(() => ModelReader.FromBytes(bytes, "mutant.sem"));
            Assert.True(error is null or ModelFileException, $"trial {trial}: {error?.GetType().Name} {error?.Message}");
        }
    }

    [Fact]
    public void Missing_file_is_refused_with_ModelFileException_naming_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "h1-does-not-exist-" + Guid.NewGuid().ToString("N") + ".sem");

        var error = Assert.Throws<ModelFileException>(() => ModelReader.ReadFile(path));

        Assert.Equal(path, error.Source);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    private static byte[] LayerField(byte[] layer)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(6, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(layer));
        output.Flush();
        return stream.ToArray();
    }
}
