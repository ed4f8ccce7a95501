using System.Diagnostics;
using System.Globalization;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;
using TorchSharp;
using static TorchSharp.torch;

// Trainer benchmark: milliseconds per training step (zero_grad + forward + backward + Adam step) of the
// 2312-800-10 LIF network, multi-step vs step-by-step, plus the two surrogate-spike implementations on one
// 800-neuron LIF layer. Random binary input at the given density; warm-up, then the median of N timed runs.
var settings = BenchSettings.Parse(args);
torch.set_num_threads(settings.Threads);
Console.WriteLine("# Spiking.Edge trainer benchmark");
Console.WriteLine();
Console.WriteLine($"Command: `dotnet run -c Release --project bench/Spiking.Edge.Bench.Trainer -- {string.Join(' ', args)}`".Replace(" -- `", "`", StringComparison.Ordinal));
Console.WriteLine($"CPU: {CpuModel()} ({Environment.ProcessorCount} logical cores); torch threads {torch.get_num_threads()}; TorchSharp {typeof(torch).Assembly.GetName().Version}; .NET {Environment.Version}");
Console.WriteLine($"Network {settings.Inputs}-{settings.Hidden}-{settings.Outputs}, T = {settings.Ticks}, input density {settings.Density:P1}, leak shift 4, θ = 1, subtract reset, Adam lr 1e-3; {settings.Warmup} warm-up + median of {settings.Iterations} steps");
Console.WriteLine();
Console.WriteLine("| batch | multi-step ms/step (median) | step-by-step ms/step (median) | step-by-step / multi-step | multi-step samples/s | live-tensor growth over the timed steps |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var batch in settings.Batches)
{
    var multi = TrainingStepBench.Run(settings, batch, stepByStep: false);
    var single = TrainingStepBench.Run(settings, batch, stepByStep: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {batch} | {multi.MedianMs:F1} (min {multi.MinMs:F1}) | {single.MedianMs:F1} (min {single.MinMs:F1}) | {single.MedianMs / multi.MedianMs:F2}× | {batch * 1000 / multi.MedianMs:F0} | {multi.LiveTensorGrowth} / {single.LiveTensorGrowth} |"));
}

Console.WriteLine();
Console.WriteLine($"Every cell, {settings.Inputs}-{settings.Hidden}-{settings.Outputs} (hidden layer of the cell, leaky-integrator readout), multi-step, ms per training step (median):");
Console.WriteLine();
Console.WriteLine("| cell | " + string.Join(" | ", settings.Batches.Select(b => $"batch {b}")) + " | ratio to LIF (batch " + settings.Batches[0] + ") |");
Console.WriteLine("|---|" + string.Concat(settings.Batches.Select(_ => "---|")) + "---|");
double? lifMs = null;
foreach (var cell in settings.Cells)
{
    var perBatch = settings.Batches.Select(b => TrainingStepBench.Run(settings, b, stepByStep: false, cell)).ToArray();
    lifMs ??= cell == "lif" ? perBatch[0].MedianMs : null;
    string ratio = lifMs is double l ? string.Create(CultureInfo.InvariantCulture, $"{perBatch[0].MedianMs / l:F2}×") : "–";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cell} | {string.Join(" | ", perBatch.Select(t => t.MedianMs.ToString("F1", CultureInfo.InvariantCulture)))} | {ratio} |"));
}

Console.WriteLine();
Console.WriteLine($"Surrogate spike implementations, one LIF layer of {settings.Hidden} neurons over T = {settings.Ticks} (forward + backward of the recurrence only):");
Console.WriteLine();
Console.WriteLine("| batch | custom autograd function ms (median) | straight-through ms (median) |");
Console.WriteLine("|---|---|---|");
foreach (var batch in settings.Batches)
{
    var custom = SurrogateBench.Run(settings, batch, straightThrough: false);
    var straight = SurrogateBench.Run(settings, batch, straightThrough: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {batch} | {custom:F2} | {straight:F2} |"));
}

static string CpuModel()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
    catch (IOException)
    {
        return "unknown";
    }
}

internal sealed record BenchSettings(int[] Batches, int Ticks, int Inputs, int Hidden, int Outputs, double Density, int Warmup, int Iterations, int Threads, string[] Cells)
{
    public static BenchSettings Parse(string[] args)
    {
        var s = new BenchSettings([16, 64], 30, 2312, 800, 10, 0.06, 3, 20, 2, ["lif", "lee-lif", "cuba-lif", "snu", "ssnu", "src"]);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {args[i]} needs a value.");
            s = args[i] switch
            {
                "--batches" => s with { Batches = value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() },
                "--ticks" => s with { Ticks = int.Parse(value, CultureInfo.InvariantCulture) },
                "--hidden" => s with { Hidden = int.Parse(value, CultureInfo.InvariantCulture) },
                "--density" => s with { Density = double.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => s with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--iterations" => s with { Iterations = int.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => s with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--cells" => s with { Cells = value.Split(',') },
                _ => throw new ArgumentException($"Unknown option {args[i]}; valid: --batches, --ticks, --hidden, --density, --warmup, --iterations, --threads, --cells."),
            };
            i++;
        }

        return s;
    }
}

internal readonly record struct StepTiming(double MedianMs, double MinMs, long LiveTensorGrowth);

internal static class TrainingStepBench
{
    public static StepTiming Run(BenchSettings s, int batch, bool stepByStep, string cell = "lif")
    {
        using var model = (SpikingNetwork)ModelFactory.Create(cell, [s.Hidden], "none", s.Inputs, s.Outputs, seed: 1);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var generator = new Generator(7);
        using var frames = rand([s.Ticks, batch, s.Inputs], generator: generator).lt(s.Density).to_type(ScalarType.Float32);
        using var labels = randint(s.Outputs, [batch], generator: generator);
        var times = new double[s.Iterations];
        long liveAtStart = 0;
        for (var i = -s.Warmup; i < s.Iterations; i++)
        {
            if (i == 0)
            {
                liveAtStart = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            }

            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var logits = stepByStep ? model.ForwardStepByStep(frames) : model.forward(frames);
                var loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                optimizer.step();
            }

            if (i >= 0)
            {
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        Array.Sort(times);
        return new StepTiming(times[times.Length / 2], times[0], DisposeScopeManager.Statistics.ThreadTotalLiveCount - liveAtStart);
    }
}

internal static class SurrogateBench
{
    public static double Run(BenchSettings s, int batch, bool straightThrough)
    {
        var parameters = new LifParameters();
        using var generator = new Generator(3);
        using var currents = rand([s.Ticks, batch, s.Hidden], generator: generator).mul_(0.6f).requires_grad_();
        var times = new double[s.Iterations];
        for (var i = -s.Warmup; i < s.Iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var membrane = zeros(batch, s.Hidden);
                var total = zeros(batch, s.Hidden);
                foreach (var slice in currents.unbind(0))
                {
                    var h = slice.add(membrane, parameters.Beta);
                    var spikes = straightThrough
                        ? SurrogateSpike.SpikeStraightThrough(h, 1f, parameters.SurrogateSlope, ThresholdComparison.GreaterOrEqual)
                        : SurrogateSpike.Spike(h, 1f, parameters.SurrogateSlope, ThresholdComparison.GreaterOrEqual);
                    membrane = LifStep.ApplyReset(h, spikes, parameters);
                    total = total.add(spikes);
                }

                total.sum().backward();
                currents.grad!.zero_();
            }

            if (i >= 0)
            {
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
