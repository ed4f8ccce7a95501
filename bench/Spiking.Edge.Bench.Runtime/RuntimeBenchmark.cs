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

        var runs = new List<NetworkRun>
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
}
