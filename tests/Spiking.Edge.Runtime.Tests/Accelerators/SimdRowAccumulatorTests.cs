using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Tests.Accelerators;

public sealed class SimdRowAccumulatorTests
{
    private const int MaxLength = 300;
    private const int MaxOffset = 40;

    /// <summary>Every SIMD path, so that each one this processor supports is checked against the scalar reference.</summary>
    public static TheoryData<string> Paths => new(Enum.GetNames<SimdPath>());

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Equals_scalar_on_random_rows_for_every_length_up_to_300_and_every_offset_up_to_40(string pathName)
    {
        var simd = Create(pathName);
        var scalar = new ScalarRowAccumulator();
        var random = new Random(20_240_611);
        var weights = new byte[MaxLength + MaxOffset];
        random.NextBytes(weights);
        var initial = new int[MaxLength + MaxOffset];
        for (int i = 0; i < initial.Length; i++)
        {
            initial[i] = random.Next(-1_000_000, 1_000_000);
        }

        var expected = new int[initial.Length];
        var actual = new int[initial.Length];
        for (int length = 0; length <= MaxLength; length++)
        {
            for (int weightOffset = 0; weightOffset <= MaxOffset; weightOffset++)
            {
                // Target offsets sweep every alignment residue (0..15 int32 lanes) plus the largest offset.
                for (int targetOffset = 0; targetOffset <= MaxOffset; targetOffset += targetOffset < 16 ? 1 : MaxOffset - 16)
                {
                    Array.Copy(initial, expected, initial.Length);
                    Array.Copy(initial, actual, initial.Length);

                    scalar.AddRow(weights, weightOffset, expected, targetOffset, length);
                    simd.AddRow(weights, weightOffset, actual, targetOffset, length);

                    if (!expected.AsSpan().SequenceEqual(actual))
                    {
                        int at = expected.AsSpan().CommonPrefixLength(actual);
                        Assert.Fail($"{pathName}: length {length}, weight offset {weightOffset}, target offset {targetOffset}: membrane {at} is {actual[at]}, scalar gives {expected[at]}");
                    }
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Scaled_rows_equal_scalar_for_every_length_up_to_300_every_offset_and_scales_1_to_128(string pathName)
    {
        var simd = Create(pathName);
        var scalar = new ScalarRowAccumulator();
        var random = new Random(20_251_123);
        var weights = new byte[MaxLength + MaxOffset];
        random.NextBytes(weights);
        weights[0] = 0x81;
        weights[1] = 0x7F;
        var initial = new int[MaxLength + MaxOffset];
        for (int i = 0; i < initial.Length; i++)
        {
            initial[i] = random.Next(-1_000_000_000, 1_000_000_000);
        }

        var expected = new int[initial.Length];
        var actual = new int[initial.Length];
        for (int length = 0; length <= MaxLength; length++)
        {
            for (int weightOffset = 0; weightOffset <= MaxOffset; weightOffset += 3)
            {
                int targetOffset = (length + weightOffset) % 17;
                int scale = length % 3 == 0 ? 128 : 1 + ((length * 31 + weightOffset) % 128);
                Array.Copy(initial, expected, initial.Length);
                Array.Copy(initial, actual, initial.Length);

                scalar.AddScaledRow(weights, weightOffset, scale, expected, targetOffset, length);
                simd.AddScaledRow(weights, weightOffset, scale, actual, targetOffset, length);

                if (!expected.AsSpan().SequenceEqual(actual))
                {
                    int at = expected.AsSpan().CommonPrefixLength(actual);
                    Assert.Fail($"{pathName}: length {length}, weight offset {weightOffset}, target offset {targetOffset}, scale {scale}: value {at} is {actual[at]}, scalar gives {expected[at]}");
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Scaled_row_past_the_end_of_either_array_is_refused(string pathName)
    {
        var simd = Create(pathName);
        var target = new int[50];
        Assert.Throws<ArgumentOutOfRangeException>(() => simd.AddScaledRow(new byte[100], 90, 3, target, 0, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => simd.AddScaledRow(new byte[100], 0, 3, target, 40, 20));
        Assert.All(target, v => Assert.Equal(0, v));
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Sign_extends_extreme_bytes_like_scalar(string pathName)
    {
        var simd = Create(pathName);
        var scalar = new ScalarRowAccumulator();
        byte[][] patterns =
        [
            Repeat(0x7F, 131), // +127
            Repeat(0x81, 131), // -127
            Repeat(0x80, 131), // -128 (never in a valid model, but the kernel must still match)
            Repeat(0xFF, 131), // -1
            Alternate(0x7F, 0x80, 131),
            Alternate(0x80, 0x01, 131),
        ];

        foreach (var weights in patterns)
        {
            var expected = new int[weights.Length];
            var actual = new int[weights.Length];

            scalar.AddRow(weights, 0, expected, 0, weights.Length);
            simd.AddRow(weights, 0, actual, 0, weights.Length);

            Assert.Equal(expected, actual);
            Assert.Contains((int)(sbyte)weights[0], actual);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Accumulates_many_rows_into_large_membranes_like_scalar(string pathName)
    {
        var simd = Create(pathName);
        var scalar = new ScalarRowAccumulator();
        const int width = 800;
        const int rows = 64;
        var random = new Random(7);
        var matrix = new byte[rows * width];
        random.NextBytes(matrix);
        var expected = new int[width];
        for (int o = 0; o < width; o++)
        {
            // Near the state limits of semantics.md §1 and beyond them (the kernel adds before the clamp).
            expected[o] = (o % 4) switch
            {
                0 => 8_388_607,
                1 => -8_388_608,
                2 => 1 << 30,
                _ => -(1 << 30),
            };
        }

        var actual = (int[])expected.Clone();
        for (int step = 0; step < 10_000; step++)
        {
            int row = random.Next(rows);
            scalar.AddRow(matrix, row * width, expected, 0, width);
            simd.AddRow(matrix, row * width, actual, 0, width);
        }

        Assert.Equal(expected, actual);
        Assert.Contains(actual, v => Math.Abs((long)v) > 8_388_607);
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Wraps_on_int32_overflow_exactly_as_scalar(string pathName)
    {
        var simd = Create(pathName);
        var scalar = new ScalarRowAccumulator();
        var weights = Alternate(0x7F, 0x80, 40);
        var expected = new int[40];
        for (int o = 0; o < expected.Length; o++)
        {
            expected[o] = o % 2 == 0 ? int.MaxValue - 3 : int.MinValue + 3;
        }

        var actual = (int[])expected.Clone();

        scalar.AddRow(weights, 0, expected, 0, weights.Length);
        simd.AddRow(weights, 0, actual, 0, weights.Length);

        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Row_past_the_end_of_either_array_is_refused_naming_the_ranges(string pathName)
    {
        var simd = Create(pathName);
        var weights = new byte[100];
        var target = new int[50];

        var pastWeights = Assert.Throws<ArgumentOutOfRangeException>(() => simd.AddRow(weights, 90, target, 0, 20));
        var pastTarget = Assert.Throws<ArgumentOutOfRangeException>(() => simd.AddRow(weights, 0, target, 40, 20));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => simd.AddRow(weights, -1, target, 0, 8));

        Assert.Contains("[90, +20) of 100 weight bytes", pastWeights.Message);
        Assert.Contains("[40, +20) of 50 membranes", pastTarget.Message);
        Assert.Contains("[-1, +8)", negative.Message);
        Assert.All(target, v => Assert.Equal(0, v));
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public void Describe_names_the_instruction_set_of_the_path(string pathName)
    {
        var simd = Create(pathName);

        string expected = simd.Path switch
        {
            SimdPath.Avx512 => "AVX-512",
            SimdPath.Avx2 => "AVX2",
            _ => "Vector128",
        };
        Assert.Contains(expected, simd.Describe());
    }

    private static SimdRowAccumulator Create(string pathName)
    {
        var path = Enum.Parse<SimdPath>(pathName);
        Skip.IfNot(SimdRowAccumulator.IsSupported(path), $"{path} is not supported on this processor");
        return new SimdRowAccumulator(path);
    }

    private static byte[] Repeat(byte value, int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }

    private static byte[] Alternate(byte even, byte odd, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = i % 2 == 0 ? even : odd;
        }

        return bytes;
    }
}
