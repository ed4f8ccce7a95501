namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>How a reservoir layer passes its error to the layer below (seed-methods §2.5).</summary>
public enum RecurrentSolve
{
    /// <summary>The chain rule: δ_below = δ̂ᵀ L⁻¹ R (the paper's mathematics; default).</summary>
    ChainRule,

    /// <summary>
    /// δ_below = δ̂ᵀ R L⁻¹, what the reference code effectively computes (its row-major buffers read column-major by the
    /// solver) when the layer's input and output sizes are equal; refused when they differ.
    /// </summary>
    ReferenceTransposed,
}
