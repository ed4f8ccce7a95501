using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// (b) The whole event-driven runtime on real N-MNIST recordings: 2312-800-10 DENSE int8, scalar and SIMD
/// accumulators interleaved repeat by repeat in one process, bytes allocated per event on the timed thread.
/// </summary>
internal static class RuntimeBenchmark
{
    public static void Run(BenchOptions options)
    {
        var set = SampleSet.Load(options.DataFolder, options.Samples);
        var samples = set.Samples;
        var model = new BenchModel(options.Seed);
        var best = RowAccumulators.Best();
        var (threshold, rate) = ThresholdCalibration.Calibrate(model, samples, options.HiddenRate, best);
        byte[] bytes = model.ToBytes(threshold);

        var runs = new List<AccumulatorRun>
        {
            new("scalar", new ScalarRowAccumulator(), bytes),
            new($"SIMD {RowAccumulators.Describe()}", best, bytes),
        };

        Console.WriteLine($"## (b) whole runtime: 2312-800-10 DENSE int8, LIF hidden (threshold {threshold}, "
            + $"hidden rate {rate:P2} per neuron per tick on 20 samples), leaky-integrator output, MEMBRANE_SUM, 31 x 10 ms ticks");
        Console.WriteLine($"{samples.Length} real N-MNIST samples from {Path.Combine(set.Folder, "Train")} "
            + $"({set.TotalEvents / (double)samples.Length:F0} events per sample on average), decoded before timing; "
            + $"median of {options.Repeats} repeats after 1 warm-up, accumulators interleaved, 1 thread");

        foreach (var run in runs)
        {
            run.Once(samples);
        }

        for (int r = 0; r < options.Repeats; r++)
        {
            foreach (var run in runs)
            {
                run.Timed(samples);
            }
        }

        string clock = Report.ClockName;
        Console.WriteLine($"| accumulator | ms per sample ({clock}) | G SynOps/s ({clock}) | M events/s ({clock}) | ms per sample (wall) | "
            + "hidden spikes per sample | bytes allocated per event (worst repeat) | x scalar |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        double scalarSeconds = runs[0].Measurement.MedianCpu;
        foreach (var run in runs)
        {
            double seconds = run.Measurement.MedianCpu;
            Console.WriteLine($"| {run.Name} | {seconds * 1e3 / samples.Length:F3} | {run.SynOps / seconds / 1e9:F2} | "
                + $"{run.Events / seconds / 1e6:F2} | {run.Measurement.MedianWall * 1e3 / samples.Length:F3} | "
                + $"{run.HiddenSpikes / (double)samples.Length:F0} | {run.MaxAllocatedBytes / (double)run.Events:F4} | {scalarSeconds / seconds:F1} |");
        }

        bool identical = runs[0].Predictions.AsSpan().SequenceEqual(runs[1].Predictions) && runs[0].SynOps == runs[1].SynOps
            && runs[0].HiddenSpikes == runs[1].HiddenSpikes;
        Console.WriteLine($"SynOps per sample {runs[0].SynOps / (double)samples.Length:F0} (layer 0 + layer 1); "
            + $"scalar and SIMD give identical predictions, SynOps and hidden spikes: {(identical ? "yes" : "NO")}");
        if (!identical)
        {
            throw new InvalidOperationException("scalar and SIMD runs differ: the accumulators are not equivalent");
        }

        CostBreakdown.Run(options, samples, runs[0].Network, runs[0].Accumulator, runs[0].Name, runs[0].Measurement.MedianCpu);
        CostBreakdown.Run(options, samples, runs[1].Network, runs[1].Accumulator, runs[1].Name, runs[1].Measurement.MedianCpu);
        Console.WriteLine();
    }

    /// <summary>One accumulator's network and its measurements.</summary>
    private sealed class AccumulatorRun(string name, IRowAccumulator accumulator, byte[] model)
    {
        private readonly Network _network = Network.Load(model, accumulator);

        public Network Network => _network;

        public IRowAccumulator Accumulator { get; } = accumulator;


        public string Name { get; } = name;

        public int[] Predictions { get; private set; } = [];

        public long SynOps { get; private set; }

        public long Events { get; private set; }

        public long HiddenSpikes { get; private set; }

        public long MaxAllocatedBytes { get; private set; }

        public Measurement Measurement { get; } = new();

        public void Once(Event[][] samples)
        {
            var predictions = new int[samples.Length];
            long synOps = 0;
            long events = 0;
            long spikes = 0;
            for (int s = 0; s < samples.Length; s++)
            {
                Event[] ev = samples[s];
                _network.BeginSample(0);
                _network.PushEvents(ev, 0, ev.Length);
                _network.FinishSample();
                predictions[s] = _network.PredictedClass;
                synOps += _network.SynOps;
                events += _network.EventsAccepted;
                for (int o = 0; o < BenchModel.Hidden; o++)
                {
                    spikes += _network.GetSpikeCount(0, o);
                }
            }

            Predictions = predictions;
            SynOps = synOps;
            Events = events;
            HiddenSpikes = spikes;
        }

        /// <summary>One timed repeat: only what a host does per sample; records the bytes this thread allocated.</summary>
        public void Timed(Event[][] samples)
        {
            long allocated = 0;
            Measurement.Time(() =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Samples(samples, Predictions);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });
            MaxAllocatedBytes = Math.Max(MaxAllocatedBytes, allocated);
        }

        private void Samples(Event[][] samples, int[] predictions)
        {
            for (int s = 0; s < samples.Length; s++)
            {
                Event[] ev = samples[s];
                _network.BeginSample(0);
                _network.PushEvents(ev, 0, ev.Length);
                _network.FinishSample();
                predictions[s] = _network.PredictedClass;
            }
        }
    }
}
