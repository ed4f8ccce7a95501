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
/// live-tensor growth over the timed steps and the process's peak working set. The algorithms alternate step by step,
/// so that a busy machine slows them alike; run one algorithm per process (--algos lee2016) to compare memory.
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
        Console.WriteLine("| algorithm | ms/step median (min) | ms/sample (median) | ratio to the first (median of per-round ratios) | live-tensor growth |");
        Console.WriteLine("|---|---|---|---|---|");
        var benches = algorithms.Select(a => new StepBench(config, a, batch, ticks, density)).ToArray();
        try
        {
            var times = new double[benches.Length][];
            for (var b = 0; b < benches.Length; b++)
            {
                times[b] = new double[iterations];
            }

            for (var i = -warmup; i < iterations; i++)
            {
                for (var b = 0; b < benches.Length; b++)
                {
                    // Rounds alternate the algorithms, so that both see the same machine load.
                    var ms = benches[b].Step(timed: i >= 0);
                    if (i >= 0)
                    {
                        times[b][i] = ms;
                    }
                }
            }

            for (var b = 0; b < benches.Length; b++)
            {
                var ratios = Enumerable.Range(0, iterations).Select(i => times[b][i] / times[0][i]).Order().ToArray();
                var sorted = times[b].Order().ToArray();
                var median = sorted[iterations / 2];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {TrainingAlgorithms.NameOf(algorithms[b])} | {median:F1} ({sorted[0]:F1}) | {median / batch:F2} | {ratios[iterations / 2]:F2} | {benches[b].LiveTensorGrowth} |"));
            }
        }
        finally
        {
            foreach (var bench in benches)
            {
                bench.Dispose();
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set of the process: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB (run one algorithm per process, --algos lee2016, to compare memory)."));
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

    /// <summary>One algorithm's model, gradient method and optimizer, stepping on fixed random input.</summary>
    private sealed class StepBench : IDisposable
    {
        private readonly SpikingNetwork _model;
        private readonly IGradientMethod _method;
        private readonly optim.Optimizer _optimizer;
        private readonly Tensor _frames;
        private readonly Tensor _labels;
        private readonly int[] _samples;

        public StepBench(NetworkConfig config, TrainingAlgorithm algorithm, int batch, int ticks, double density)
        {
            _model = new SpikingNetwork(config);
            _method = GradientMethods.Create(_model, new TrainingOptions { Algorithm = algorithm, BatchSize = batch, TicksPerSample = ticks });
            _optimizer = optim.Adam(_model.parameters(), 1e-3);
            using var generator = new Generator(7);
            using var uniform = rand([ticks, batch, config.InputSize], generator: generator);
            _frames = uniform.lt(S(density)).to_type(ScalarType.Float32).DetachFromDisposeScope();
            _labels = randint(config.OutputSize, [batch], generator: generator).DetachFromDisposeScope();
            _samples = [.. Enumerable.Range(0, batch)];
        }

        /// <summary>Tensors left alive by the timed steps (0 unless something leaks).</summary>
        public long LiveTensorGrowth { get; private set; }

        /// <summary>One training step as <see cref="TrainingLoop"/> runs it; returns its milliseconds.</summary>
        /// <param name="timed">Whether the step counts towards <see cref="LiveTensorGrowth"/>.</param>
        public double Step(bool timed)
        {
            var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                _optimizer.zero_grad();
                _method.ComputeGradients(_frames, _labels, _samples);
                _optimizer.step();
                _method.AfterStep();
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            LiveTensorGrowth += timed ? DisposeScopeManager.Statistics.ThreadTotalLiveCount - live : 0;
            return elapsed;
        }

        public void Dispose()
        {
            _frames.Dispose();
            _labels.Dispose();
            _optimizer.Dispose();
            _method.Dispose();
            _model.Dispose();
        }
    }
}
