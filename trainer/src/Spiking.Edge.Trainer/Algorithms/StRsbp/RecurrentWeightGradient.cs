namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>How a reservoir layer's weight gradients use the linear system L·do = R·do_below (seed-methods §2.5).</summary>
public enum RecurrentWeightGradient
{
    /// <summary>The full derivative: ∂E/∂w_ij = (δ̂ᵀL⁻¹)_i · e_{i|j}, likewise for recurrent weights (default).</summary>
    Full,

    /// <summary>The reference code's approximation with the diagonal of L only: ∂E/∂w_ij = δ̂_i · e_{i|j} / L_ii.</summary>
    Diagonal,
}
