using System.CommandLine;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking train`: trains a LIF network on the Train split with surrogate-gradient BPTT, holding out a validation
/// fraction of it; writes a resumable checkpoint after every epoch, per-epoch metrics (CSV or JSON) and a learning curve.
/// </summary>
internal static class TrainVerb
{
    public const string CheckpointName = "checkpoint.seckpt";

    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var output = new Option<string>("--out") { Description = "Run folder: checkpoint, metrics and learning curve.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Total epochs (a resumed run continues up to this).", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => 16 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var hidden = new Option<int[]>("--hidden") { Description = "Hidden LIF layer sizes, e.g. --hidden 800.", DefaultValueFactory = _ => [800], AllowMultipleArgumentsPerToken = true };
        var ticks = new Option<int>("--ticks") { Description = "Ticks per sample (T).", DefaultValueFactory = _ => InputTiming.Default.TicksPerSample };
        var tickUs = new Option<int>("--tick-us") { Description = "Tick length in microseconds.", DefaultValueFactory = _ => InputTiming.Default.TickMicroseconds };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "TorchSharp threads (0 = all cores)." };
        var validation = new Option<double>("--validation") { Description = "Fraction of the Train split held out for validation.", DefaultValueFactory = _ => 0.1 };
        var resume = new Option<bool>("--resume") { Description = "Continue from the run folder's checkpoint." };
        var metrics = new Option<string>("--metrics") { Description = "Metrics file (.csv or .json); default <out>/metrics.csv." };
        var command = new Command("train", "Train a LIF network (surrogate-gradient BPTT) on N-MNIST or IDX data.")
        {
            output, epochs, batch, lr, hidden, ticks, tickUs, seed, threads, validation, resume, metrics,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            string runFolder = parse.GetValue(output)!;
            Directory.CreateDirectory(runFolder);
            string checkpoint = Path.Combine(runFolder, CheckpointName);
            var timing = new InputTiming(CliChecks.Positive(parse.GetValue(tickUs), "--tick-us"), CliChecks.Positive(parse.GetValue(ticks), "--ticks"));
            double fraction = parse.GetValue(validation);
            if (!(fraction >= 0 && fraction < 1))
            {
                throw new CliException($"--validation must be in [0, 1), found {fraction}");
            }

            int runSeed = parse.GetValue(seed);
            var all = data.Load(parse, "Train", runSeed);
            var (train, held) = all.Split(fraction, runSeed);
            context.Output.WriteLine($"{train.Samples.Count:N0} training and {held.Samples.Count:N0} validation samples, {train.Width}×{train.Height}×{train.Polarities} input, {train.ClassCount} classes");

            Trainer.Training.Trainer trainer;
            if (parse.GetValue(resume))
            {
                CliFiles.RequireFile(checkpoint, "checkpoint to resume");
                trainer = Checkpoint.Load(checkpoint, CliChecks.Positive(parse.GetValue(epochs), "--epochs"));
                context.Output.WriteLine($"resuming after epoch {trainer.CompletedEpochs}");
            }
            else
            {
                var model = new SpikingMlp(train.Width * train.Height * train.Polarities, CliChecks.Sizes(parse.GetValue(hidden)!, "--hidden"), train.ClassCount, seed: runSeed);
                trainer = new Trainer.Training.Trainer(model, new TrainingOptions
                {
                    Epochs = CliChecks.Positive(parse.GetValue(epochs), "--epochs"),
                    BatchSize = CliChecks.Positive(parse.GetValue(batch), "--batch"),
                    LearningRate = parse.GetValue(lr),
                    Seed = runSeed,
                    Threads = CliChecks.NonNegative(parse.GetValue(threads), "--threads"),
                    TicksPerSample = timing.TicksPerSample,
                    TickMicroseconds = timing.TickMicroseconds,
                });
            }

            using (trainer)
            using (trainer.Model)
            {
                var trainTiming = new InputTiming(trainer.Options.TickMicroseconds, trainer.Options.TicksPerSample);
                var history = TrainingProgressDisplay.Run(context, "training", progress =>
                    trainer.Fit(new EventBatchSource(train, trainTiming), held.Samples.Count > 0 ? new EventBatchSource(held, trainTiming) : null, progress, checkpoint));
                string metricsPath = parse.GetValue(metrics) ?? Path.Combine(runFolder, "metrics.csv");
                MetricsWriter.Write(history, metricsPath);
                LearningCurvePlot.Save(history, Path.Combine(runFolder, "learning-curve.png"));
                foreach (var m in history)
                {
                    context.Output.WriteLine($"epoch {m.Epoch}: train loss {m.TrainLoss:F4} acc {m.TrainAccuracy:P2}" + (m.ValidationAccuracy is double v ? $", validation acc {v:P2}" : ""));
                }

                context.Output.WriteLine($"checkpoint {checkpoint}; metrics {metricsPath}");
            }

            return CliApp.ExitOk;
        });
        return command;
    }
}
