using Google.Protobuf;
using Spiking.Edge.ModelFormat.Encoding;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// Turns a layer's dense integer weights into the <see cref="Weights"/> message and back (semantics §3): DENSE,
/// CSR or BITMAP, whichever stores the fewest bytes.
/// </summary>
public static class WeightCodec
{
    /// <summary>
    /// Encodes dense weights, row-major [input][output] (element <c>i × outputSize + o</c> is W[i][o]), in the
    /// smallest encoding by <see cref="EncodedBytes"/>; ties go to DENSE, then BITMAP, then CSR. CSR and BITMAP
    /// store only the non-zero weights. <c>nonzero_count</c> is set.
    /// </summary>
    /// <exception cref="ArgumentException">The shape, the bit width or a value is out of range.</exception>
    public static Weights Encode(sbyte[] denseInputMajor, int inputSize, int outputSize, int bits)
    {
        long nonzero = CheckArguments(denseInputMajor, inputSize, outputSize, bits);
        long denseBytes = (long)inputSize * outputSize;
        long bitmapBytes = ((long)inputSize * BitmapIndex.BytesPerRow(outputSize)) + nonzero;
        long csrBytes = CsrIndex.SizeOf(denseInputMajor, inputSize, outputSize) + nonzero;
        WeightEncoding choice = denseBytes <= bitmapBytes && denseBytes <= csrBytes
            ? WeightEncoding.Dense
            : bitmapBytes <= csrBytes ? WeightEncoding.Bitmap : WeightEncoding.Csr;
        return Build(choice, denseInputMajor, inputSize, outputSize, bits, nonzero);
    }

    /// <summary>Encodes in the given encoding regardless of size (tests and tools that force an encoding).</summary>
    internal static Weights EncodeAs(WeightEncoding encoding, sbyte[] denseInputMajor, int inputSize, int outputSize, int bits)
    {
        long nonzero = CheckArguments(denseInputMajor, inputSize, outputSize, bits);
        return Build(encoding, denseInputMajor, inputSize, outputSize, bits, nonzero);
    }

    /// <summary>Decodes the weights of a layer of the given shape into dense row-major [input][output].</summary>
    /// <exception cref="ArgumentException">The weights are malformed for that shape (see <see cref="ModelValidator"/>).</exception>
    public static sbyte[] Decode(Weights weights, int inputSize, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(weights);
        CheckShape(inputSize, outputSize);
        long cells = (long)inputSize * outputSize;
        if (cells > Array.MaxLength)
        {
            throw new ArgumentException($"weights: a dense array of {cells} elements does not fit in memory.", nameof(weights));
        }

        var problems = new List<ValidationProblem>();
        ModelValidator.CheckWeights(weights, inputSize, outputSize, "weights", problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0].ToString(), nameof(weights));
        }

        var dense = new sbyte[cells];
        ReadOnlySpan<byte> values = weights.Values.Span;
        switch (weights.Encoding)
        {
            case WeightEncoding.Dense:
                for (int k = 0; k < values.Length; k++)
                {
                    dense[k] = unchecked((sbyte)values[k]);
                }

                break;
            case WeightEncoding.Csr:
                CsrIndex.Scatter(weights.Index.Span, values, inputSize, outputSize, dense);
                break;
            default:
                BitmapIndex.Scatter(weights.Index.Span, values, inputSize, outputSize, dense);
                break;
        }

        return dense;
    }

    /// <summary>The bytes the encoding stores: <c>values</c> plus <c>index</c> (semantics §3, the size the writer minimises).</summary>
    public static long EncodedBytes(Weights w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return (long)w.Values.Length + w.Index.Length;
    }

    private static Weights Build(WeightEncoding encoding, sbyte[] dense, int inputSize, int outputSize, int bits, long nonzero)
    {
        byte[] index;
        byte[] values;
        switch (encoding)
        {
            case WeightEncoding.Dense:
                index = [];
                values = new byte[dense.Length];
                Buffer.BlockCopy(dense, 0, values, 0, dense.Length);
                break;
            case WeightEncoding.Csr:
                (index, values) = CsrIndex.Build(dense, inputSize, outputSize);
                break;
            case WeightEncoding.Bitmap:
                (index, values) = BitmapIndex.Build(dense, inputSize, outputSize);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "DENSE, CSR or BITMAP");
        }

        return new Weights
        {
            Encoding = encoding,
            Bits = (uint)bits,
            Values = ByteString.CopyFrom(values),
            Index = ByteString.CopyFrom(index),
            NonzeroCount = (ulong)nonzero,
        };
    }

    private static long CheckArguments(sbyte[] dense, int inputSize, int outputSize, int bits)
    {
        ArgumentNullException.ThrowIfNull(dense);
        CheckShape(inputSize, outputSize);
        if (bits < 2 || bits > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "bits: 2..8.");
        }

        if (dense.Length != (long)inputSize * outputSize)
        {
            throw new ArgumentException($"denseInputMajor: inputSize × outputSize = {(long)inputSize * outputSize} elements expected, found {dense.Length}.", nameof(dense));
        }

        int limit = (1 << (bits - 1)) - 1;
        long nonzero = 0;
        for (int k = 0; k < dense.Length; k++)
        {
            int w = dense[k];
            if (w > limit || w < -limit)
            {
                throw new ArgumentException($"denseInputMajor[{k}]: a {bits}-bit weight within ±{limit} expected, found {w}.", nameof(dense));
            }

            if (w != 0)
            {
                nonzero++;
            }
        }

        return nonzero;
    }

    private static void CheckShape(int inputSize, int outputSize)
    {
        if (inputSize < 1 || inputSize > Semantics.MaxLayerSize)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, $"inputSize: 1..{Semantics.MaxLayerSize}.");
        }

        if (outputSize < 1 || outputSize > Semantics.MaxLayerSize)
        {
            throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, $"outputSize: 1..{Semantics.MaxLayerSize}.");
        }
    }
}
