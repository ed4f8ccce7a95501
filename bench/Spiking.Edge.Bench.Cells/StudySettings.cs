using System.Globalization;
using Spiking.Edge.Trainer.Pipeline;

namespace Spiking.Edge.Bench.Cells;

/// <summary>Command-line settings of one study (every cell under the same budget), with their defaults.</summary>
internal sealed record StudySettings
{
    public required string Data { get; init; }

    public InputEncoding Encoding { get; init; } = new();

    public string[] Cells { get; init; } = ["lif", "lee-lif", "cuba-lif", "snu", "ssnu", "src"];

    public int[] Hidden { get; init; } = [400];

    public int[] Depths { get; init; } = [];

    public string[] Configs { get; init; } = [];

    public string? AlgorithmOptions { get; init; }

    public Spiking.Edge.Trainer.Algorithms.TrainingAlgorithm[] Algorithms { get; init; } = [Spiking.Edge.Trainer.Algorithms.TrainingAlgorithm.Bptt];

    public string Recurrence { get; init; } = "none";

    public int Epochs { get; init; } = 10;

    public int Batch { get; init; } = 32;

    public double LearningRate { get; init; } = 1e-3;

    public int Ticks { get; init; } = 25;

    public int TickMicroseconds { get; init; } = 1000;

    public int TrainLimit { get; init; } = int.MaxValue;

    public int EvalLimit { get; init; } = int.MaxValue;

    public bool EvaluateOnTest { get; init; }

    /// <summary>With <see cref="EvaluateOnTest"/>: also hold out 10 % of Train and report it after every epoch (accuracy against epochs, Test still once).</summary>
    public bool ValidateEachEpoch { get; init; }

    public double Prune { get; init; }

    public int Bits { get; init; } = 8;

    public int Seed { get; init; } = 1;

    public int Threads { get; init; } = 2;

    public double Clip { get; init; }

    public Spiking.Edge.Trainer.Training.LearningRateSchedule Schedule { get; init; }

    public double WeightDecay { get; init; }

    public string Output { get; init; } = "cells-study.md";

    public static StudySettings Parse(string[] args)
    {
        string? data = null;
        var s = new StudySettings { Data = "" };
        for (int i = 0; i < args.Length; i++)
        {
            string flag = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            double Real() => double.Parse(Next(), CultureInfo.InvariantCulture);
            int[] Ints() => Next().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            s = flag switch
            {
                "--data" => s with { Data = data = Next() },
                "--encoding" => s with { Encoding = s.Encoding with { Kind = Next() } },
                "--rate-gain" => s with { Encoding = s.Encoding with { RateGain = Real() } },
                "--cells" => s with { Cells = Next().Split(',') },
                "--hidden" => s with { Hidden = Ints() },
                "--depths" => s with { Depths = Ints() },
                "--algo-options" => s with { AlgorithmOptions = Next() },
                "--configs" => s with { Configs = Next().Split(',') },
                "--algos" => s with { Algorithms = [.. Next().Split(',').Select(Spiking.Edge.Trainer.Algorithms.TrainingAlgorithms.Parse)] },
                "--recurrent" => s with { Recurrence = Next() },
                "--epochs" => s with { Epochs = Int() },
                "--batch" => s with { Batch = Int() },
                "--lr" => s with { LearningRate = Real() },
                "--ticks" => s with { Ticks = Int() },
                "--tick-us" => s with { TickMicroseconds = Int() },
                "--train-limit" => s with { TrainLimit = Int() },
                "--eval-limit" => s with { EvalLimit = Int() },
                "--eval-test" => s with { EvaluateOnTest = true },
                "--validate-each-epoch" => s with { ValidateEachEpoch = true },
                "--prune" => s with { Prune = Real() },
                "--bits" => s with { Bits = Int() },
                "--seed" => s with { Seed = Int() },
                "--threads" => s with { Threads = Int() },
                "--clip" => s with { Clip = Real() },
                "--schedule" => s with { Schedule = Spiking.Edge.Trainer.Training.LearningRates.Parse(Next()) },
                "--weight-decay" => s with { WeightDecay = Real() },
                "--out" => s with { Output = Next() },
                _ => throw new ArgumentException($"unknown flag {flag}"),
            };
        }

        if (data is null)
        {
            throw new ArgumentException("--data is required");
        }

        s.Encoding.Validate();
        foreach (var config in s.Configs)
        {
            if (!File.Exists(config))
            {
                throw new ArgumentException($"--configs: file not found: {config}");
            }
        }

        return s;
    }
}
