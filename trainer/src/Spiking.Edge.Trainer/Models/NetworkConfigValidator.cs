using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;

namespace Spiking.Edge.Trainer.Models;

/// <summary>Checks a <see cref="NetworkConfig"/> value by value; the first problem becomes a <see cref="ConfigException"/>.</summary>
internal static class NetworkConfigValidator
{
    private const int MaxSize = 65535;
    private const int MaxLayers = 64;

    public static void Validate(NetworkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ConfigCheck.IntRange("$.inputSize", config.InputSize, 1, MaxSize);
        ConfigCheck.IntRange("$.outputSize", config.OutputSize, 1, MaxSize);
        ConfigCheck.OneOf("$.readout", config.Readout, NetworkReadout.MembraneSum, NetworkReadout.SpikeCount);
        ConfigCheck.IntRange("$.readoutLeakShift", config.ReadoutLeakShift, 0, LifParameters.MaxLeakShift);
        if (config.Layers is null)
        {
            throw new ConfigException("$.layers", "missing; give a list of layers");
        }

        var maxConfigured = config.Readout == NetworkReadout.MembraneSum ? MaxLayers - 1 : MaxLayers;
        if (config.Layers.Count > maxConfigured)
        {
            throw new ConfigException("$.layers", $"{config.Layers.Count} layers is more than the {maxConfigured} a model may hold with this readout");
        }

        if (config.Readout == NetworkReadout.SpikeCount)
        {
            if (config.Layers.Count == 0)
            {
                throw new ConfigException("$.layers", "spikeCount readout needs at least one layer (the last one is the output layer)");
            }

            var last = config.Layers[^1];
            if (last is not null && last.Size != config.OutputSize)
            {
                throw new ConfigException($"$.layers[{config.Layers.Count - 1}].size", $"{last.Size} differs from outputSize {config.OutputSize}; with spikeCount readout the last layer is the output layer");
            }
        }

        for (var l = 0; l < config.Layers.Count; l++)
        {
            ValidateLayer(config.Layers[l], $"$.layers[{l}]");
        }
    }

    public static void ValidateLayer(LayerConfig? layer, string path)
    {
        if (layer is null)
        {
            throw new ConfigException(path, "a layer cannot be null");
        }

        ConfigCheck.OneOf($"{path}.cell", layer.Cell, Enum.GetValues<CellKind>());
        ConfigCheck.IntRange($"{path}.size", layer.Size, 1, MaxSize);
        ConfigCheck.OneOf($"{path}.recurrence", layer.Recurrence, Enum.GetValues<Recurrence>());
        var expected = OptionsName(layer.Cell);
        foreach (var (name, given) in new (string, object?)[] { ("lif", layer.Lif), ("leeLif", layer.LeeLif), ("cubaLif", layer.CubaLif), ("snu", layer.Snu), ("src", layer.Src) })
        {
            if (given is not null && name != expected)
            {
                throw new ConfigException($"{path}.{name}", $"options '{name}' do not apply to a {ConfigCheck.Name(layer.Cell)} layer; it takes '{expected}'");
            }
        }

        if (layer.Reservoir is not null && layer.Recurrence != Recurrence.Reservoir)
        {
            throw new ConfigException($"{path}.reservoir", $"applies only with recurrence 'reservoir' (this layer has '{ConfigCheck.Name(layer.Recurrence)}')");
        }

        if (layer.LateralInhibitionWeight is { } w0)
        {
            if (layer.Recurrence != Recurrence.LateralInhibition)
            {
                throw new ConfigException($"{path}.lateralInhibitionWeight", $"applies only with recurrence 'lateralInhibition' (this layer has '{ConfigCheck.Name(layer.Recurrence)}')");
            }

            ConfigCheck.Finite($"{path}.lateralInhibitionWeight", w0);
        }

        if (layer.Recurrence == Recurrence.Reservoir)
        {
            (layer.Reservoir ?? new ReservoirOptions()).GridFor($"{path}.reservoir", layer.Size);
        }

        if (layer.Cell == CellKind.Src && layer.Bias == true)
        {
            throw new ConfigException($"{path}.bias", "an src layer has no bias in its drive (its learned b enters the fast state); leave bias out or false");
        }

        switch (layer.Cell)
        {
            case CellKind.Lif:
                (layer.Lif ?? new LifOptions()).ToParameters($"{path}.lif");
                break;
            case CellKind.LeeLif:
                (layer.LeeLif ?? new LeeLifOptions()).Validate($"{path}.leeLif");
                break;
            case CellKind.CubaLif:
                (layer.CubaLif ?? new CubaLifOptions()).Validate($"{path}.cubaLif");
                break;
            case CellKind.Snu:
            case CellKind.Ssnu:
                (layer.Snu ?? new SnuOptions()).Validate($"{path}.snu");
                break;
            default:
                ValidateSrc(layer.Src ?? new SrcOptions(), $"{path}.src");
                break;
        }
    }

    public static string OptionsName(CellKind cell) => cell switch
    {
        CellKind.Lif => "lif",
        CellKind.LeeLif => "leeLif",
        CellKind.CubaLif => "cubaLif",
        CellKind.Snu or CellKind.Ssnu => "snu",
        _ => "src",
    };

    private static void ValidateSrc(SrcOptions options, string path)
    {
        options.Validate(path);
        try
        {
            SrcRest.Equilibrium(options.FastFeedback, options.SlowFeedback, options.GateThreshold, FixedPoint.RoundToQ16(options.SlowGateRest), FixedPoint.RoundToQ16(options.SlowGateActive), options.BiasInit);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigException(path, e.Message, e);
        }
    }
}
