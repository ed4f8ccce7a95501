using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>
/// A plain, dense, time-stepped reading of semantics.md §2 (binning), §4 (one tick: drive §4.0, LIF with every option
/// §4.1, leaky integrator §4.2, SRC §4.3, lookup tables §4.4), §5 (readout) and §6 (SynOps), written independently of
/// the runtime so that the event-driven engine can be checked against it. Every quantity is a 64-bit integer and
/// every step runs in the order and place the spec gives it (the leak inside the tick, the drive computed whole).
/// </summary>
internal sealed class ReferenceSimulator
{
    private const long StateMin = -8388608;
    private const long StateMax = 8388607;

    public int[] SpikeCounts { get; private set; } = Array.Empty<int>();
    public long[] MembraneSums { get; private set; } = Array.Empty<long>();
    public int[][] AllSpikeCounts { get; private set; } = Array.Empty<int[]>();
    public long SynOps { get; private set; }
    public int PredictedClass { get; private set; }

    /// <summary>The largest |drive| seen (semantics §4.5 promises it fits 31 bits).</summary>
    public long LargestDrive { get; private set; }

    public static ReferenceSimulator Run(NetSpec net, IReadOnlyList<(int X, int Y, int P, long T)> events, long t0)
    {
        int[,] x0 = Bin(net, events, t0);
        int inputSize = net.Width * net.Height * net.Polarities;
        var sim = new ReferenceSimulator();
        int layers = net.Layers.Length;
        var states = net.Layers.Select(l => new LayerState(l)).ToArray();
        var counts = net.Layers.Select(l => new int[l.OutputSize]).ToArray();
        var sums = new long[net.Layers[layers - 1].OutputSize];
        int ticks = net.TicksPerSample;
        for (int k = 0; k < ticks; k++)
        {
            long[] input = Enumerable.Range(0, inputSize).Select(i => (long)x0[k, i]).ToArray();
            for (int l = 0; l < layers; l++)
            {
                LayerSpec layer = net.Layers[l];
                LayerState state = states[l];
                for (int i = 0; i < layer.InputSize; i++)
                {
                    // §6: an input event counts once per event, a layer event (y > 0) once whatever its value.
                    long times = l == 0 ? input[i] : input[i] > 0 ? 1 : 0;
                    sim.SynOps += times * Stored(layer.Weights, layer.Encoding, i, layer.OutputSize);
                }

                long[] drive = Drive(layer, input, state.PreviousOutput);
                sim.LargestDrive = Math.Max(sim.LargestDrive, drive.Select(Math.Abs).DefaultIfEmpty(0).Max());
                long[] u = layer.Neuron switch
                {
                    P.NeuronModel.Lif => state.LifTick(drive),
                    P.NeuronModel.LeakyIntegrator => state.IntegratorTick(drive),
                    _ => state.SrcTick(drive),
                };

                long[] y = state.Output;
                for (int o = 0; o < layer.OutputSize; o++)
                {
                    counts[l][o] += (int)y[o];
                    if (l == layers - 1)
                    {
                        sums[o] += u[o];
                    }

                    if (layer.Recurrent is not null && y[o] > 0 && k < ticks - 1)
                    {
                        sim.SynOps += Stored(layer.Recurrent, layer.RecurrentEncoding, o, layer.OutputSize);
                    }
                }

                state.PreviousOutput = y;
                input = y;
            }
        }

        sim.SpikeCounts = counts[layers - 1];
        sim.AllSpikeCounts = counts;
        sim.MembraneSums = sums;
        sim.PredictedClass = net.Readout == P.ReadoutMode.SpikeCount
            ? Array.IndexOf(sim.SpikeCounts, sim.SpikeCounts.Max())
            : Array.IndexOf(sums, sums.Max());
        return sim;
    }

    /// <summary>§2: the input vector of every tick, with the check order and the per-tick budget.</summary>
    private static int[,] Bin(NetSpec net, IReadOnlyList<(int X, int Y, int P, long T)> events, long t0)
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
            if (k < current)
            {
                continue;
            }

            current = k;
            if (e.X < 0 || e.Y < 0 || e.X >= net.Width || e.Y >= net.Height || e.P < 0 || e.P > 1)
            {
                continue;
            }

            if (perTick[k] >= 65535)
            {
                continue;
            }

            perTick[k]++;
            int p = net.Polarities == 2 ? e.P : 0;
            x0[k, ((p * net.Height) + e.Y) * net.Width + e.X]++;
        }

        return x0;
    }

    /// <summary>Stored weights of row <paramref name="row"/>: every column for DENSE, the non-zero ones as the test encoder stores them otherwise.</summary>
    private static long Stored(sbyte[] matrix, P.WeightEncoding encoding, int row, int columns) =>
        Enumerable.Range(0, columns).Count(o => encoding == P.WeightEncoding.Dense || matrix[(row * columns) + o] != 0);

    /// <summary>§4.0: bias (not for SRC) + Σ_i x[i] W[i][o] + Σ_p y_prev[p] R[p][o].</summary>
    private static long[] Drive(LayerSpec layer, long[] input, long[] previous)
    {
        var d = new long[layer.OutputSize];
        for (int o = 0; o < layer.OutputSize; o++)
        {
            long sum = layer.Neuron != P.NeuronModel.Src && layer.Bias.Length > 0 ? layer.Bias[o] : 0;
            for (int i = 0; i < layer.InputSize; i++)
            {
                sum += input[i] * layer.Weights[(i * layer.OutputSize) + o];
            }

            if (layer.Recurrent is not null)
            {
                for (int p = 0; p < layer.OutputSize; p++)
                {
                    sum += previous[p] * layer.Recurrent[(p * layer.OutputSize) + o];
                }
            }

            d[o] = sum;
        }

        return d;
    }

    private static long Clamp(long v) => Math.Clamp(v, StateMin, StateMax);

    /// <summary>§4.4: index = (x >> input_shift) − input_offset, clamped to the table.</summary>
    private static long Table(TableSpec table, long x)
    {
        long index = (x >> table.InputShift) - table.InputOffset;
        return table.Values[(int)Math.Clamp(index, 0, table.Values.Length - 1)];
    }

    /// <summary>The state of one layer through a sample (§5: v = 0, c = 0, n = N, SRC at rest, no previous output).</summary>
    private sealed class LayerState
    {
        private readonly LayerSpec _layer;
        private readonly long[] _v;
        private readonly long[] _c;
        private readonly long[] _n;
        private readonly long[] _h;
        private readonly long[] _hs;
        private readonly long _counterLimit;

        public LayerState(LayerSpec layer)
        {
            _layer = layer;
            int size = layer.OutputSize;
            _v = new long[size];
            _c = new long[size];
            _counterLimit = Math.Max(layer.RefractoryTicks, layer.RefractoryGain.Length) + 1;
            _n = Enumerable.Repeat(_counterLimit, size).ToArray();
            _h = Enumerable.Repeat((long)(layer.Src?.RestFast ?? 0), size).ToArray();
            _hs = Enumerable.Repeat((long)(layer.Src?.RestSlow ?? 0), size).ToArray();
            PreviousOutput = new long[size];
            Output = new long[size];
        }

        public long[] PreviousOutput { get; set; }

        public long[] Output { get; private set; }

        private bool KeepsCounter => _layer.RefractoryTicks > 0 || _layer.RefractoryGain.Length > 0;

        /// <summary>§4.1 steps 1–13 for every neuron; returns u.</summary>
        public long[] LifTick(long[] drive)
        {
            LayerSpec l = _layer;
            int size = l.OutputSize;
            var u = new long[size];
            var y = new long[size];
            long fullScale = l.FullScale;
            int log2 = l.IsGraded ? 7 : 0;
            for (int o = 0; o < size; o++)
            {
                if (KeepsCounter)
                {
                    _n[o] = Math.Min(_n[o] + 1, _counterLimit);
                }

                long d = drive[o];
                if (l.RefractoryGain.Length > 0 && _n[o] <= l.RefractoryGain.Length)
                {
                    d = (d * l.RefractoryGain[_n[o] - 1]) >> 15;
                }

                if (l.CurrentShift > 0)
                {
                    _c[o] = Clamp(_c[o] - (_c[o] >> l.CurrentShift) + d);
                    d = _c[o];
                }

                long v = Leak(_v[o]);
                v = Clamp(v + d);
                if (l.Activation == P.StateActivation.LeakyRelu && v < 0)
                {
                    v = (v * l.NegativeSlope) >> 16;
                }

                if (l.RefractoryTicks > 0 && _n[o] <= l.RefractoryTicks)
                {
                    v = 0;
                }

                u[o] = v;
                if (l.IsGraded)
                {
                    y[o] = Table(l.OutputTable!, v - l.Threshold[o]);
                }
                else
                {
                    bool fire = l.Comparison == P.ThresholdComparison.GreaterOrEqual ? v >= l.Threshold[o] : v > l.Threshold[o];
                    y[o] = fire ? 1 : 0;
                }

                if (y[o] > 0 && KeepsCounter)
                {
                    _n[o] = 0;
                }

                if (l.ResetScope != P.ResetScope.Layer && y[o] > 0)
                {
                    v = l.Reset switch
                    {
                        P.ResetMode.Zero => 0,
                        P.ResetMode.Subtract => v - l.Threshold[o],
                        P.ResetMode.Gate => (v * (fullScale - y[o])) >> log2,
                        _ => v,
                    };
                }

                _v[o] = v;
            }

            long yStar = y.Max();
            if (l.ResetScope == P.ResetScope.Layer && yStar > 0)
            {
                for (int o = 0; o < size; o++)
                {
                    _v[o] = l.Reset == P.ResetMode.Zero ? 0 : (_v[o] * (fullScale - yStar)) >> log2;
                }
            }

            if (l.Inhibition.Length > 0)
            {
                long total = y.Sum();
                for (int o = 0; o < size; o++)
                {
                    _v[o] = Clamp(_v[o] - (l.Inhibition[o] * (total - y[o])));
                }
            }

            if (l.MembraneFloor.Length > 0)
            {
                for (int o = 0; o < size; o++)
                {
                    _v[o] = Math.Max(_v[o], l.MembraneFloor[o]);
                }
            }

            Output = y;
            return u;
        }

        /// <summary>§4.2: steps 2, 4, 5, 6 and 9; y = 0.</summary>
        public long[] IntegratorTick(long[] drive)
        {
            LayerSpec l = _layer;
            var u = new long[l.OutputSize];
            for (int o = 0; o < l.OutputSize; o++)
            {
                long d = drive[o];
                if (l.CurrentShift > 0)
                {
                    _c[o] = Clamp(_c[o] - (_c[o] >> l.CurrentShift) + d);
                    d = _c[o];
                }

                _v[o] = Clamp(Leak(_v[o]) + d);
                u[o] = _v[o];
            }

            Output = new long[l.OutputSize];
            return u;
        }

        /// <summary>§4.3 steps 1–8 (h and h_s of the previous tick on the right of steps 3–5).</summary>
        public long[] SrcTick(long[] drive)
        {
            LayerSpec l = _layer;
            SrcSpec s = l.Src!;
            int f = s.FractionBits;
            var u = new long[l.OutputSize];
            var y = new long[l.OutputSize];
            for (int o = 0; o < l.OutputSize; o++)
            {
                _v[o] = Clamp(((_v[o] * s.InputDecay) >> 16) + drive[o]);
                long x = Table(s.InputTable, _v[o]);
                long z = _h[o] > s.GateThreshold ? s.SlowGateActive : s.SlowGateRest;
                long bias = l.Bias.Length > 0 ? l.Bias[o] : 0;
                long a = x + ((s.FastFeedback * _h[o]) >> f) + ((s.SlowFeedback * _hs[o]) >> f) + bias;
                long slow = _h[o] + ((z * (_hs[o] - _h[o])) >> 16);
                long fast = Table(s.FastTable, a);
                _hs[o] = slow;
                _h[o] = fast;
                u[o] = fast;
                y[o] = Math.Min(128, Math.Max(0, fast) >> (f - 7));
            }

            Output = y;
            return u;
        }

        /// <summary>§4.1 step 5: decay (64-bit product, floor) when set, else the shift leak, else none.</summary>
        private long Leak(long v)
        {
            if (_layer.Decay > 0)
            {
                return (v * _layer.Decay) >> 16;
            }

            return _layer.LeakShift > 0 ? v - (v >> _layer.LeakShift) : v;
        }
    }
}
