using FsCheck;
using FsCheck.Xunit;
using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.ModelFormat.Tests;

public sealed class WeightCodecTests
{
    private static readonly WeightEncoding[] s_encodings = [WeightEncoding.Dense, WeightEncoding.Csr, WeightEncoding.Bitmap];

    private static readonly double[] s_densities = [0.0, 0.005, 0.02, 0.1, 0.3, 0.5, 0.8, 1.0];

    private static readonly (int Inputs, int Outputs)[] s_shapes =
    [
        (1, 1), (1, 7), (1, 8), (1, 9), (7, 1), (3, 16), (5, 17), (12, 10), (33, 64), (64, 33), (2, 1000), (300, 3), (40, 129),
    ];

    [Fact]
    public void Decode_inverts_every_encoding_at_many_shapes_sparsities_and_bit_widths()
    {
        var random = new Random(2024);
        int checkedCases = 0;
        foreach ((int inputs, int outputs) in s_shapes)
        {
            foreach (double density in s_densities)
            {
                foreach (int bits in new[] { 2, 3, 5, 8 })
                {
                    sbyte[] dense = TestModels.RandomWeights(random, inputs, outputs, density, bits);
                    foreach (WeightEncoding encoding in s_encodings)
                    {
                        Weights weights = WeightCodec.EncodeAs(encoding, dense, inputs, outputs, bits);
                        string label = $"{encoding} {inputs}x{outputs} density {density} bits {bits}";
                        Assert.True(dense.SequenceEqual(WeightCodec.Decode(weights, inputs, outputs)), label);
                        Assert.Equal((ulong)dense.Count(w => w != 0), weights.NonzeroCount);
                        Assert.Equal(encoding, weights.Encoding);
                        Assert.Equal((uint)bits, weights.Bits);
                        checkedCases++;
                    }
                }
            }
        }

        Assert.Equal(s_shapes.Length * s_densities.Length * 4 * s_encodings.Length, checkedCases);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(20)]
    [InlineData(129)]
    public void Square_recurrent_matrices_round_trip_in_every_encoding_and_validate_as_recurrent_weights(int neurons)
    {
        var random = new Random(neurons);
        foreach (double density in new[] { 0.0, 0.05, 0.5, 1.0 })
        {
            sbyte[] dense = TestModels.RandomWeights(random, neurons, neurons, density, bits: 6);
            foreach (WeightEncoding encoding in s_encodings.Append(WeightEncoding.Unspecified))
            {
                Weights recurrent = TestModels.Encode(encoding, dense, neurons, neurons, bits: 6);
                string label = $"{encoding} {neurons}x{neurons} density {density}";

                Assert.True(dense.SequenceEqual(WeightCodec.Decode(recurrent, neurons, neurons)), label);
                Model model = RecurrentModel(neurons, recurrent);
                Assert.True(ModelValidator.FindProblems(model).Count == 0, $"{label}: {string.Join("; ", ModelValidator.FindProblems(model))}");
                Layer read = ModelReader.FromBytes(ModelWriter.ToBytes(model)).Layers[0];
                Assert.True(dense.SequenceEqual(WeightCodec.Decode(read.RecurrentWeights, neurons, neurons)), label);
            }
        }
    }

    [Property(MaxTest = 300)]
    public void Decode_inverts_Encode_for_arbitrary_weights(NonEmptyArray<sbyte> raw, PositiveInt outputs, byte zeroPercent)
    {
        int outputSize = 1 + ((outputs.Get - 1) % 40);
        int inputSize = (raw.Get.Length + outputSize - 1) / outputSize;
        var dense = new sbyte[inputSize * outputSize];
        var random = new Random(raw.Get.Length + outputSize);
        for (int k = 0; k < raw.Get.Length; k++)
        {
            sbyte w = raw.Get[k] == sbyte.MinValue ? sbyte.MaxValue : raw.Get[k];
            dense[k] = random.Next(100) < zeroPercent % 101 ? (sbyte)0 : w;
        }

        Weights chosen = WeightCodec.Encode(dense, inputSize, outputSize, 8);

        Assert.Equal(dense, WeightCodec.Decode(chosen, inputSize, outputSize));
        foreach (WeightEncoding encoding in s_encodings)
        {
            Weights forced = WeightCodec.EncodeAs(encoding, dense, inputSize, outputSize, 8);
            Assert.Equal(dense, WeightCodec.Decode(forced, inputSize, outputSize));
            Assert.True(WeightCodec.EncodedBytes(chosen) <= WeightCodec.EncodedBytes(forced), $"{chosen.Encoding} is larger than {encoding}");
        }
    }

    /// <summary>One BINARY LIF layer, 4 inputs → <paramref name="neurons"/>, with the given recurrent weights.</summary>
    private static Model RecurrentModel(int neurons, Weights recurrent)
    {
        var layer = new Layer
        {
            InputSize = 4,
            OutputSize = (uint)neurons,
            Neuron = NeuronModel.Lif,
            Reset = ResetMode.Zero,
            Comparison = ThresholdComparison.Greater,
            Weights = WeightCodec.Encode(new sbyte[4 * neurons], 4, neurons, 8),
            RecurrentWeights = recurrent,
        };
        layer.Threshold.AddRange(Enumerable.Repeat(10, neurons));
        layer.WeightScale.AddRange(Enumerable.Repeat(0.01f, neurons));
        return new Model
        {
            FormatMajor = 1,
            FormatMinor = 1,
            Input = new InputGeometry { Width = 2, Height = 2, Polarities = 1 },
            TickMicroseconds = 1000,
            TicksPerSample = 5,
            Layers = { layer },
            Readout = new Readout { Mode = ReadoutMode.SpikeCount },
        };
    }

    [Fact]
    public void Dense_weights_are_stored_DENSE()
    {
        sbyte[] dense = TestModels.RandomWeights(new Random(1), 100, 64, 1.0);

        Weights weights = WeightCodec.Encode(dense, 100, 64, 8);

        Assert.Equal(WeightEncoding.Dense, weights.Encoding);
        Assert.Equal(100 * 64, weights.Values.Length);
        Assert.True(weights.Index.IsEmpty);
    }

    [Fact]
    public void Very_sparse_weights_are_stored_CSR()
    {
        sbyte[] dense = TestModels.RandomWeights(new Random(2), 100, 64, 0.01);

        Weights weights = WeightCodec.Encode(dense, 100, 64, 8);

        Assert.Equal(WeightEncoding.Csr, weights.Encoding);
        Assert.Equal(dense.Count(w => w != 0), weights.Values.Length);
    }

    [Fact]
    public void Moderately_sparse_weights_are_stored_BITMAP()
    {
        sbyte[] dense = TestModels.RandomWeights(new Random(3), 100, 64, 0.3);

        Weights weights = WeightCodec.Encode(dense, 100, 64, 8);

        Assert.Equal(WeightEncoding.Bitmap, weights.Encoding);
        Assert.Equal(dense.Count(w => w != 0), weights.Values.Length);
        Assert.Equal(100 * 8, weights.Index.Length);
    }

    [Fact]
    public void A_three_way_tie_goes_to_DENSE()
    {
        Weights weights = WeightCodec.Encode([0], 1, 1, 8);

        Assert.Equal(WeightEncoding.Dense, weights.Encoding);
        Assert.Equal(1, WeightCodec.EncodedBytes(WeightCodec.EncodeAs(WeightEncoding.Csr, [0], 1, 1, 8)));
        Assert.Equal(1, WeightCodec.EncodedBytes(WeightCodec.EncodeAs(WeightEncoding.Bitmap, [0], 1, 1, 8)));
    }

    [Fact]
    public void A_tie_between_BITMAP_and_CSR_goes_to_BITMAP()
    {
        var dense = new sbyte[16];
        dense[3] = 9;

        Weights weights = WeightCodec.Encode(dense, 1, 16, 8);

        Assert.Equal(WeightEncoding.Bitmap, weights.Encoding);
        Assert.Equal(WeightCodec.EncodedBytes(weights), WeightCodec.EncodedBytes(WeightCodec.EncodeAs(WeightEncoding.Csr, dense, 1, 16, 8)));
    }

    [Fact]
    public void CSR_index_follows_the_delta_rule_of_semantics_3_2()
    {
        // Row 0: columns 2 and 3 (deltas 2, 0); row 1: nothing; row 2: column 200 (two-byte varint 200).
        var dense = new sbyte[3 * 201];
        dense[2] = 1;
        dense[3] = -1;
        dense[(2 * 201) + 200] = 7;

        Weights weights = WeightCodec.EncodeAs(WeightEncoding.Csr, dense, 3, 201, 8);

        Assert.Equal(new byte[] { 2, 2, 0, 0, 1, 0xC8, 0x01 }, weights.Index.ToByteArray());
        Assert.Equal(new byte[] { 1, 0xFF, 7 }, weights.Values.ToByteArray());
    }

    [Fact]
    public void BITMAP_index_sets_bit_o_mod_8_least_significant_first()
    {
        var dense = new sbyte[2 * 10];
        dense[0] = 1;
        dense[9] = 2;
        dense[10 + 3] = -3;

        Weights weights = WeightCodec.EncodeAs(WeightEncoding.Bitmap, dense, 2, 10, 8);

        Assert.Equal(new byte[] { 0x01, 0x02, 0x08, 0x00 }, weights.Index.ToByteArray());
        Assert.Equal(new byte[] { 1, 2, 0xFD }, weights.Values.ToByteArray());
    }

    [Fact]
    public void Stored_zero_weights_in_CSR_decode_as_zero()
    {
        var weights = new Weights
        {
            Encoding = WeightEncoding.Csr,
            Bits = 8,
            Index = ByteString.CopyFrom(2, 0, 1),
            Values = ByteString.CopyFrom(0, 5),
            NonzeroCount = 1,
        };

        Assert.Equal(new sbyte[] { 0, 0, 5 }, WeightCodec.Decode(weights, 1, 3));
    }

    [Fact]
    public void EncodedBytes_counts_values_and_index()
    {
        var weights = new Weights { Values = ByteString.CopyFrom(1, 2, 3), Index = ByteString.CopyFrom(4, 5) };

        Assert.Equal(5, WeightCodec.EncodedBytes(weights));
    }

    [Fact]
    public void Encode_refuses_a_weight_outside_the_bit_width()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightCodec.Encode([0, 8, 0], 1, 3, 4));

        Assert.Contains("denseInputMajor[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_refuses_minus_128()
    {
        Assert.Throws<ArgumentException>(() => WeightCodec.Encode([sbyte.MinValue], 1, 1, 8));
    }

    [Fact]
    public void Encode_refuses_a_length_that_does_not_match_the_shape()
    {
        Assert.Throws<ArgumentException>(() => WeightCodec.Encode(new sbyte[5], 2, 3, 8));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Encode_refuses_bits_outside_2_to_8(int bits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightCodec.Encode(new sbyte[4], 2, 2, bits));
    }

    [Fact]
    public void Decode_refuses_malformed_weights_naming_the_field()
    {
        Weights weights = WeightCodec.EncodeAs(WeightEncoding.Csr, [1, 0, 0, 1], 2, 2, 8);
        weights.Index = ByteString.CopyFrom([.. weights.Index.Span, 0]);

        var error = Assert.Throws<ArgumentException>(() => WeightCodec.Decode(weights, 2, 2));

        Assert.Contains("weights.index[", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_refuses_weights_of_another_shape()
    {
        Weights weights = WeightCodec.EncodeAs(WeightEncoding.Dense, [1, 0, 0, 1], 2, 2, 8);

        Assert.Throws<ArgumentException>(() => WeightCodec.Decode(weights, 2, 3));
    }
}
