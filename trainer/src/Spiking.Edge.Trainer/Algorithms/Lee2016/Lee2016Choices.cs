namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>The loss on the output layer's spike counts a (the paper's loss was not retrieved, seed-methods §3.3).</summary>
public enum CountLoss
{
    /// <summary>½ Σ_i (a_i/m − y_i)² against the one-hot target y, m from <see cref="Lee2016Options.Normaliser"/> (held constant in the derivative).</summary>
    NormalisedMse,

    /// <summary>Softmax cross-entropy with the counts as logits: log Σ_i exp(a_i) − a_label.</summary>
    CrossEntropy,
}

/// <summary>The per-sample scale m of <see cref="CountLoss.NormalisedMse"/>.</summary>
public enum CountNormaliser
{
    /// <summary>The sample's largest output count (1 when every output is silent): the winner's target is its own count.</summary>
    Max,

    /// <summary>The number of ticks T: the target is one output per tick.</summary>
    Ticks,
}

/// <summary>How the backward pass treats the winner-take-all coupling θ_i (a_i + σκ Σ_{h≠i} a_h) = s_i of a layer.</summary>
public enum WtaBackward
{
    /// <summary>Solves the layer's linear system exactly (closed form: the matrix is (1 − σκ)I + σκ·11ᵀ).</summary>
    Solve,

    /// <summary>First order in σκ, the paper's ∂a_i/∂a_h = −σκ applied once: λ_i = g_i − σκ Σ_{h≠i} g_h.</summary>
    FirstOrder,
}

/// <summary>The slope ∂a_i/∂θ_i of a neuron's count with respect to its threshold.</summary>
public enum ThresholdSlope
{
    /// <summary>−a_i/θ_i with the measured count (the paper's slope as recalled).</summary>
    Count,

    /// <summary>−(a_i + σκ Σ_{h≠i} a_h)/θ_i = −s_i/θ_i² of the linearised winner-take-all relation (equal to <see cref="Count"/> when σκ = 0).</summary>
    Inhibited,
}

/// <summary>The slope ∂x_j/∂a_j from a lower neuron's spike count a_j to the effective input x_j it gives the layer above.</summary>
public enum InputSlope
{
    /// <summary>x_j/a_j (1 when a_j = 0): x grows in proportion to the count, with the sample's own spike timing.</summary>
    Ratio,

    /// <summary>1: every extra spike counts as one undecayed input.</summary>
    One,
}
