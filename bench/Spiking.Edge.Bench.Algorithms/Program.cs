using System.Diagnostics;
using System.Globalization;
using Spiking.Edge.Bench.Algorithms;
using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;
using TorchSharp;

// Training-algorithm benchmark: milliseconds per sample of a whole training step (forward, gradients, Adam) of ST-RSBP
// and of BPTT on the same CUBA-LIF network (the ST-RSBP Fashion-MNIST configuration 784-400-R400-10), Fashion-MNIST
// images rate-coded as in the reference code (p = pixel / (5.5·255) per tick), warm-up batches then timed batches.
// `--fit` prints instead how well the effect-ratio quartic follows its Monte-Carlo means for several T.
// `lee2016-timing …` times Lee 2016 against BPTT on the Lee N-MNIST network instead (Lee2016Timing.md).
if (args.Length > 0 && args[0] == "lee2016-timing")
{
    Lee2016Timing.Run(args[1..]);
    return;
}

var settings = BenchSettings.Parse(args);
if (settings.Threads > 0)
{
    torch.set_num_threads(settings.Threads);
}

var command = $"dotnet run -c Release --project bench/Spiking.Edge.Bench.Algorithms -- {string.Join(' ', args)}".TrimEnd();
Console.WriteLine($"Command: `{command}`");
Console.WriteLine($"CPU: {Environment.ProcessorCount} logical cores; torch threads {torch.get_num_threads()}; TorchSharp {typeof(torch).Assembly.GetName().Version}; .NET {Environment.Version}");
if (settings.Fit)
{
    FitReport.Print(settings);
    return;
}

var config = NetworkConfigJson.Load(settings.Config);
var samples = settings.Batch * (settings.Warmup + settings.Batches);
var data = FashionFrames.Load(settings.Data, samples, settings.Ticks, seed: 1);
Console.WriteLine($"Network {config.InputSize}-{string.Join('-', config.Layers.Select(l => (l.Recurrence == Spiking.Edge.Trainer.Cells.Recurrence.Reservoir ? "R" : string.Empty) + l.Size))} from {Path.GetFileName(settings.Config)}, T = {settings.Ticks}, batch {settings.Batch}; {settings.Warmup} warm-up + {settings.Batches} timed batches of Fashion-MNIST train images");
Console.WriteLine();
Console.WriteLine("| algorithm | ms per sample | ms per step | process peak working set |");
Console.WriteLine("|---|---|---|---|");
foreach (var algorithm in settings.Algorithms)
{
    var (msPerSample, peak) = Measure(algorithm);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {TrainingAlgorithms.NameOf(algorithm)} | {msPerSample:F2} | {msPerSample * settings.Batch:F0} | {peak / (1024.0 * 1024.0):F0} MB |"));
}

(double MsPerSample, long Peak) Measure(TrainingAlgorithm algorithm)
{
    using var model = new SpikingNetwork(config);
    var options = new TrainingOptions
    {
        Epochs = 1000,
        BatchSize = settings.Batch,
        LearningRate = 1e-3,
        TicksPerSample = settings.Ticks,
        Algorithm = algorithm,
        StRsbp = new StRsbpOptions(),
        Threads = settings.Threads,
    };
    using var trainer = new TrainingLoop(model, options);
    trainer.RunEpoch(data.Slice(0, settings.Batch * settings.Warmup));
    var timed = data.Slice(settings.Batch * settings.Warmup, settings.Batch * settings.Batches);
    var clock = Stopwatch.StartNew();
    trainer.RunEpoch(timed);
    var elapsed = clock.Elapsed.TotalMilliseconds;
    using var process = Process.GetCurrentProcess();
    return (elapsed / timed.Count, process.PeakWorkingSet64);
}
