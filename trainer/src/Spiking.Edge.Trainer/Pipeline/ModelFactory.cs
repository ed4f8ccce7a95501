using Spiking.Edge.Trainer.Baselines;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Builds the model a user names: hidden layers of one cell of the four papers (each with its default options)
/// followed by a leaky-integrator readout, or the LSTM/GRU baselines of the SNU paper's comparison (float only, not
/// exportable), or a JSON <see cref="NetworkConfig"/>. Shared by <c>spiking train</c> and the benchmarks.
/// </summary>
public static class ModelFactory
{
    /// <summary>Valid cell names.</summary>
    public const string CellNames = "lif, lee-lif, cuba-lif, snu, ssnu, src, lstm, gru";

    /// <summary>Valid recurrence names.</summary>
    public const string RecurrenceNames = "none, dense, reservoir";

    /// <summary>Builds <paramref name="cell"/> × <paramref name="hidden"/> for the data's sizes.</summary>
    /// <exception cref="ArgumentException">An unknown cell or recurrence, or sizes the cell refuses (one line).</exception>
    public static nn.Module<Tensor, Tensor> Create(string cell, IReadOnlyList<int> hidden, string recurrence, int inputSize, int classes, long seed)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(recurrence);
        string name = cell.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (name is "lstm" or "gru")
        {
            if (hidden.Count == 0 || hidden.Any(h => h != hidden[0]))
            {
                throw new ArgumentException($"cell {cell} needs one hidden size repeated per layer (e.g. 400 400), found [{string.Join(' ', hidden)}]");
            }

            return new RecurrentBaseline(name == "lstm" ? RecurrentBaselineKind.Lstm : RecurrentBaselineKind.Gru, inputSize, hidden[0], hidden.Count, classes, seed);
        }

        CellKind kind = name switch
        {
            "lif" => CellKind.Lif,
            "leelif" or "lee" => CellKind.LeeLif,
            "cubalif" or "cuba" => CellKind.CubaLif,
            "snu" => CellKind.Snu,
            "ssnu" => CellKind.Ssnu,
            "src" => CellKind.Src,
            _ => throw new ArgumentException($"cell '{cell}' is not valid; valid choices: {CellNames}"),
        };
        Recurrence recur = recurrence.Trim().ToLowerInvariant() switch
        {
            "none" => Recurrence.None,
            "dense" => Recurrence.Dense,
            "reservoir" => Recurrence.Reservoir,
            _ => throw new ArgumentException($"recurrence '{recurrence}' is not valid; valid choices: {RecurrenceNames}"),
        };
        var config = new NetworkConfig
        {
            InputSize = inputSize,
            Layers = [.. hidden.Select(size => new LayerConfig { Cell = kind, Size = size, Recurrence = recur })],
            OutputSize = classes,
            Readout = NetworkReadout.MembraneSum,
            Seed = seed,
        };
        return FromConfig(config, "network");
    }

    /// <summary>Builds the network of a configuration file, checking it against the data's sizes.</summary>
    /// <exception cref="ArgumentException">The file is invalid or its sizes do not match (one line naming the file).</exception>
    public static SpikingNetwork FromConfigFile(string path, int inputSize, int classes, long seed)
    {
        NetworkConfig config;
        try
        {
            config = NetworkConfigJson.Load(path);
        }
        catch (ConfigException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        if (config.InputSize != inputSize || config.OutputSize != classes)
        {
            throw new ArgumentException($"{path}: the configuration is {config.InputSize} inputs → {config.OutputSize} classes but the data has {inputSize} inputs and {classes} classes");
        }

        return FromConfig(config with { Seed = seed }, path);
    }

    /// <summary>A short description: "784-400-10 src" or "784-GRU400×1-10" (with a spike-count readout the last layer is the output: "2312-800-10 leeLif").</summary>
    public static string Describe(nn.Module<Tensor, Tensor> model) => model switch
    {
        SpikingNetwork n => $"{string.Join('-', new[] { n.InputSize }.Concat(n.Config.Layers.Select(l => l.Size)).Concat(n.Readout is null ? [] : [n.OutputSize]))} {ModelExport.CellName(n.Config)}",
        RecurrentBaseline b => $"{b.InputSize}-{b.Kind.ToString().ToUpperInvariant()}{b.HiddenSize}×{b.Layers}-{b.OutputSize}",
        null => throw new ArgumentNullException(nameof(model)),
        _ => model.GetType().Name,
    };

    private static SpikingNetwork FromConfig(NetworkConfig config, string source)
    {
        try
        {
            config.Validate();
        }
        catch (ConfigException e)
        {
            throw new ArgumentException(source == "network" ? e.Message : $"{source}: {e.Message}", e);
        }

        return new SpikingNetwork(config);
    }
}
