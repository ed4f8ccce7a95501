using System.Diagnostics;
using System.Globalization;
using Spiking.Edge.Bench.Cells;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Training;
using TorchSharp;

// Cells study: every cell trained under one stated budget (same data, encoding, T, sizes, epochs, batch, optimiser),
// then float accuracy, integer-simulation and edge-runtime accuracy (bit-exact check), SynOps per sample and model
// bytes. With --depths, the hidden size is repeated 1..N times (the SRC paper's depth claim). Rows are appended to the
// --out markdown file as each run finishes, so a long study can be read while it runs.
StudySettings settings;
try
{
    settings = StudySettings.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

torch.set_num_threads(settings.Threads);
var timing = new InputTiming(settings.TickMicroseconds, settings.Ticks);
var all = DataSource.Open(settings.Data, "Train", settings.Encoding, timing, settings.Seed, settings.TrainLimit);
SampleSet train, evaluation;
SampleSet? perEpoch = null;
if (settings.EvaluateOnTest)
{
    train = all;
    if (settings.ValidateEachEpoch)
    {
        (train, perEpoch) = all.Split(0.1, settings.Seed);
    }

    evaluation = DataSource.Open(settings.Data, "Test", settings.Encoding, timing, settings.Seed, settings.EvalLimit);
}
else
{
    (train, evaluation) = all.Split(0.1, settings.Seed);
    perEpoch = evaluation;
}

var evaluationEvents = evaluation.ToEvents();
string command = "dotnet run -c Release --project bench/Spiking.Edge.Bench.Cells -- " + string.Join(' ', args);
var header = new List<string>
{
    $"## {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Data))}, {train.Describe()}, T = {settings.Ticks} × {settings.TickMicroseconds} µs",
    "",
    $"Command: `{command}`",
    "",
    $"Budget per model: {train.Count:N0} training samples, {settings.Epochs} epochs, batch {settings.Batch}, Adam lr {settings.LearningRate.ToString(CultureInfo.InvariantCulture)} ({Spiking.Edge.Trainer.Training.LearningRates.NameOf(settings.Schedule)}{(settings.WeightDecay > 0 ? $", weight decay {settings.WeightDecay.ToString(CultureInfo.InvariantCulture)}" : "")}), {settings.Threads} threads; evaluated on {evaluation.Count:N0} {(settings.EvaluateOnTest ? "Test" : "held-out Train")} samples; export: prune {settings.Prune:P0}, int{settings.Bits}. Machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}.",
    "",
    "| model | params | s/epoch | float acc | integer acc | edge acc | bit-exact | SynOps/sample | model bytes | best validation acc (epoch) |",
    "|---|---|---|---|---|---|---|---|---|---|",
};
File.AppendAllLines(settings.Output, header);
foreach (var line in header)
{
    Console.WriteLine(line);
}

int[][] shapes = settings.Depths.Length == 0 ? [settings.Hidden] : [.. settings.Depths.Select(d => Enumerable.Repeat(settings.Hidden[0], d).ToArray())];
var models = new List<(string Label, Func<TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>> Create)>();
if (settings.Configs.Length > 0)
{
    foreach (string config in settings.Configs)
    {
        models.Add((Path.GetFileNameWithoutExtension(config), () => ModelFactory.FromConfigFile(config, train.InputSize, train.ClassCount, settings.Seed)));
    }
}
else
{
    foreach (string cell in settings.Cells)
    {
        foreach (int[] hidden in shapes)
        {
            models.Add(($"{cell} {string.Join('-', hidden)}", () => ModelFactory.Create(cell, hidden, settings.Recurrence, train.InputSize, train.ClassCount, settings.Seed)));
        }
    }
}

foreach (var (label, create) in models)
{
    foreach (var algorithm in settings.Algorithms)
    {
        string row = Study.Run(settings, label, create, algorithm, train, perEpoch, evaluation, evaluationEvents, timing);
        File.AppendAllLines(settings.Output, [row]);
        Console.WriteLine(row);
    }
}

File.AppendAllLines(settings.Output, [""]);
return 0;

namespace Spiking.Edge.Bench.Cells
{
    /// <summary>One model of the study: train, evaluate, export, check.</summary>
    internal static class Study
    {
        public static string Run(StudySettings settings, string label, Func<TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>> create, Spiking.Edge.Trainer.Algorithms.TrainingAlgorithm algorithm, SampleSet train, SampleSet? perEpoch, SampleSet evaluation, Spiking.Edge.Trainer.Data.EventDataset evaluationEvents, InputTiming timing)
        {
            using var model = create();
            long parameters = model.parameters().Sum(p => p.numel());
            var options = new TrainingOptions
            {
                Epochs = settings.Epochs,
                BatchSize = settings.Batch,
                LearningRate = settings.LearningRate,
                Seed = settings.Seed,
                Threads = settings.Threads,
                TicksPerSample = settings.Ticks,
                TickMicroseconds = settings.TickMicroseconds,
                Encoding = settings.Encoding,
                GradientClipNorm = settings.Clip,
                Schedule = settings.Schedule,
                WeightDecay = settings.WeightDecay,
                Algorithm = algorithm,
                LogInterval = 100,
            };
            if (settings.AlgorithmOptions is not null && algorithm != Spiking.Edge.Trainer.Algorithms.TrainingAlgorithm.Bptt)
            {
                options = Spiking.Edge.Trainer.Algorithms.AlgorithmOptionsJson.Apply(options, File.ReadAllText(settings.AlgorithmOptions));
            }

            using var loop = new TrainingLoop(model, options);
            var history = new List<EpochMetrics>();
            // Held-out Test data is evaluated once, after the last epoch; a validation split is evaluated every epoch.
            var validation = perEpoch?.Batches(timing, redraw: false);
            for (int e = 0; e < settings.Epochs; e++)
            {
                var m = loop.RunEpoch(train.Batches(timing, redraw: true), validation);
                history.Add(m);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} ({Spiking.Edge.Trainer.Algorithms.TrainingAlgorithms.NameOf(algorithm)}) epoch {m.Epoch}: loss {m.TrainLoss:F4}, train {m.TrainAccuracy:P2}{(m.ValidationAccuracy is double v ? $", validation {v:P2}" : "")}, {m.Seconds:F0} s"));
            }

            double floatAcc = settings.EvaluateOnTest ? loop.Evaluate(evaluation.Batches(timing, redraw: false)).Accuracy : history[^1].ValidationAccuracy ?? 0;
            string bestColumn = perEpoch is null ? "– (Test: once)" : string.Create(CultureInfo.InvariantCulture, $"{history.Max(m => m.ValidationAccuracy ?? 0):P2} ({history.MaxBy(m => m.ValidationAccuracy ?? 0)!.Epoch})");
            string described = settings.Configs.Length > 0 ? $"{ModelFactory.Describe(model)} `{label}`" : ModelFactory.Describe(model);
            string name = settings.Algorithms.Length > 1 || algorithm != Spiking.Edge.Trainer.Algorithms.TrainingAlgorithm.Bptt
                ? $"{described} ({Spiking.Edge.Trainer.Algorithms.TrainingAlgorithms.NameOf(algorithm)})"
                : described;
            double secondsPerEpoch = history.Average(m => m.Seconds);
            if (model is not SpikingNetwork network)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {parameters:N0} | {secondsPerEpoch:F0} | {floatAcc:P2} | – | – | – | – | – | {bestColumn} |");
            }

            string path = Path.Combine(Path.GetTempPath(), $"cells-study-{Guid.NewGuid():N}.sem");
            try
            {
                var request = new ExportRequest(settings.Prune, settings.Bits, Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Data)), settings.Seed, settings.Epochs)
                {
                    Algorithm = ModelExport.ProvenanceAlgorithm(algorithm),
                };
                var result = ModelExport.Run(network, timing, evaluationEvents, request, RowAccumulators.Best(), path, floatAcc);
                var check = result.Check;
                return string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {parameters:N0} | {secondsPerEpoch:F0} | {floatAcc:P2} | {check.IntegerAccuracy:P2} | {check.EdgeAccuracy:P2} | {(check.EdgeMatchesInteger ? "yes" : "NO")} | {check.SynOpsPerSample:N0} | {result.Bytes.Length:N0} | {bestColumn} |");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
