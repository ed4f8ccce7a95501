using System.CommandLine;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking eval`: accuracy of a checkpoint (float network) or of a model file (integer simulation and edge runtime,
/// compared bit for bit) on a split of the data, re-applying the input transform the checkpoint or model file records.
/// </summary>
internal static class EvalVerb
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var checkpoint = new Option<string>("--checkpoint") { Description = "Evaluate a float checkpoint." };
        var model = new Option<string>("--model") { Description = "Evaluate a model file (integer simulation and edge runtime)." };
        var split = new Option<string>("--split") { Description = "Train or Test (Test is held out: report it once).", DefaultValueFactory = _ => "Test" };
        var seed = new Option<int>("--seed") { Description = "Encoder seed for IDX data (saccade sensor or rate draws; use the training seed).", DefaultValueFactory = _ => 1 };
        var command = new Command("eval", "Measure the accuracy of a checkpoint or a model file.") { checkpoint, model, split, seed };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            string? checkpointPath = parse.GetValue(checkpoint);
            string? modelPath = parse.GetValue(model);
            if ((checkpointPath == null) == (modelPath == null))
            {
                throw new CliException("give exactly one of --checkpoint or --model");
            }

            string splitName = DataOptions.CheckSplit(parse.GetValue(split)!);
            if (checkpointPath != null)
            {
                CliFiles.RequireFile(checkpointPath, "--checkpoint");
                using var trainer = Checkpoint.Load(checkpointPath);
                using var network = trainer.Model;
                var timing = new InputTiming(trainer.Options.TickMicroseconds, trainer.Options.TicksPerSample);
                var set = data.Open(parse, splitName, trainer.Options.Seed, data.EncodingOf(parse, trainer.Options.Encoding), timing);
                var result = trainer.Evaluate(set.Batches(timing, redraw: false));
                context.Output.WriteLine($"float accuracy {result.Accuracy:P2} on {result.SampleCount:N0} {splitName} samples (loss {result.Loss:F4})");
                return CliApp.ExitOk;
            }

            var (header, bytes) = CliFiles.ReadModel(modelPath!, "--model");
            var modelTiming = new InputTiming((int)header.TickMicroseconds, (int)header.TicksPerSample);
            var encoding = TransformProvenance.TryRead(header.Provenance?.Notes, out string? trained)
                ? data.EncodingOf(parse, new InputEncoding { Transform = trained }, "model file")
                : data.EncodingOf(parse);
            var samples = data.Open(parse, splitName, parse.GetValue(seed), encoding, modelTiming).ToEvents();
            var check = DeploymentCheck.Run(bytes, samples, 0, RowAccumulators.Best());
            context.Output.WriteLine($"integer accuracy {check.IntegerAccuracy:P2}, edge accuracy {check.EdgeAccuracy:P2} on {check.SampleCount:N0} {splitName} samples");
            context.Output.WriteLine($"{check.SynOpsPerSample:N0} SynOps per sample, {check.EdgeMillisecondsPerSample:F3} ms per sample on the edge runtime");
            context.Output.WriteLine(check.EdgeMatchesInteger ? "edge runtime and integer simulation agree bit for bit" : $"edge runtime and integer simulation DIFFER on {check.MismatchedSamples} samples; first: {check.FirstMismatch}");
            return check.EdgeMatchesInteger ? CliApp.ExitOk : CliApp.ExitFailure;
        });
        return command;
    }
}
