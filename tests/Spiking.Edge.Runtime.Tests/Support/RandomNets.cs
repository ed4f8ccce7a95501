using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>Seeded random networks and event streams for differential tests.</summary>
internal static class RandomNets
{
    public static NetSpec Network(Random random, int[] sizes, int width, int height, int polarities, P.ReadoutMode readout, double density)
    {
        var layers = new LayerSpec[sizes.Length];
        int input = width * height * polarities;
        for (int l = 0; l < sizes.Length; l++)
        {
            int output = sizes[l];
            var weights = new sbyte[input * output];
            for (int j = 0; j < weights.Length; j++)
            {
                weights[j] = random.NextDouble() < density ? (sbyte)random.Next(-127, 128) : (sbyte)0;
            }

            bool isReadout = l == sizes.Length - 1 && readout == P.ReadoutMode.MembraneSum;
            layers[l] = new LayerSpec
            {
                InputSize = input,
                OutputSize = output,
                Weights = weights,
                Neuron = isReadout ? P.NeuronModel.LeakyIntegrator : P.NeuronModel.Lif,
                LeakShift = random.Next(0, 5),
                Reset = (P.ResetMode)random.Next(1, 4),
                Comparison = (P.ThresholdComparison)random.Next(1, 3),
                Threshold = isReadout ? Array.Empty<int>() : Enumerable.Range(0, output).Select(_ => random.Next(1, 300)).ToArray(),
                Bias = random.Next(2) == 0 ? Array.Empty<int>() : Enumerable.Range(0, output).Select(_ => random.Next(-20, 21)).ToArray(),
            };
            input = output;
        }

        return new NetSpec
        {
            Width = width, Height = height, Polarities = polarities, TickMicroseconds = 1000, TicksPerSample = random.Next(3, 12),
            Readout = readout, Layers = layers,
        };
    }

    /// <summary>Mostly ordered in-window events with a sprinkling of out-of-window, out-of-geometry and late ones.</summary>
    public static List<(int X, int Y, int P, long T)> Events(Random random, NetSpec net, long t0, int count)
    {
        var events = new List<(int, int, int, long)>();
        long span = (long)net.TickMicroseconds * net.TicksPerSample;
        long t = t0;
        for (int n = 0; n < count; n++)
        {
            t += random.Next(0, (int)(2 * span / count) + 1);
            int x = random.Next(net.Width), y = random.Next(net.Height), p = random.Next(2);
            long time = t;
            switch (random.Next(40))
            {
                case 0: x = net.Width + random.Next(3); break;
                case 1: p = 2; break;
                case 2: time = t0 - 1 - random.Next(100); break;
                case 3: time = t - net.TickMicroseconds * random.Next(1, 3); break;
            }

            events.Add((x, y, p, time));
        }

        return events;
    }
}
