using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// The state of one layer between ticks: its output of the last tick (what the next layer and the layer's own recurrent
/// weights read) and the cell's state tensors, all [B, N]. The layout of <see cref="Cell"/> is documented by each layer
/// class (e.g. LIF: [v]; SRC: [i, h, h_s]).
/// </summary>
public sealed class LayerState
{
    private readonly Tensor[] _cell;

    /// <summary>Creates a state.</summary>
    /// <param name="output">Last tick's output y [B, N] (zeros at the start of a sample).</param>
    /// <param name="cell">The cell's state tensors.</param>
    public LayerState(Tensor output, params Tensor[] cell)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(cell);
        Output = output;
        _cell = [.. cell];
    }

    /// <summary>Last tick's output y, [B, N].</summary>
    public Tensor Output { get; }

    /// <summary>The cell's state tensors.</summary>
    public IReadOnlyList<Tensor> Cell => _cell;

    /// <summary>Moves every tensor of the state to the enclosing dispose scope.</summary>
    public void MoveToOuterDisposeScope()
    {
        Output.MoveToOuterDisposeScope();
        foreach (var tensor in _cell)
        {
            tensor.MoveToOuterDisposeScope();
        }
    }

    /// <summary>Disposes the cell tensors (not <see cref="Output"/>, which the caller may still hold).</summary>
    public void DisposeCell()
    {
        foreach (var tensor in _cell)
        {
            tensor.Dispose();
        }
    }
}
