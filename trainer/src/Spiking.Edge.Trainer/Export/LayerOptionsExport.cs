using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Export;

/// <summary>
/// Writes the format-1.1 fields of a quantized layer (model-format/proto, Layer fields 12–24). A field whose value means
/// "absent" (0, empty, Unspecified, null) is left unset, so a layer without 1.1 options stays a format-1.0 layer.
/// </summary>
internal static class LayerOptionsExport
{
    /// <summary>Sets every 1.1 field of <paramref name="layer"/> that <paramref name="q"/> uses.</summary>
    public static void Apply(Layer layer, QuantizedLayer q)
    {
        layer.Decay = (uint)q.DecayQ16;
        layer.CurrentShift = (uint)q.CurrentShift;
        layer.RefractoryTicks = (uint)q.RefractoryTicks;
        foreach (int gain in q.RefractoryGain)
        {
            layer.RefractoryGain.Add((uint)gain);
        }

        layer.Inhibition.AddRange(q.Inhibition);
        layer.MembraneFloor.AddRange(q.MembraneFloor);
        layer.Activation = q.Activation;
        layer.NegativeSlope = (uint)q.NegativeSlopeQ16;
        layer.Output = q.Output;
        if (q.OutputTable is { } table)
        {
            layer.OutputTable = ToProto(table);
        }

        layer.ResetScope = q.ResetScope;
        if (q.HasRecurrentWeights)
        {
            layer.RecurrentWeights = WeightCodec.Encode(q.RecurrentWeights, q.OutputSize, q.OutputSize, q.Bits);
        }

        if (q.Src is { } src)
        {
            layer.Src = new SrcParameters
            {
                FractionBits = (uint)src.FractionBits,
                InputDecay = (uint)src.InputDecay,
                InputTable = ToProto(src.InputTable),
                FastTable = ToProto(src.FastTable),
                FastFeedback = src.FastFeedback,
                SlowFeedback = src.SlowFeedback,
                GateThreshold = src.GateThreshold,
                SlowGateRest = (uint)src.SlowGateRest,
                SlowGateActive = (uint)src.SlowGateActive,
                RestFast = src.RestFast,
                RestSlow = src.RestSlow,
            };
        }
    }

    private static LookupTable ToProto(QuantizedLookupTable table)
    {
        var proto = new LookupTable { InputShift = (uint)table.InputShift, InputOffset = table.InputOffset };
        proto.Values.AddRange(table.Values);
        return proto;
    }
}
