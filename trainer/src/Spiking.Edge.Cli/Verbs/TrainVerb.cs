using System.CommandLine;
using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking train`: trains a network of any cell (--cell, --recurrent, or a --config file) on the Train split with
/// BPTT (surrogate gradients for the spiking cells, plain for the SRC), holding out a validation fraction of it; writes
/// a resumable checkpoint after every epoch, per-epoch metrics (CSV or JSON) and a learning curve.
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
        var hidden = new Option<int[]>("--hidden") { Description = "Hidden layer sizes, e.g. --hidden 400 400.", DefaultValueFactory = _ => [800], AllowMultipleArgumentsPerToken = true };
        var cell = new Option<string>("--cell") { Description = $"Cell of the hidden layers: {ModelFactory.CellNames}.", DefaultValueFactory = _ => "lif" };
        var recurrent = new Option<string>("--recurrent") { Description = $"Recurrent weights of the hidden layers: {ModelFactory.RecurrenceNames}.", DefaultValueFactory = _ => "none" };
        var config = new Option<string>("--config") { Description = "Network configuration file (JSON, see trainer/configs/); replaces --cell, --hidden and --recurrent." };
        var clip = new Option<double>("--clip") { Description = "Clip the gradients' total L2 norm to this before each step (0 = off)." };
        var algo = new Option<string>("--algo") { Description = $"Training algorithm: {TrainingAlgorithms.Names} (lee2016 trains lee-lif networks, st-rsbp cuba-lif networks; both need a spike-count readout, e.g. trainer/configs).", DefaultValueFactory = _ => "bptt" };
        var algoOptions = new Option<string>("--algo-options") { Description = "JSON file with the algorithm's settings (camelCase fields of Lee2016Options / StRsbpOptions; see the README in trainer/src/Spiking.Edge.Trainer/Algorithms/<algorithm>/)." };
        var schedule = new Option<string>("--schedule") { Description = $"Learning-rate schedule: {LearningRates.Names}.", DefaultValueFactory = _ => "constant" };
        var weightDecay = new Option<double>("--weight-decay") { Description = "Adam's L2 weight decay (0 = off)." };
        var ticks = new Option<int>("--ticks") { Description = "Ticks per sample (T).", DefaultValueFactory = _ => InputTiming.Default.TicksPerSample };
        var tickUs = new Option<int>("--tick-us") { Description = "Tick length in microseconds.", DefaultValueFactory = _ => InputTiming.Default.TickMicroseconds };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "TorchSharp threads (0 = all cores)." };
        var validation = new Option<double>("--validation") { Description = "Fraction of the Train split held out for validation.", DefaultValueFactory = _ => 0.1 };
        var resume = new Option<bool>("--resume") { Description = "Continue from the run folder's checkpoint." };
        var metrics = new Option<string>("--metrics") { Description = "Metrics file (.csv or .json); default <out>/metrics.csv." };
        var augment = new Option<string>("--augment") { Description = "Recorded events: random changes to training batches only, drawn afresh per sample and epoch from --seed, e.g. \"shift:2,flip-x,drop:0.1,jitter-us:1000\" (shift within ±N pixels, horizontal flip with probability ½, drop each event with probability F, move each timestamp by up to ±J µs)." };
        var command = new Command("train", "Train a spiking network (any cell of the four papers) or an LSTM/GRU baseline on N-MNIST or IDX data.")
        {
            output, epochs, batch, lr, cell, hidden, recurrent, config, algo, algoOptions, clip, schedule, weightDecay, ticks, tickUs, seed, threads, validation, resume, metrics, augment,
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
            TrainingLoop trainer;
            SampleSet all;
            if (parse.GetValue(resume))
            {
                CliFiles.RequireFile(checkpoint, "checkpoint to resume");
                trainer = Checkpoint.Load(checkpoint, CliChecks.Positive(parse.GetValue(epochs), "--epochs"));
                context.Output.WriteLine($"resuming after epoch {trainer.CompletedEpochs}");
                data.EncodingOf(parse, trainer.Options.Encoding); // refuses a --transform other than the run's
                CheckResumedAugmentation(parse.GetValue(augment), trainer.Options.Encoding.Augment);
                all = data.Open(parse, "Train", trainer.Options.Seed, trainer.Options.Encoding, new InputTiming(trainer.Options.TickMicroseconds, trainer.Options.TicksPerSample));
            }
            else
            {
                TrainingOptions options = new()
                {
                    Epochs = CliChecks.Positive(parse.GetValue(epochs), "--epochs"),
                    BatchSize = CliChecks.Positive(parse.GetValue(batch), "--batch"),
                    LearningRate = parse.GetValue(lr),
                    Seed = runSeed,
                    Threads = CliChecks.NonNegative(parse.GetValue(threads), "--threads"),
                    TicksPerSample = timing.TicksPerSample,
                    TickMicroseconds = timing.TickMicroseconds,
                    Encoding = data.EncodingOf(parse) with { Augment = ParseAugmentation(parse.GetValue(augment)) },
                    GradientClipNorm = parse.GetValue(clip),
                    Schedule = ParseFlag("--schedule", () => LearningRates.Parse(parse.GetValue(schedule)!)),
                    Algorithm = ParseFlag("--algo", () => TrainingAlgorithms.Parse(parse.GetValue(algo)!)),
                    WeightDecay = parse.GetValue(weightDecay),
                };
                options = WithAlgorithmOptions(options, parse.GetValue(algoOptions));
                CheckOptions(options);
                all = data.Open(parse, "Train", runSeed, options.Encoding, timing);
                var model = CreateModel(parse.GetValue(config), parse.GetValue(cell)!, CliChecks.Sizes(parse.GetValue(hidden)!, "--hidden"), parse.GetValue(recurrent)!, all, runSeed);
                CheckPairing(options.Algorithm, model);
                trainer = new TrainingLoop(model, options);
            }

            var trainTiming = new InputTiming(trainer.Options.TickMicroseconds, trainer.Options.TicksPerSample);
            var (train, held) = all.Split(fraction, trainer.Options.Seed);
            context.Output.WriteLine($"{train.Count:N0} training and {held.Count:N0} validation samples, {train.Width}×{train.Height}×{train.Polarities} input ({all.Describe()}), {train.ClassCount} classes; model {ModelFactory.Describe(trainer.Model)}");
            using (trainer)
            using (trainer.Model)
            {
                var history = TrainingProgressDisplay.Run(context, "training", progress =>
                    trainer.Fit(train.Batches(trainTiming, redraw: true), held.Count > 0 ? held.Batches(trainTiming, redraw: false) : null, progress, checkpoint));
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

    private static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> CreateModel(string? configPath, string cell, int[] hidden, string recurrence, SampleSet data, int seed)
    {
        try
        {
            if (configPath is not null)
            {
                CliFiles.RequireFile(configPath, "--config");
                return ModelFactory.FromConfigFile(configPath, data.InputSize, data.ClassCount, seed);
            }

            return ModelFactory.Create(cell, hidden, recurrence, data.InputSize, data.ClassCount, seed);
        }
        catch (ArgumentException e)
        {
            throw new CliException(configPath is null ? $"--cell/--hidden/--recurrent: {e.Message}" : e.Message);
        }
    }

    private static void CheckOptions(TrainingOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{FlagOf(e.ParamName)}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    private static string FlagOf(string? field) => field switch
    {
        nameof(TrainingOptions.BatchSize) => "--batch",
        nameof(TrainingOptions.LearningRate) => "--lr",
        nameof(TrainingOptions.GradientClipNorm) => "--clip",
        nameof(TrainingOptions.WeightDecay) => "--weight-decay",
        nameof(TrainingOptions.TicksPerSample) => "--ticks",
        nameof(TrainingOptions.TickMicroseconds) => "--tick-us",
        null => "option",
        _ => $"--{field.ToLowerInvariant()}",
    };

    private static TrainingOptions WithAlgorithmOptions(TrainingOptions options, string? path)
    {
        if (path is null)
        {
            return options;
        }

        CliFiles.RequireFile(path, "--algo-options");
        try
        {
            return AlgorithmOptionsJson.Apply(options, File.ReadAllText(path));
        }
        catch (ConfigException e)
        {
            throw new CliException($"--algo-options {Path.GetFileName(path)}: {e.Message}");
        }
    }

    private static string? ParseAugmentation(string? spec)
    {
        try
        {
            return spec is null ? null : EventAugmentation.Parse(spec).Describe();
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--augment: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    private static void CheckResumedAugmentation(string? spec, string? saved)
    {
        string? asked = ParseAugmentation(spec);
        if (spec is not null && asked != saved)
        {
            throw new CliException($"--augment {asked} differs from the run's {saved ?? "(no augmentation)"}: a resumed run keeps its augmentation (omit --augment)");
        }
    }

    private static T ParseFlag<T>(string flag, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{flag}: {e.Message}");
        }
    }

    private static void CheckPairing(TrainingAlgorithm algorithm, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model)
    {
        try
        {
            GradientMethods.Check(algorithm, model);
        }
        catch (ArgumentException e)
        {
            model.Dispose();
            throw new CliException($"--algo: {e.Message}");
        }
    }
}
