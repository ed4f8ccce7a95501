using Spiking.Edge.Trainer.Models;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>The fixed sparse recurrent connectivity of a reservoir layer (<see cref="Functional.ReservoirConnectivity"/>).</summary>
public sealed record ReservoirOptions
{
    /// <summary>Grid X, Y, Z with X·Y·Z = layer size (e.g. [5, 5, 16] for 400); null = the most cube-like factorisation.</summary>
    public IReadOnlyList<int>? Grid { get; init; }

    /// <summary>Seed of the connectivity draw (ST-RSBP uses a fixed seed 5).</summary>
    public long Seed { get; init; } = 5;

    /// <summary>Fraction of inhibitory neurons in [0, 1].</summary>
    public float InhibitoryFraction { get; init; } = 0.2f;

    /// <summary>The grid for a layer of <paramref name="size"/> neurons, validated.</summary>
    /// <param name="path">JSON path of these options.</param>
    /// <param name="size">Layer size.</param>
    public int[] GridFor(string path, int size)
    {
        ConfigCheck.Closed($"{path}.inhibitoryFraction", InhibitoryFraction, 0f, 1f);
        if (Grid is null)
        {
            return Functional.ReservoirConnectivity.DefaultGrid(size);
        }

        if (Grid.Count != 3 || Grid.Any(g => g < 1) || (long)Grid[0] * Grid[1] * Grid[2] != size)
        {
            throw new ConfigException($"{path}.grid", $"[{string.Join(", ", Grid)}] must be three sizes ≥ 1 whose product is the layer size {size}");
        }

        return [.. Grid];
    }
}
