using System.Text.Json;
using Spiking.Edge.Trainer.Baselines;
using Spiking.Edge.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// How to rebuild a model with fresh parameters of the right shapes (a checkpoint then loads the trained values):
/// <see cref="Kind"/> "network" with a <see cref="NetworkConfig"/> as JSON, or "lstm" / "gru" with a
/// <see cref="BaselineShape"/> as JSON.
/// </summary>
/// <param name="Kind">"network", "lstm" or "gru".</param>
/// <param name="Json">The configuration.</param>
public sealed record ModelRecipe(string Kind, string Json)
{
    /// <summary>The recipe of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The model is of a kind checkpoints do not know.</exception>
    public static ModelRecipe Of(nn.Module<Tensor, Tensor> model) => model switch
    {
        SpikingNetwork network => new ModelRecipe("network", NetworkConfigJson.Serialize(network.Config)),
        RecurrentBaseline baseline => new ModelRecipe(
            baseline.Kind == RecurrentBaselineKind.Lstm ? "lstm" : "gru",
            JsonSerializer.Serialize(new BaselineShape(baseline.InputSize, baseline.HiddenSize, baseline.Layers, baseline.OutputSize, baseline.Seed))),
        null => throw new ArgumentNullException(nameof(model)),
        _ => throw new ArgumentException($"model type {model.GetType().Name} cannot be checkpointed (valid: SpikingNetwork, RecurrentBaseline)", nameof(model)),
    };

    /// <summary>A new model of this recipe (freshly initialised).</summary>
    /// <exception cref="InvalidDataException">The kind is unknown or the JSON is not a valid configuration.</exception>
    public nn.Module<Tensor, Tensor> Build()
    {
        try
        {
            switch (Kind)
            {
                case "network":
                    return new SpikingNetwork(NetworkConfigJson.Parse(Json));
                case "lstm":
                case "gru":
                    var shape = JsonSerializer.Deserialize<BaselineShape>(Json) ?? throw new InvalidDataException("empty baseline shape");
                    var kind = Kind == "lstm" ? RecurrentBaselineKind.Lstm : RecurrentBaselineKind.Gru;
                    return new RecurrentBaseline(kind, shape.InputSize, shape.HiddenSize, shape.Layers, shape.OutputSize, shape.Seed);
                default:
                    throw new InvalidDataException($"model kind '{Kind}' is unknown (valid: network, lstm, gru)");
            }
        }
        catch (Exception e) when (e is JsonException or ConfigException or ArgumentException)
        {
            throw new InvalidDataException($"model recipe '{Kind}' is invalid: {e.Message}", e);
        }
    }
}

/// <summary>Shape of an LSTM/GRU baseline.</summary>
/// <param name="InputSize">Inputs per tick.</param>
/// <param name="HiddenSize">Units per layer.</param>
/// <param name="Layers">Stacked layers.</param>
/// <param name="OutputSize">Classes.</param>
/// <param name="Seed">Initialisation seed.</param>
public sealed record BaselineShape(int InputSize, int HiddenSize, int Layers, int OutputSize, long Seed);
