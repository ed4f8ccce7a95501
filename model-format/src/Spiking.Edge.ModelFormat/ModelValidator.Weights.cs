using Spiking.Edge.ModelFormat.Encoding;
using Spiking.Edge.ModelFormat.Proto;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>The rules of a Weights message (semantics §3).</summary>
public static partial class ModelValidator
{
    /// <summary>Checks one Weights message for a layer of the given (valid) shape; adds problems under <paramref name="at"/>.</summary>
    internal static void CheckWeights(Weights weights, int inputSize, int outputSize, string at, List<ValidationProblem> problems)
    {
        bool bitsOk = weights.Bits >= 2 && weights.Bits <= 8;
        if (!bitsOk)
        {
            problems.Add(new(at + ".bits", "2..8", Invariant($"{weights.Bits}")));
        }

        ReadOnlySpan<byte> values = weights.Values.Span;
        ReadOnlySpan<byte> index = weights.Index.Span;
        long cells = (long)inputSize * outputSize;
        switch (weights.Encoding)
        {
            case WeightEncoding.Dense:
                if (values.Length != cells)
                {
                    problems.Add(new(at + ".values", Invariant($"input_size × output_size = {cells} bytes for DENSE"), Invariant($"{values.Length} bytes")));
                }

                if (index.Length != 0)
                {
                    problems.Add(new(at + ".index", "no bytes for DENSE", Invariant($"{index.Length} bytes")));
                }

                break;
            case WeightEncoding.Csr:
                CheckStored(CsrIndex.Check(index, inputSize, outputSize, out long csrStored), csrStored, values.Length, at, "CSR", problems);
                break;
            case WeightEncoding.Bitmap:
                CheckStored(BitmapIndex.Check(index, inputSize, outputSize, out long bitmapStored), bitmapStored, values.Length, at, "BITMAP", problems);
                break;
            default:
                problems.Add(new(at + ".encoding", "DENSE, CSR or BITMAP", EnumText(weights.Encoding)));
                break;
        }

        int limit = bitsOk ? (1 << ((int)weights.Bits - 1)) - 1 : 127;
        long nonzero = 0;
        bool reported = false;
        for (int k = 0; k < values.Length; k++)
        {
            int w = unchecked((sbyte)values[k]);
            if (!reported && (w > limit || w < -limit))
            {
                string width = bitsOk ? Invariant($"a {weights.Bits}-bit weight") : "a weight";
                problems.Add(new(Invariant($"{at}.values[{k}]"), Invariant($"{width} within ±{limit}"), Invariant($"{w}")));
                reported = true;
            }

            if (w != 0)
            {
                nonzero++;
            }
        }

        if (weights.NonzeroCount != (ulong)nonzero)
        {
            problems.Add(new(at + ".nonzero_count", Invariant($"the number of non-zero values, {nonzero}"), Invariant($"{weights.NonzeroCount}")));
        }
    }

    private static void CheckStored(IndexProblem? indexProblem, long stored, int valuesLength, string at, string encoding, List<ValidationProblem> problems)
    {
        if (indexProblem is IndexProblem p)
        {
            string field = p.ByteOffset >= 0 ? Invariant($"{at}.index[{p.ByteOffset}]") : at + ".index";
            problems.Add(new(field, Invariant($"{p.Expected} ({encoding})"), p.Found));
        }
        else if (valuesLength != stored)
        {
            problems.Add(new(at + ".values", Invariant($"one byte per stored weight of the {encoding} index, {stored} bytes"), Invariant($"{valuesLength} bytes")));
        }
    }
}
