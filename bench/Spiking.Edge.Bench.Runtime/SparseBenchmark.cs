using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;
using Proto = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// (c) Sparse encodings: the 2312-800-10 network with 50 % and 90 % of its weights zero, stored as DENSE (scalar
/// and SIMD accumulators), BITMAP and CSR (both layers forced to the encoding), all four networks interleaved repeat
/// by repeat on the same N-MNIST samples. The program fails if their predictions or hidden spike counts differ.
/// </summary>
internal static class SparseBenchmark
{
    private static readonly double[] Sparsities = [0.5, 0.9];

    public static void Run(BenchOptions options)
    {
        var set = SampleSet.Load(options.DataFolder, options.Samples);
        var samples = set.Samples;
        var best = RowAccumulators.Best();
        Console.WriteLine("## (c) sparse encodings: 2312-800-10 with a fraction of zero weights (both layers), DENSE vs BITMAP vs CSR");
        Console.WriteLine($"{samples.Length} real N-MNIST samples ({set.TotalEvents / (double)samples.Length:F0} events per sample on average); "
            + $"median of {options.Repeats} repeats after 1 warm-up, networks interleaved, 1 thread. SynOps as counted by the runtime "
            + "(semantics §6: DENSE counts every weight of a row, CSR/BITMAP the stored ones); 'useful' = stored non-zero SynOps");
        foreach (double sparsity in Sparsities)
        {
            RunOne(options, samples, best, sparsity);
        }

        Console.WriteLine();
    }

    private static void RunOne(BenchOptions options, Event[][] samples, IRowAccumulator best, double sparsity)
    {
        var model = new BenchModel(options.Seed, sparsity);
        var (threshold, rate) = ThresholdCalibration.Calibrate(model, samples, options.HiddenRate, best);
        var runs = new List<NetworkRun>
        {
            new("DENSE scalar", new ScalarRowAccumulator(), model.ToBytes(threshold, Proto.WeightEncoding.Dense)),
            new($"DENSE SIMD {RowAccumulators.Describe()}", best, model.ToBytes(threshold, Proto.WeightEncoding.Dense)),
            new("BITMAP", new ScalarRowAccumulator(), model.ToBytes(threshold, Proto.WeightEncoding.Bitmap)),
            new("CSR", new ScalarRowAccumulator(), model.ToBytes(threshold, Proto.WeightEncoding.Csr)),
        };

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

        long useful = runs[2].SynOps;
        string clock = Report.ClockName;
        Console.WriteLine();
        Console.WriteLine($"### {sparsity:P0} zero weights: threshold {threshold} (hidden rate {rate:P2} on 20 samples), "
            + $"{runs[0].HiddenSpikes / (double)samples.Length:F0} hidden spikes and {useful / (double)samples.Length:F0} useful SynOps per sample");
        Console.WriteLine($"| encoding | model bytes | ms per sample ({clock}) | G SynOps/s ({clock}) | G useful SynOps/s ({clock}) | "
            + "ms per sample (wall) | bytes allocated per event (worst repeat) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            double seconds = run.Measurement.MedianCpu;
            Console.WriteLine($"| {run.Name} | {run.ModelBytes:N0} | {seconds * 1e3 / samples.Length:F3} | {run.SynOps / seconds / 1e9:F2} | "
                + $"{useful / seconds / 1e9:F2} | {run.Measurement.MedianWall * 1e3 / samples.Length:F3} | "
                + $"{run.MaxAllocatedBytes / (double)run.Events:F4} |");
        }

        foreach (var run in runs)
        {
            if (!run.Predictions.AsSpan().SequenceEqual(runs[0].Predictions) || run.HiddenSpikes != runs[0].HiddenSpikes
                || (run != runs[1] && run != runs[0] && run.SynOps != useful))
            {
                throw new InvalidOperationException($"{run.Name} differs from {runs[0].Name}: the encodings are not equivalent");
            }
        }

        Console.WriteLine("All four give identical predictions and hidden spike counts; BITMAP and CSR identical SynOps: yes");
    }
}
