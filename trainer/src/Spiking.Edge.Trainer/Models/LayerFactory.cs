using Spiking.Edge.Trainer.Cells;

namespace Spiking.Edge.Trainer.Models;

/// <summary>Builds the <see cref="SpikingLayer"/> a <see cref="LayerConfig"/> describes.</summary>
public static class LayerFactory
{
    /// <summary>Creates the layer, drawing its initial weights from <paramref name="generator"/>.</summary>
    /// <param name="layer">Layer configuration (validated here).</param>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="generator">Seeded generator.</param>
    /// <param name="name">Module name.</param>
    /// <param name="path">JSON path of the layer, for error messages (e.g. "$.layers[0]").</param>
    /// <exception cref="ConfigException">A value is out of range.</exception>
    public static SpikingLayer Create(LayerConfig layer, int inputSize, TorchSharp.torch.Generator generator, string name, string path)
    {
        NetworkConfigValidator.ValidateLayer(layer, path);
        var lateral = layer.LateralInhibitionWeight ?? 1f;
        return layer.Cell switch
        {
            CellKind.Lif => new LifLayer(inputSize, layer.Size, layer.Lif ?? new LifOptions(), generator, layer.Bias ?? true, layer.Recurrence, layer.Reservoir, lateral, name, path),
            CellKind.LeeLif => new LeeLifLayer(inputSize, layer.Size, layer.LeeLif ?? new LeeLifOptions(), generator, layer.Bias ?? false, layer.Recurrence, layer.Reservoir, lateral, name, path),
            CellKind.CubaLif => new CubaLifLayer(inputSize, layer.Size, layer.CubaLif ?? new CubaLifOptions(), generator, layer.Bias ?? false, layer.Recurrence, layer.Reservoir, lateral, name, path),
            CellKind.Snu => new SnuLayer(inputSize, layer.Size, layer.Snu ?? new SnuOptions(), false, generator, layer.Bias ?? false, layer.Recurrence, layer.Reservoir, lateral, name, path),
            CellKind.Ssnu => new SnuLayer(inputSize, layer.Size, layer.Snu ?? new SnuOptions(), true, generator, layer.Bias ?? false, layer.Recurrence, layer.Reservoir, lateral, name, path),
            _ => new SrcLayer(inputSize, layer.Size, layer.Src ?? new SrcOptions(), generator, layer.Recurrence, layer.Reservoir, lateral, name, path),
        };
    }
}
