using System.Globalization;
using Spiking.Edge.Trainer.Algorithms;

namespace Spiking.Edge.Bench.Algorithms;

/// <summary>Command-line settings of the algorithm benchmark.</summary>
internal sealed record BenchSettings
{
    public string Config { get; init; } = "trainer/configs/strsbp-fashion-784-400-r400-10.json";

    public string Data { get; init; } = "/usr/share/datasets/fashion-mnist";

    public int Ticks { get; init; } = 25;

    public int Batch { get; init; } = 16;

    public int Warmup { get; init; } = 2;

    public int Batches { get; init; } = 8;

    public int Threads { get; init; }

    public bool Fit { get; init; }

    public IReadOnlyList<TrainingAlgorithm> Algorithms { get; init; } = [TrainingAlgorithm.StRsbp, TrainingAlgorithm.Bptt];

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--config" => settings with { Config = Next() },
                "--data" => settings with { Data = Next() },
                "--ticks" => settings with { Ticks = Int() },
                "--batch" => settings with { Batch = Int() },
                "--warmup" => settings with { Warmup = Int() },
                "--batches" => settings with { Batches = Int() },
                "--threads" => settings with { Threads = Int() },
                "--algos" => settings with { Algorithms = [.. Next().Split(',').Select(TrainingAlgorithms.Parse)] },
                "--fit" => settings with { Fit = true },
                _ => throw new ArgumentException($"unknown option {args[i]}; valid: --config --data --ticks --batch --warmup --batches --threads --algos --fit"),
            };
        }

        return settings;
    }
}
