using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>
/// A plain, dense, time-stepped reading of semantics.md §2 (binning), §4 (one tick) and §5 (readout), written
/// independently of the runtime so that the event-driven engine can be checked against it.
/// </summary>
internal sealed class ReferenceSimulator
{
    public int[] SpikeCounts { get; private set; } = Array.Empty<int>();
    public long[] MembraneSums { get; private set; } = Array.Empty<long>();
    public int[][] AllSpikeCounts { get; private set; } = Array.Empty<int[]>();
    public long SynOps { get; private set; }
    public int PredictedClass { get; private set; }

    public static ReferenceSimulator Run(NetSpec net, IReadOnlyList<(int X, int Y, int P, long T)> events, long t0)
    {
        int inputSize = net.Width * net.Height * net.Polarities;
        var x0 = new int[net.TicksPerSample, inputSize];
        var perTick = new int[net.TicksPerSample];
        int current = 0;
        foreach (var e in events)
        {
            if (e.T < t0 || (e.T - t0) / net.TickMicroseconds >= net.TicksPerSample)
            {
                continue;
            }

            int k = (int)((e.T - t0) / net.TickMicroseconds);
            if (e.X < 0 || e.Y < 0 || e.X >= net.Width || e.Y >= net.Height || e.P < 0 || e.P > 1)
            {
                continue;
            }

            if (k < current)
            {
                continue;
            }

            current = k;
            if (perTick[k] >= 65535)
            {
                continue;
            }

            perTick[k]++;
            int p = net.Polarities == 2 ? e.P : 0;
            x0[k, ((p * net.Height) + e.Y) * net.Width + e.X]++;
        }

        var sim = new ReferenceSimulator();
        int layers = net.Layers.Length;
        var v = net.Layers.Select(l => new long[l.OutputSize]).ToArray();
        var counts = net.Layers.Select(l => new int[l.OutputSize]).ToArray();
        var last = net.Layers[layers - 1];
        var sums = new long[last.OutputSize];
        for (int k = 0; k < net.TicksPerSample; k++)
        {
            var input = Enumerable.Range(0, inputSize).Select(i => x0[k, i]).ToArray();
            for (int l = 0; l < layers; l++)
            {
                LayerSpec layer = net.Layers[l];
                var spikes = new int[layer.OutputSize];
                for (int i = 0; i < layer.InputSize; i++)
                {
                    for (int n = 0; n < input[i]; n++)
                    {
                        sim.SynOps += Enumerable.Range(0, layer.OutputSize).Count(o => layer.Encoding == P.WeightEncoding.Dense || layer.Weights[i * layer.OutputSize + o] != 0);
                    }
                }

                for (int o = 0; o < layer.OutputSize; o++)
                {
                    long value = v[l][o];
                    if (layer.LeakShift > 0)
                    {
                        // §4 step 1; leak_shift 0 means no leak (v − (v >> 0) would be 0).
                        value -= value >> layer.LeakShift;
                    }
                    long synaptic = 0;
                    for (int i = 0; i < layer.InputSize; i++)
                    {
                        synaptic += (long)input[i] * layer.Weights[i * layer.OutputSize + o];
                    }

                    int bias = layer.Bias.Length == 0 ? 0 : layer.Bias[o];
                    value = Math.Clamp(value + bias + synaptic, Semantics.StateMin, Semantics.StateMax);
                    if (l == layers - 1)
                    {
                        sums[o] += value;
                    }

                    if (layer.Neuron == P.NeuronModel.Lif)
                    {
                        int theta = layer.Threshold[o];
                        bool fire = layer.Comparison == P.ThresholdComparison.GreaterOrEqual ? value >= theta : value > theta;
                        if (fire)
                        {
                            spikes[o] = 1;
                            counts[l][o]++;
                            value = layer.Reset switch
                            {
                                P.ResetMode.Zero => 0,
                                P.ResetMode.Subtract => value - theta,
                                _ => value,
                            };
                        }
                    }

                    v[l][o] = value;
                }

                input = spikes;
            }
        }

        sim.SpikeCounts = counts[layers - 1];
        sim.AllSpikeCounts = counts;
        sim.MembraneSums = sums;
        if (net.Readout == P.ReadoutMode.SpikeCount)
        {
            sim.PredictedClass = Array.IndexOf(sim.SpikeCounts, sim.SpikeCounts.Max());
        }
        else
        {
            sim.PredictedClass = Array.IndexOf(sums, sums.Max());
        }

        return sim;
    }
}
