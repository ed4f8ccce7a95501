using Google.Protobuf;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>
/// Encodes weights in a chosen encoding (semantics §3), optionally storing some zero weights explicitly (CSR and
/// BITMAP may store zeros; each stored synapse counts in SynOps, §6). The production codec always picks the
/// smallest encoding and stores no zeros, so vectors that must cover a given encoding build it here.
/// </summary>
internal static class ForcedWeightEncoder
{
    public static Weights Encode(WeightEncoding encoding, sbyte[] dense, int inputs, int outputs, int bits, Func<int, int, bool>? storeZero = null)
    {
        long nonzero = dense.LongCount(w => w != 0);
        var values = new List<byte>();
        var index = new List<byte>();
        bool Stored(int i, int o) => dense[(i * outputs) + o] != 0 || (storeZero?.Invoke(i, o) ?? false);
        switch (encoding)
        {
            case WeightEncoding.Dense:
                values.AddRange(dense.Select(w => unchecked((byte)w)));
                break;
            case WeightEncoding.Csr:
                for (int i = 0; i < inputs; i++)
                {
                    var columns = Enumerable.Range(0, outputs).Where(o => Stored(i, o)).ToList();
                    WriteVarint(index, columns.Count);
                    int previous = -1;
                    foreach (int o in columns)
                    {
                        WriteVarint(index, o - previous - 1);
                        previous = o;
                        values.Add(unchecked((byte)dense[(i * outputs) + o]));
                    }
                }

                break;
            case WeightEncoding.Bitmap:
                int rowBytes = (outputs + 7) / 8;
                for (int i = 0; i < inputs; i++)
                {
                    var bitmap = new byte[rowBytes];
                    for (int o = 0; o < outputs; o++)
                    {
                        if (Stored(i, o))
                        {
                            bitmap[o / 8] |= (byte)(1 << (o % 8));
                            values.Add(unchecked((byte)dense[(i * outputs) + o]));
                        }
                    }

                    index.AddRange(bitmap);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "not DENSE, CSR or BITMAP");
        }

        return new Weights
        {
            Encoding = encoding,
            Bits = (uint)bits,
            Values = ByteString.CopyFrom(values.ToArray()),
            Index = ByteString.CopyFrom(index.ToArray()),
            NonzeroCount = (ulong)nonzero,
        };
    }

    private static void WriteVarint(List<byte> output, int value)
    {
        uint v = (uint)value;
        while (v >= 0x80)
        {
            output.Add((byte)(v | 0x80));
            v >>= 7;
        }

        output.Add((byte)v);
    }
}
