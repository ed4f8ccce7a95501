using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;

namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// The architecture of a <see cref="SpikingNetwork"/>: input size, layers (input side first), output size, readout and
/// initialisation seed. Saved and loaded as JSON by <see cref="NetworkConfigJson"/>; <see cref="Validate"/> refuses every
/// bad value with a <see cref="ConfigException"/> naming its JSON path.
/// </summary>
public sealed record NetworkConfig
{
    /// <summary>Inputs per tick (e.g. 2312 = 34 × 34 × 2).</summary>
    public required int InputSize { get; init; }

    /// <summary>The spiking layers, input side first (for SPIKE_COUNT the last one is the output layer).</summary>
    public required IReadOnlyList<LayerConfig> Layers { get; init; }

    /// <summary>Number of classes.</summary>
    public required int OutputSize { get; init; }

    /// <summary>How logits are read.</summary>
    public NetworkReadout Readout { get; init; } = NetworkReadout.MembraneSum;

    /// <summary>Leak shift 0..24 of the MEMBRANE_SUM readout integrator (ignored by SPIKE_COUNT).</summary>
    public int ReadoutLeakShift { get; init; } = LifParameters.DefaultLeakShift;

    /// <summary>Seed of the weight initialisation.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// A LIF MLP (the walking skeleton's network): hidden LIF layers with bias and the given parameters, a
    /// leaky-integrator readout, MEMBRANE_SUM; the same seed gives the same parameters and logits.
    /// </summary>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="hiddenSizes">Hidden layer sizes (may be empty).</param>
    /// <param name="outputSize">Classes.</param>
    /// <param name="hiddenParameters">LIF parameters (default: leak shift 4, θ = 1, ≥, subtract).</param>
    /// <param name="readoutLeakShift">Readout leak shift.</param>
    /// <param name="seed">Initialisation seed.</param>
    public static NetworkConfig LifMlp(
        int inputSize,
        IReadOnlyList<int> hiddenSizes,
        int outputSize,
        LifParameters? hiddenParameters = null,
        int readoutLeakShift = LifParameters.DefaultLeakShift,
        long seed = 1)
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        var options = LifOptions.From(hiddenParameters ?? new LifParameters());
        return new NetworkConfig
        {
            InputSize = inputSize,
            Layers = [.. hiddenSizes.Select(size => new LayerConfig { Cell = CellKind.Lif, Size = size, Lif = options })],
            OutputSize = outputSize,
            Readout = NetworkReadout.MembraneSum,
            ReadoutLeakShift = readoutLeakShift,
            Seed = seed,
        };
    }

    /// <summary>Throws <see cref="ConfigException"/> (one line, with the JSON path) for the first bad value.</summary>
    public void Validate() => NetworkConfigValidator.Validate(this);
}
