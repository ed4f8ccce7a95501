using System.CommandLine;
using System.Text.Json;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Trainer.Pipeline;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>`spiking demo`: the whole pipeline on the embedded Fashion-MNIST subset (Pipeline/DemoPipeline).</summary>
internal static class DemoVerb
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Also print the figures as one JSON object on the last line." };
        var output = new Option<string>("--out") { Description = "Folder for the model file, metrics and learning curve.", DefaultValueFactory = _ => "spiking-demo" };
        var data = new Option<string>("--data") { Description = "Folder of IDX files to use instead of the embedded Fashion-MNIST subset." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 6 };
        var trainSamples = new Option<int>("--train-samples") { Description = "Training images used.", DefaultValueFactory = _ => 6000 };
        var testSamples = new Option<int>("--test-samples") { Description = "Held-out images used.", DefaultValueFactory = _ => 1000 };
        var hidden = new Option<int[]>("--hidden") { Description = "Hidden LIF layer sizes.", DefaultValueFactory = _ => [256], AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var prune = new Option<double>("--prune") { Description = "Fraction of weights pruned per layer before quantization.", DefaultValueFactory = _ => 0.5 };
        var threads = new Option<int>("--threads") { Description = "TorchSharp threads (0 = all cores)." };
        var command = new Command("demo", "Train a LIF network on saccade events of real Fashion-MNIST images, export it as int8, and run it on the edge runtime.")
        {
            json, output, data, epochs, trainSamples, testSamples, hidden, seed, prune, threads,
        };
        command.SetAction(parse =>
        {
            string dataFolder = parse.GetValue(data) ?? Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist-subset");
            CliFiles.RequireDirectory(dataFolder, "--data");
            var options = new DemoOptions
            {
                DataFolder = dataFolder,
                OutputFolder = parse.GetValue(output)!,
                Epochs = CliChecks.Positive(parse.GetValue(epochs), "--epochs"),
                TrainSamples = CliChecks.Positive(parse.GetValue(trainSamples), "--train-samples"),
                TestSamples = CliChecks.Positive(parse.GetValue(testSamples), "--test-samples"),
                Hidden = CliChecks.Sizes(parse.GetValue(hidden)!, "--hidden"),
                Seed = parse.GetValue(seed),
                PruneFraction = parse.GetValue(prune),
                Threads = CliChecks.NonNegative(parse.GetValue(threads), "--threads"),
            };
            var accumulator = RowAccumulators.Best();
            DemoReport report = TrainingProgressDisplay.Run(context, "training", progress =>
                DemoPipeline.Run(options, new SynchronousProgress<string>(line => context.Output.WriteLine(line)), progress, accumulator));
            context.Output.WriteLine();
            context.Output.WriteLine($"float accuracy          {report.FloatAccuracy:P2}");
            context.Output.WriteLine($"integer accuracy        {report.IntegerAccuracy:P2}  (trainer's integer simulation of the model file)");
            context.Output.WriteLine($"edge accuracy           {report.EdgeAccuracy:P2}  (edge runtime, event by event, {RowAccumulators.Describe()})");
            context.Output.WriteLine($"edge = integer          {(report.EdgeMatchesInteger ? "yes, bit for bit" : "NO")}");
            context.Output.WriteLine($"model bytes             {report.ModelBytes:N0}  ({report.ModelPath})");
            context.Output.WriteLine($"weight sparsity         {report.WeightSparsity:P1}");
            context.Output.WriteLine($"SynOps per sample       {report.SynOpsPerSample:N0}  ({report.EventsPerSample:N0} input events)");
            context.Output.WriteLine($"edge time per sample    {report.EdgeMillisecondsPerSample:F3} ms");
            context.Output.WriteLine($"wall time               {report.WallTimeSeconds:F1} s  (events {report.ConvertSeconds:F1} s, training {report.TrainSeconds:F1} s)");
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(report, SnakeCase));
            }

            return report.EdgeMatchesInteger ? CliApp.ExitOk : CliApp.ExitFailure;
        });
        return command;
    }
}
