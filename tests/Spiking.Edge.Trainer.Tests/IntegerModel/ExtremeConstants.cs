using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>
/// Pushes a valid model's integer constants toward the limits the format allows (semantics §4.1, §4.3): biases and
/// thresholds near the state range's ends, decay and gains at their largest, inhibition and floors anywhere in the state
/// range, SRC feedbacks and gate threshold up to the state range. Membranes then saturate and every 64-bit product of
/// §4 meets large operands. The result stays valid (the same fields, other values in range).
/// </summary>
internal static class ExtremeConstants
{
    public static Model Apply(Model model, Random random)
    {
        Model copy = model.Clone();
        foreach (Layer layer in copy.Layers)
        {
            for (int o = 0; o < layer.Bias.Count; o++)
            {
                layer.Bias[o] = random.Next(3) == 0 ? Large(random) : layer.Bias[o];
            }

            if (layer.Bias.Count == 0 && random.Next(2) == 0)
            {
                for (int o = 0; o < layer.OutputSize; o++)
                {
                    layer.Bias.Add(Large(random));
                }
            }

            if (layer.Decay > 0)
            {
                layer.Decay = random.Next(2) == 0 ? 65535u : (uint)random.Next(1, 65536);
            }

            for (int k = 0; k < layer.RefractoryGain.Count; k++)
            {
                layer.RefractoryGain[k] = random.Next(2) == 0 ? 32768u : (uint)random.Next(0, 32769);
            }

            if (layer.Activation == StateActivation.LeakyRelu)
            {
                layer.NegativeSlope = random.Next(2) == 0 ? 65536u : (uint)random.Next(0, 65537);
            }

            Replace(layer.Inhibition, random, () => random.Next(2) == 0 ? Large(random) : random.Next(-50, 5000));
            Replace(layer.MembraneFloor, random, () => random.Next(3) == 0 ? Semantics.StateMin : -random.Next(0, Semantics.StateMax));
            if (layer.Output == OutputKind.Graded)
            {
                Replace(layer.Threshold, random, () => Large(random));
            }
            else if (layer.Neuron == NeuronModel.Lif)
            {
                Replace(layer.Threshold, random, () => random.Next(2) == 0 ? Semantics.StateMax : random.Next(1, Semantics.StateMax));
            }

            if (layer.Src is { } src)
            {
                src.InputDecay = random.Next(2) == 0 ? 65536u : src.InputDecay;
                src.FastFeedback = random.Next(2) == 0 ? Large(random) : src.FastFeedback;
                src.SlowFeedback = random.Next(2) == 0 ? Large(random) : src.SlowFeedback;
                src.GateThreshold = random.Next(2) == 0 ? Large(random) : src.GateThreshold;
                src.SlowGateRest = random.Next(2) == 0 ? 65536u : src.SlowGateRest;
                src.SlowGateActive = random.Next(2) == 0 ? 0u : src.SlowGateActive;
            }
        }

        return copy;
    }

    /// <summary>A value within 2^22 of either end of the state range.</summary>
    private static int Large(Random random) =>
        random.Next(2) == 0 ? Semantics.StateMax - random.Next(0, 1 << 22) : Semantics.StateMin + random.Next(0, 1 << 22);

    private static void Replace(Google.Protobuf.Collections.RepeatedField<int> values, Random random, Func<int> draw)
    {
        for (int o = 0; o < values.Count; o++)
        {
            values[o] = random.Next(2) == 0 ? draw() : values[o];
        }
    }
}
