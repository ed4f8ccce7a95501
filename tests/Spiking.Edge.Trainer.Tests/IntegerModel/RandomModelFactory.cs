using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>What a random model may contain; every choice not fixed here is drawn from the seed.</summary>
internal sealed record RandomModelOptions(
    int Width,
    int Height,
    int Polarities,
    int[] HiddenAndOutputSizes,
    double Sparsity,
    ReadoutMode Readout,
    int Ticks = 12,
    int TickMicroseconds = 1000,
    int Bits = 8,
    bool LeakyIntegratorReadout = false);

/// <summary>Seeded random integer models (valid by construction), encoded with the smallest encoding.</summary>
internal static class RandomModelFactory
{
    public static Model Create(int seed, RandomModelOptions options)
    {
        var random = new Random(seed);
        var model = new Model
        {
            FormatMajor = 1,
            Input = new InputGeometry { Width = (uint)options.Width, Height = (uint)options.Height, Polarities = (uint)options.Polarities },
            TickMicroseconds = (uint)options.TickMicroseconds,
            TicksPerSample = (uint)options.Ticks,
            Readout = new Readout { Mode = options.Readout },
        };
        int inputs = options.Width * options.Height * options.Polarities;
        int qmax = (1 << (options.Bits - 1)) - 1;
        for (int l = 0; l < options.HiddenAndOutputSizes.Length; l++)
        {
            int outputs = options.HiddenAndOutputSizes[l];
            bool last = l == options.HiddenAndOutputSizes.Length - 1;
            NeuronModel neuron = last && options.LeakyIntegratorReadout ? NeuronModel.LeakyIntegrator : NeuronModel.Lif;
            var weights = new sbyte[inputs * outputs];
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] = random.NextDouble() < options.Sparsity ? (sbyte)0 : (sbyte)random.Next(-qmax, qmax + 1);
            }

            var layer = new Layer
            {
                Name = $"layer{l}",
                InputSize = (uint)inputs,
                OutputSize = (uint)outputs,
                Neuron = neuron,
                LeakShift = (uint)(random.Next(4) == 0 ? random.Next(0, 25) : random.Next(0, 4)),
                Weights = WeightCodec.Encode(weights, inputs, outputs, options.Bits),
            };

            // Typical drive per tick: layer 0 sees event counts, deeper layers sparse 0/1 spikes.
            int typical = Math.Max(2, qmax * (l == 0 ? 2 : 1));
            if (neuron == NeuronModel.Lif)
            {
                layer.Reset = (ResetMode)random.Next(1, 4);
                layer.Comparison = (ThresholdComparison)random.Next(1, 3);
                for (int o = 0; o < outputs; o++)
                {
                    layer.Threshold.Add(random.Next(1, typical + 1));
                }
            }

            if (random.Next(3) > 0)
            {
                for (int o = 0; o < outputs; o++)
                {
                    layer.Bias.Add(random.Next(-typical / 4, (typical / 4) + 1));
                }
            }

            for (int o = 0; o < outputs; o++)
            {
                layer.WeightScale.Add(0.01f);
            }

            model.Layers.Add(layer);
            inputs = outputs;
        }

        return model;
    }
}
