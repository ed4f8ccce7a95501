using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Tests.Kernels;

/// <summary>
/// Random sparse weight matrices, their CSR and BITMAP byte layouts (semantics.md §3.2, §3.3) placed after some
/// padding inside a model buffer, and the dense reference row add the kernels must reproduce.
/// </summary>
internal sealed class SparseWeights
{
    public const int Padding = 5;

    private SparseWeights(sbyte[,] weights, bool[,] stored)
    {
        Weights = weights;
        Stored = stored;
    }

    public sbyte[,] Weights { get; }

    public bool[,] Stored { get; }

    public int Inputs => Weights.GetLength(0);

    public int Outputs => Weights.GetLength(1);

    /// <summary>
    /// Each weight is stored with probability <paramref name="density"/> (a stored weight may be 0, §3.2);
    /// row 0 stores every weight and row 1 none, so full bitmap bytes and empty rows always occur.
    /// </summary>
    public static SparseWeights Random(Random random, int inputs, int outputs, double density)
    {
        var weights = new sbyte[inputs, outputs];
        var stored = new bool[inputs, outputs];
        for (int i = 0; i < inputs; i++)
        {
            for (int o = 0; o < outputs; o++)
            {
                stored[i, o] = i == 0 || (i != 1 && random.NextDouble() < density);
                weights[i, o] = stored[i, o] ? (sbyte)random.Next(-127, 128) : (sbyte)0;
            }
        }

        return new SparseWeights(weights, stored);
    }

    /// <summary>Padding, then the BITMAP index, then the values; returns the offsets of both.</summary>
    public byte[] Bitmap(out int indexOffset, out int valuesOffset)
    {
        int bytesPerRow = (Outputs + 7) / 8;
        var bytes = new List<byte>(new byte[Padding]);
        indexOffset = bytes.Count;
        for (int i = 0; i < Inputs; i++)
        {
            for (int b = 0; b < bytesPerRow; b++)
            {
                int bits = 0;
                for (int k = 0; k < 8 && (b * 8) + k < Outputs; k++)
                {
                    bits |= Stored[i, (b * 8) + k] ? 1 << k : 0;
                }

                bytes.Add((byte)bits);
            }
        }

        valuesOffset = bytes.Count;
        AddValues(bytes);
        return bytes.ToArray();
    }

    /// <summary>Padding, then the CSR index stream, then the values; returns the offsets and the index length.</summary>
    public byte[] Csr(out int indexOffset, out int indexLength, out int valuesOffset)
    {
        var bytes = new List<byte>(new byte[Padding]);
        indexOffset = bytes.Count;
        for (int i = 0; i < Inputs; i++)
        {
            int count = 0;
            for (int o = 0; o < Outputs; o++)
            {
                count += Stored[i, o] ? 1 : 0;
            }

            AddVarint(bytes, count);
            int previous = -1;
            for (int o = 0; o < Outputs; o++)
            {
                if (Stored[i, o])
                {
                    AddVarint(bytes, o - previous - 1);
                    previous = o;
                }
            }
        }

        indexLength = bytes.Count - indexOffset;
        valuesOffset = bytes.Count;
        AddValues(bytes);
        return bytes.ToArray();
    }

    /// <summary>The expected effect of adding row <paramref name="row"/>, and its stored-weight count.</summary>
    public int AddRowReference(int row, int[] target, int targetOffset)
    {
        int count = 0;
        for (int o = 0; o < Outputs; o++)
        {
            target[targetOffset + o] += Weights[row, o];
            count += Stored[row, o] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Adds every row in a random order to random membranes through the kernel and the reference.</summary>
    public static void AssertKernelMatchesReference(Random random, SparseWeights weights, WeightKernel kernel, int targetOffset)
    {
        var expected = new int[targetOffset + weights.Outputs + 3];
        for (int j = 0; j < expected.Length; j++)
        {
            expected[j] = random.Next(-100_000, 100_000);
        }

        var actual = (int[])expected.Clone();
        for (int n = 0; n < 3 * weights.Inputs; n++)
        {
            int row = random.Next(weights.Inputs);
            int expectedCount = weights.AddRowReference(row, expected, targetOffset);
            Assert.Equal(expectedCount, kernel.AddRow(row, actual, targetOffset));
        }

        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Adds every row in a random order, each scaled by a random graded value in 1..128 (semantics §4), through the
    /// kernel and the reference.
    /// </summary>
    public static void AssertScaledKernelMatchesReference(Random random, SparseWeights weights, WeightKernel kernel, int targetOffset)
    {
        var expected = new int[targetOffset + weights.Outputs + 3];
        for (int j = 0; j < expected.Length; j++)
        {
            expected[j] = random.Next(-100_000, 100_000);
        }

        var actual = (int[])expected.Clone();
        for (int n = 0; n < 3 * weights.Inputs; n++)
        {
            int row = random.Next(weights.Inputs);
            int scale = n == 0 ? 128 : random.Next(1, 129);
            int count = 0;
            for (int o = 0; o < weights.Outputs; o++)
            {
                expected[targetOffset + o] += scale * weights.Weights[row, o];
                count += weights.Stored[row, o] ? 1 : 0;
            }

            Assert.Equal(count, kernel.AddScaledRow(row, scale, actual, targetOffset));
        }

        Assert.Equal(expected, actual);
    }

    private void AddValues(List<byte> bytes)
    {
        for (int i = 0; i < Inputs; i++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                if (Stored[i, o])
                {
                    bytes.Add((byte)Weights[i, o]);
                }
            }
        }
    }

    private static void AddVarint(List<byte> bytes, int value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }
}
