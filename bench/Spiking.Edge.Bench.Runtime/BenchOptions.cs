using System.Globalization;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>Command-line options of the runtime benchmark.</summary>
internal sealed class BenchOptions
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/Spiking.Edge.Bench.Runtime -- [--only kernel|runtime|sparse|transforms] "
        + "[--repeats N] [--samples N] [--hidden-rate R] [--data FOLDER] [--seed N]";

    /// <summary>"kernel", "runtime", "sparse", "transforms" (only on request) or null for the first three.</summary>
    public string? Only { get; private set; }

    /// <summary>Timed repeats after the warm-up; the median is reported.</summary>
    public int Repeats { get; private set; } = 9;

    /// <summary>N-MNIST samples per repeat (runtime, transforms) and synthetic samples per repeat (kernel).</summary>
    public int Samples { get; private set; } = 200;

    /// <summary>Target hidden firing rate (spikes per neuron per tick) the thresholds are calibrated to.</summary>
    public double HiddenRate { get; private set; } = 0.02;

    /// <summary>The N-MNIST folder holding Train/&lt;digit&gt;/*.bin.</summary>
    public string? DataFolder { get; private set; }

    /// <summary>Seed of the random weights and row indices.</summary>
    public int Seed { get; private set; } = 12_345;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"option {name} needs a value\n{Usage}");
            switch (name)
            {
                case "--only":
                    options.Only = Value();
                    if (options.Only is not ("kernel" or "runtime" or "sparse" or "transforms"))
                    {
                        throw new ArgumentException($"--only must be kernel, runtime, sparse or transforms, not '{options.Only}'\n{Usage}");
                    }

                    break;
                case "--repeats":
                    options.Repeats = PositiveInt(name, Value());
                    break;
                case "--samples":
                    options.Samples = PositiveInt(name, Value());
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--hidden-rate":
                    options.HiddenRate = double.Parse(Value(), CultureInfo.InvariantCulture);
                    if (options.HiddenRate is <= 0 or >= 1)
                    {
                        throw new ArgumentException($"--hidden-rate must lie in (0, 1), not {options.HiddenRate}\n{Usage}");
                    }

                    break;
                case "--data":
                    options.DataFolder = Value();
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException($"unknown option '{name}'\n{Usage}");
            }
        }

        return options;
    }

    private static int PositiveInt(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new ArgumentException($"{name} must be a positive integer, not '{text}'\n{Usage}");
        }

        return value;
    }
}
