using Google.Protobuf;
using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Format;

/// <summary>
/// Hostile bytes: every outcome is a <see cref="ModelFormatException"/> with a sensible code and an offset inside
/// the file, never another exception, never a hang, and never an allocation out of proportion to the file.
/// </summary>
public class ModelLoaderHostileInputTests
{
    private static byte[] SmallValidModel()
    {
        var weights = new sbyte[] { 3, 0, -2, 0, 0, 5, 1, 0 };
        var hidden = new LayerSpec { InputSize = 2, OutputSize = 4, Weights = weights, Threshold = new[] { 2, 3, 4, 5 }, Bias = new[] { 0, -1, 1, 0 }, Encoding = P.WeightEncoding.Csr };
        var output = new LayerSpec
        {
            InputSize = 4, OutputSize = 2, Weights = new sbyte[] { 1, 0, 0, 2, 3, 0, 0, -4 }, Neuron = P.NeuronModel.LeakyIntegrator, LeakShift = 2,
            Encoding = P.WeightEncoding.Bitmap,
        };
        var spec = new NetSpec { Width = 2, Height = 1, Polarities = 1, TicksPerSample = 4, Readout = P.ReadoutMode.MembraneSum, Layers = new[] { hidden, output } };
        var proto = TestModels.ToProto(spec);
        proto.Labels.Add(new[] { "zero", "one" });
        proto.Provenance = new P.Provenance { Cell = "lif", Seed = 7 };
        return TestModels.Seal(proto);
    }

    /// <summary>Loads <paramref name="bytes"/>, which must be refused, checking the allocation bound on the way.</summary>
    private static ModelFormatException LoadHostile(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        ModelFormatException? error = null;
        try
        {
            Network.Load(bytes);
        }
        catch (ModelFormatException e)
        {
            error = e;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= (16L * bytes.Length) + 65536, $"Load allocated {allocated} bytes for a {bytes.Length}-byte file");
        Assert.NotNull(error);
        Assert.InRange(error!.Offset, 0, bytes.Length);
        return error;
    }

    /// <summary>Loads bytes that may be valid; any failure must be a ModelFormatException within the allocation bound.</summary>
    private static void LoadMaybe(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            Network.Load(bytes);
        }
        catch (ModelFormatException e)
        {
            Assert.InRange(e.Offset, 0, bytes.Length);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= (16L * bytes.Length) + 65536, $"Load allocated {allocated} bytes for a {bytes.Length}-byte file");
        }
    }

    [Fact]
    public void Small_valid_model_loads()
    {
        Network network = Network.Load(SmallValidModel());
        Assert.Equal(2, network.LayerCount);
    }

    [Fact]
    public void Truncation_at_every_byte_offset_is_refused_as_truncated_or_without_checksum()
    {
        byte[] model = SmallValidModel();
        for (int length = 0; length < model.Length; length++)
        {
            var error = LoadHostile(model.AsSpan(0, length).ToArray());
            Assert.True(error.Code == ModelErrorCode.Truncated || error.Code == ModelErrorCode.ChecksumMissing,
                $"cut at {length}: {error.Message}");
        }
    }

    [Fact]
    public void Length_varint_of_two_to_the_40_is_refused_without_allocating_it()
    {
        var body = new List<byte>(P.Model.Parser.ParseFrom(SmallValidModel().AsSpan(0, SmallValidModel().Length - 5).ToArray()).ToByteArray()) { 0x4A };
        int prefixOffset = body.Count;
        TestModels.WriteVarint(body, 1UL << 40);
        body.AddRange(new byte[16]);
        var error = LoadHostile(TestModels.Seal(body.ToArray()));
        Assert.Equal((ModelErrorCode.LengthOutOfRange, (long)prefixOffset, 9), (error.Code, error.Offset, error.FieldNumber));
    }

    [Fact]
    public void Nested_length_larger_than_its_message_is_refused()
    {
        // A Layer of 4 bytes whose weights field claims 100 bytes.
        var body = new List<byte>(TestModels.ToProto(TestModels.WorkedExample()).ToByteArray()) { 0x32, 0x04, 0x5A, 0x64, 0x08, 0x01 };
        var error = LoadHostile(TestModels.Seal(body.ToArray()));
        Assert.Equal((ModelErrorCode.LengthOutOfRange, 11), (error.Code, error.FieldNumber));
    }

    [Theory]
    [InlineData((byte)0x0B)]
    [InlineData((byte)0x0C)]
    [InlineData((byte)0x0E)]
    [InlineData((byte)0x0F)]
    public void Bad_wire_types_are_refused_at_their_tag(byte tag)
    {
        byte[] body = TestModels.ToProto(TestModels.WorkedExample()).ToByteArray();
        var error = LoadHostile(TestModels.Seal(body.Append(tag).Append((byte)0).ToArray()));
        Assert.Equal((ModelErrorCode.BadWireType, (long)body.Length), (error.Code, error.Offset));
    }

    [Fact]
    public void Eleven_byte_varint_is_refused()
    {
        byte[] body = new byte[] { 0x08 }.Concat(Enumerable.Repeat((byte)0xFF, 10)).Append((byte)0x01).ToArray();
        Assert.Equal(ModelErrorCode.VarintTooLong, LoadHostile(TestModels.Seal(body)).Code);
    }

    [Fact]
    public void Huge_claimed_layer_sizes_are_refused_before_any_allocation()
    {
        var model = TestModels.ToProto(TestModels.WorkedExample());
        model.Input = new P.InputGeometry { Width = 255, Height = 255, Polarities = 1 };
        model.Layers[0].InputSize = 65025;
        model.Layers[0].OutputSize = 65535;
        var error = LoadHostile(TestModels.Seal(model));
        Assert.Equal(ModelErrorCode.SizeMismatch, error.Code);
    }

    [Fact]
    public void Seeded_random_bytes_are_always_refused_cleanly()
    {
        var random = new Random(20240601);
        for (int n = 0; n < 3000; n++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0 && bytes.Length > 5)
            {
                bytes = TestModels.Seal(bytes);
            }

            LoadHostile(bytes);
        }
    }

    [Fact]
    public void Seeded_mutations_of_a_valid_model_with_a_recomputed_checksum_never_escape_as_other_exceptions()
    {
        byte[] valid = SmallValidModel();
        byte[] body = valid.AsSpan(0, valid.Length - 5).ToArray();
        var random = new Random(77);
        for (int n = 0; n < 5000; n++)
        {
            byte[] mutated = ByteMutations.Mutate(body, random);

            LoadMaybe(TestModels.Seal(mutated));
        }
    }

    [Fact]
    public void Crafted_csr_stream_claiming_huge_rows_is_refused()
    {
        var model = TestModels.ToProto(TestModels.WorkedExample());
        model.Layers[0].Weights.Encoding = P.WeightEncoding.Csr;
        model.Layers[0].Weights.Index = ByteString.CopyFrom(new byte[] { 0xFF, 0xFF, 0x03, 0x00 });
        Assert.Equal(ModelErrorCode.BadWeightEncoding, LoadHostile(TestModels.Seal(model)).Code);
    }
}
