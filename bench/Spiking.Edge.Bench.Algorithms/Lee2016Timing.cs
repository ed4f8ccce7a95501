using System.Diagnostics;
using System.Globalization;
using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;
using TorchSharp;
using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Bench.Algorithms;

/// <summary>
/// Milliseconds per training step and per sample of Lee et al.'s method against BPTT on the same Lee LIF network
/// (default trainer/configs/lee-nmnist-2312-800-10.json), on random binary input at a given density: each step is
/// what <see cref="TrainingLoop"/> does per batch — zero_grad, the method's gradients, Adam's step, the method's
/// after-step rules — inside one dispose scope. Warm-up steps, then the median and minimum of N timed steps, the
/// live-tensor growth over the timed steps and the process's peak working set (cumulative over the process: run one
/// algorithm per process to compare memory).
/// Flags: --config PATH --algos bptt,lee2016 --batch 16 --ticks 31 --density 0.06 --warmup 3 --iterations 20 --threads 2.
/// </summary>
internal static class Lee2016Timing
{
    /// <summary>Runs the comparison and prints a markdown table with the command.</summary>
    /// <param name="args">Flags (see the class summary).</param>
    public static void Run(IReadOnlyList<string> args)
    {
        var flags = Flags(args);
        var configPath = flags.GetValueOrDefault("--config", "trainer/configs/lee-nmnist-2312-800-10.json");
        var algorithms = flags.GetValueOrDefault("--algos", "bptt,lee2016").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(TrainingAlgorithms.Parse).ToArray();
        var batch = Number(flags, "--batch", 16);
        var ticks = Number(flags, "--ticks", 31);
        var density = double.Parse(flags.GetValueOrDefault("--density", "0.06"), CultureInfo.InvariantCulture);
        var warmup = Number(flags, "--warmup", 3);
        var iterations = Number(flags, "--iterations", 20);
        set_num_threads(Number(flags, "--threads", 2));
        var config = NetworkConfigJson.Load(configPath);

        Console.WriteLine($"Command: `dotnet run -c Release --project bench/Spiking.Edge.Bench.Algorithms -- lee2016-timing {string.Join(' ', args)}`");
        Console.WriteLine($"Network {configPath}, T = {ticks}, batch {batch}, input density {density.ToString("P1", CultureInfo.InvariantCulture)}, Adam lr 1e-3, torch threads {get_num_threads()}; {warmup} warm-up + median of {iterations} steps");
        Console.WriteLine();
        Console.WriteLine("| algorithm | ms/step median (min) | ms/sample | live-tensor growth | peak working set (MB, process so far) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var algorithm in algorithms)
        {
            var (median, min, growth) = Measure(config, algorithm, batch, ticks, density, warmup, iterations);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {TrainingAlgorithms.NameOf(algorithm)} | {median:F1} ({min:F1}) | {median / batch:F2} | {growth} | {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} |"));
        }
    }

    private static (double MedianMs, double MinMs, long Growth) Measure(NetworkConfig config, TrainingAlgorithm algorithm, int batch, int ticks, double density, int warmup, int iterations)
    {
        using var model = new SpikingNetwork(config);
        using var method = GradientMethods.Create(model, new TrainingOptions { Algorithm = algorithm, BatchSize = batch, TicksPerSample = ticks });
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var generator = new Generator(7);
        using var frames = rand([ticks, batch, config.InputSize], generator: generator).lt(S(density)).to_type(ScalarType.Float32);
        using var labels = randint(config.OutputSize, [batch], generator: generator);
        var samples = Enumerable.Range(0, batch).ToArray();
        var times = new double[iterations];
        long before = 0;
        for (var i = -warmup; i < iterations; i++)
        {
            if (i == 0)
            {
                before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            }

            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                method.ComputeGradients(frames, labels, samples);
                optimizer.step();
                method.AfterStep();
            }

            if (i >= 0)
            {
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        Array.Sort(times);
        return (times[iterations / 2], times[0], DisposeScopeManager.Statistics.ThreadTotalLiveCount - before);
    }

    private static Dictionary<string, string> Flags(IReadOnlyList<string> args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"lee2016-timing: expected '--flag value' pairs, got '{args[i]}'.", nameof(args));
            }

            flags[args[i]] = args[++i];
        }

        return flags;
    }

    private static int Number(Dictionary<string, string> flags, string name, int fallback)
    {
        var value = flags.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 1.");
    }
}
