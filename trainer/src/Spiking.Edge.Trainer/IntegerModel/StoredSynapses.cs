using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// The number of stored weights in each row of a layer (semantics.md §6: what one input event or spike of that
/// row adds to SynOps). DENSE stores every weight; CSR and BITMAP store what their index says, zeros included.
/// </summary>
internal static class StoredSynapses
{
    /// <summary>Per input row i, the number of stored weights W[i][·]. The weights must already be validated.</summary>
    public static int[] PerRow(Weights weights, int inputSize, int outputSize)
    {
        var counts = new int[inputSize];
        ReadOnlySpan<byte> index = weights.Index.Span;
        switch (weights.Encoding)
        {
            case WeightEncoding.Dense:
                Array.Fill(counts, outputSize);
                break;
            case WeightEncoding.Csr:
                int position = 0;
                for (int i = 0; i < inputSize; i++)
                {
                    int n = ReadVarint(index, ref position);
                    counts[i] = n;
                    for (int j = 0; j < n; j++)
                    {
                        ReadVarint(index, ref position);
                    }
                }

                break;
            case WeightEncoding.Bitmap:
                int rowBytes = (outputSize + 7) / 8;
                for (int i = 0; i < inputSize; i++)
                {
                    int n = 0;
                    for (int b = 0; b < rowBytes; b++)
                    {
                        n += System.Numerics.BitOperations.PopCount(index[(i * rowBytes) + b]);
                    }

                    counts[i] = n;
                }

                break;
            default:
                throw new ArgumentException($"weights: encoding {weights.Encoding} is not DENSE, CSR or BITMAP");
        }

        return counts;
    }

    private static int ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        int result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[position++];
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
    }
}
