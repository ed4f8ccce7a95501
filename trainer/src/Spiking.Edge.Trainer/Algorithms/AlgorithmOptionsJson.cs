using Spiking.Edge.Trainer.Algorithms.Lee2016;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Algorithms;

/// <summary>
/// Reads an algorithm's settings from JSON (the camelCase properties of <see cref="Lee2016Options"/> or
/// <see cref="StRsbpOptions"/>; enums as camelCase strings; comments allowed) into a run's <see cref="TrainingOptions"/>.
/// Properties left out keep their documented defaults.
/// </summary>
public static class AlgorithmOptionsJson
{
    /// <summary>Returns <paramref name="options"/> with the settings of its <see cref="TrainingOptions.Algorithm"/> read from <paramref name="json"/>.</summary>
    /// <param name="options">The run's options (algorithm chosen).</param>
    /// <param name="json">A JSON object of the algorithm's settings.</param>
    /// <exception cref="ConfigException">Unknown property, bad type or value (message names the JSON path), or settings for BPTT, which has none.</exception>
    public static TrainingOptions Apply(TrainingOptions options, string json)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(json);
        var applied = options.Algorithm switch
        {
            TrainingAlgorithm.Lee2016 => options with { Lee2016 = NetworkConfigJson.ParseObject<Lee2016Options>(json) },
            TrainingAlgorithm.StRsbp => options with { StRsbp = NetworkConfigJson.ParseObject<StRsbpOptions>(json) },
            _ => throw new ConfigException("$", "bptt has no algorithm settings; choose --algo lee2016 or st-rsbp"),
        };
        try
        {
            applied.Lee2016.Validate();
            applied.StRsbp.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ConfigException($"$.{JsonName(e.ParamName)}", e.Message.Split(" (Parameter")[0], e);
        }

        return applied;
    }

    private static string JsonName(string? field) =>
        string.IsNullOrEmpty(field) ? "?" : char.ToLowerInvariant(field[0]) + field[1..];
}
