namespace Spiking.Edge.Trainer.Models;

/// <summary>The neuron model of a layer.</summary>
public enum CellKind
{
    /// <summary>Plain LIF (<see cref="Cells.LifLayer"/>; options <c>lif</c>).</summary>
    Lif,

    /// <summary>Lee et al.'s LIF with soft refractory gain, WTA, floor and trainable thresholds (<see cref="Cells.LeeLifLayer"/>; options <c>leeLif</c>).</summary>
    LeeLif,

    /// <summary>ST-RSBP's current-based LIF with hard refractory period (<see cref="Cells.CubaLifLayer"/>; options <c>cubaLif</c>).</summary>
    CubaLif,

    /// <summary>Spiking neural unit, binary step output (<see cref="Cells.SnuLayer"/>; options <c>snu</c>).</summary>
    Snu,

    /// <summary>Soft SNU, sigmoid graded output (<see cref="Cells.SnuLayer"/>; options <c>snu</c>).</summary>
    Ssnu,

    /// <summary>Spiking recurrent cell, graded ReLU output (<see cref="Cells.SrcLayer"/>; options <c>src</c>).</summary>
    Src,
}
