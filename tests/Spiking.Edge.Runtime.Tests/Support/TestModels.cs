using Google.Protobuf;
using Spiking.Edge.Runtime.Format;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>
/// Builds model files for tests with the generated protobuf classes, then seals them the way the format asks:
/// tag 0x7D (field 15, fixed32) and the little-endian CRC-32 of every byte before it.
/// </summary>
internal static class TestModels
{
    public static byte[] Seal(byte[] body)
    {
        uint crc = Crc32.Compute(body, 0, body.Length);
        var sealedBytes = new byte[body.Length + 5];
        body.CopyTo(sealedBytes, 0);
        sealedBytes[body.Length] = 0x7D;
        sealedBytes[body.Length + 1] = (byte)crc;
        sealedBytes[body.Length + 2] = (byte)(crc >> 8);
        sealedBytes[body.Length + 3] = (byte)(crc >> 16);
        sealedBytes[body.Length + 4] = (byte)(crc >> 24);
        return sealedBytes;
    }

    public static byte[] Seal(P.Model model) => Seal(model.ToByteArray());

    public static byte[] Build(NetSpec spec) => Seal(ToProto(spec));

    public static P.Model ToProto(NetSpec spec)
    {
        var model = new P.Model
        {
            FormatMajor = 1,
            FormatMinor = (uint)spec.EffectiveMinor,
            Input = new P.InputGeometry { Width = (uint)spec.Width, Height = (uint)spec.Height, Polarities = (uint)spec.Polarities },
            TickMicroseconds = (uint)spec.TickMicroseconds,
            TicksPerSample = (uint)spec.TicksPerSample,
            Readout = new P.Readout { Mode = spec.Readout },
        };
        foreach (LayerSpec layer in spec.Layers)
        {
            model.Layers.Add(ToProto(layer));
        }

        return model;
    }

    public static P.Layer ToProto(LayerSpec layer)
    {
        var proto = new P.Layer
        {
            Name = "layer",
            InputSize = (uint)layer.InputSize,
            OutputSize = (uint)layer.OutputSize,
            Neuron = layer.Neuron,
            LeakShift = (uint)layer.LeakShift,
            Weights = Encode(layer.Weights, layer.InputSize, layer.OutputSize, layer.Encoding, layer.Bits),
        };
        if (layer.Neuron == P.NeuronModel.Lif)
        {
            proto.Reset = layer.Reset;
            proto.Comparison = layer.Comparison;
            proto.Threshold.Add(layer.Threshold);
        }

        proto.Bias.Add(layer.Bias);
        for (int o = 0; o < layer.OutputSize; o++)
        {
            proto.WeightScale.Add(0.01f);
        }

        proto.Decay = (uint)layer.Decay;
        proto.CurrentShift = (uint)layer.CurrentShift;
        proto.RefractoryTicks = (uint)layer.RefractoryTicks;
        proto.RefractoryGain.Add(layer.RefractoryGain.Select(g => (uint)g));
        proto.Inhibition.Add(layer.Inhibition);
        proto.MembraneFloor.Add(layer.MembraneFloor);
        proto.Activation = layer.Activation;
        proto.NegativeSlope = (uint)layer.NegativeSlope;
        proto.Output = layer.Output;
        proto.OutputTable = layer.OutputTable is null ? null : ToProto(layer.OutputTable);
        proto.ResetScope = layer.ResetScope;
        if (layer.Recurrent is not null)
        {
            proto.RecurrentWeights = Encode(layer.Recurrent, layer.OutputSize, layer.OutputSize, layer.RecurrentEncoding);
        }

        if (layer.Src is { } src)
        {
            proto.Src = new P.SrcParameters
            {
                FractionBits = (uint)src.FractionBits, InputDecay = (uint)src.InputDecay,
                InputTable = ToProto(src.InputTable), FastTable = ToProto(src.FastTable),
                FastFeedback = src.FastFeedback, SlowFeedback = src.SlowFeedback, GateThreshold = src.GateThreshold,
                SlowGateRest = (uint)src.SlowGateRest, SlowGateActive = (uint)src.SlowGateActive,
                RestFast = src.RestFast, RestSlow = src.RestSlow,
            };
        }

        return proto;
    }

    public static P.LookupTable ToProto(TableSpec table)
    {
        var proto = new P.LookupTable { InputShift = (uint)table.InputShift, InputOffset = table.InputOffset };
        proto.Values.Add(table.Values);
        return proto;
    }

    /// <summary>Encodes W (row-major) as semantics.md §3 says for the given encoding.</summary>
    public static P.Weights Encode(sbyte[] w, int inputSize, int outputSize, P.WeightEncoding encoding, int bits = 8)
    {
        var values = new List<byte>();
        var index = new List<byte>();
        ulong nonzero = (ulong)w.Count(v => v != 0);
        if (encoding == P.WeightEncoding.Dense)
        {
            values.AddRange(w.Select(v => (byte)v));
        }
        else if (encoding == P.WeightEncoding.Csr)
        {
            for (int i = 0; i < inputSize; i++)
            {
                var columns = Enumerable.Range(0, outputSize).Where(o => w[i * outputSize + o] != 0).ToArray();
                WriteVarint(index, (uint)columns.Length);
                int previous = -1;
                foreach (int c in columns)
                {
                    WriteVarint(index, (uint)(c - previous - 1));
                    previous = c;
                    values.Add((byte)w[i * outputSize + c]);
                }
            }
        }
        else
        {
            int bytesPerRow = (outputSize + 7) / 8;
            for (int i = 0; i < inputSize; i++)
            {
                var row = new byte[bytesPerRow];
                for (int o = 0; o < outputSize; o++)
                {
                    if (w[i * outputSize + o] != 0)
                    {
                        row[o / 8] |= (byte)(1 << (o % 8));
                        values.Add((byte)w[i * outputSize + o]);
                    }
                }

                index.AddRange(row);
            }
        }

        return new P.Weights
        {
            Encoding = encoding,
            Bits = (uint)bits,
            Values = ByteString.CopyFrom(values.ToArray()),
            Index = ByteString.CopyFrom(index.ToArray()),
            NonzeroCount = nonzero,
        };
    }

    public static void WriteVarint(List<byte> target, ulong value)
    {
        while (value >= 0x80)
        {
            target.Add((byte)(value | 0x80));
            value >>= 7;
        }

        target.Add((byte)value);
    }

    /// <summary>The network of semantics.md §8.</summary>
    public static NetSpec WorkedExample() => new()
    {
        Width = 2,
        Height = 1,
        Polarities = 1,
        TickMicroseconds = 1000,
        TicksPerSample = 3,
        Readout = P.ReadoutMode.SpikeCount,
        Layers = new[]
        {
            new LayerSpec
            {
                InputSize = 2, OutputSize = 1, Weights = new sbyte[] { 3, -2 }, Threshold = new[] { 4 },
                Reset = P.ResetMode.Subtract, Comparison = P.ThresholdComparison.GreaterOrEqual, LeakShift = 1,
            },
        },
    };

    /// <summary>A single-layer network with the given geometry (1 × 1 × 1 by default).</summary>
    public static NetSpec OneLayer(LayerSpec layer, int ticks, P.ReadoutMode readout = P.ReadoutMode.SpikeCount, int width = 1, int height = 1, int polarities = 1) => new()
    {
        Width = width, Height = height, Polarities = polarities, TickMicroseconds = 1000, TicksPerSample = ticks,
        Readout = readout, Layers = new[] { layer },
    };
}
