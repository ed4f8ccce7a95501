using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// Options of the spiking recurrent cell (<see cref="SrcLayer"/>, De Geeter et al., seed-methods §1.2 with z = 0).
/// α and the slow gates are rounded to Q16 and used as exactly q/65536 (semantics §4.3).
/// </summary>
public sealed record SrcOptions
{
    /// <summary>Input integrator decay α in [0, 1).</summary>
    public float Alpha { get; init; } = 0.9f;

    /// <summary>Input saturation bound ρ &gt; 0: x = ρ tanh(i/ρ).</summary>
    public float Rho { get; init; } = 3f;

    /// <summary>Fast positive feedback r.</summary>
    public float FastFeedback { get; init; } = 2f;

    /// <summary>Slow negative feedback r_s.</summary>
    public float SlowFeedback { get; init; } = -7f;

    /// <summary>θ_z: the slow gate switches to <see cref="SlowGateActive"/> when the previous h &gt; θ_z.</summary>
    public float GateThreshold { get; init; } = 0.5f;

    /// <summary>z_hyp in [0, 1] (at rest).</summary>
    public float SlowGateRest { get; init; } = 0.9f;

    /// <summary>z_dep in [0, 1] (while spiking).</summary>
    public float SlowGateActive { get; init; }

    /// <summary>Initial value of the learned per-neuron bias b (the rest state is computed with it).</summary>
    public float BiasInit { get; init; } = -6f;

    /// <summary>b is clamped to ≤ this value in the forward pass.</summary>
    public float BiasMax { get; init; } = -4f;

    /// <summary>Gain g of the weight initialisation U(±g·√(3/fan_in)).</summary>
    public float InitGain { get; init; } = 2f;

    /// <summary>Detach h_prev and h_s,prev inside the recurrence (gradients still flow through the input integrator).</summary>
    public bool DetachRecurrence { get; init; } = true;

    /// <summary>Straight-through ReLU: forward ReLU(h), backward slope 1 everywhere.</summary>
    public bool StraightThroughRelu { get; init; } = true;

    /// <summary>Throws <see cref="ConfigException"/> for the first bad value.</summary>
    /// <param name="path">JSON path of these options.</param>
    public void Validate(string path = "src")
    {
        if (!float.IsFinite(Alpha) || FixedPoint.ToQ16(Alpha) is < 0 or > 65535)
        {
            throw new ConfigException($"{path}.alpha", $"{ConfigCheck.Text(Alpha)} must lie in [0, 1) on the Q16 grid");
        }

        ConfigCheck.Positive($"{path}.rho", Rho);
        ConfigCheck.Finite($"{path}.fastFeedback", FastFeedback);
        ConfigCheck.Finite($"{path}.slowFeedback", SlowFeedback);
        ConfigCheck.Closed($"{path}.gateThreshold", GateThreshold, -1f, 1f);
        ConfigCheck.Closed($"{path}.slowGateRest", SlowGateRest, 0f, 1f);
        ConfigCheck.Closed($"{path}.slowGateActive", SlowGateActive, 0f, 1f);
        ConfigCheck.Finite($"{path}.biasInit", BiasInit);
        ConfigCheck.Finite($"{path}.biasMax", BiasMax);
        if (BiasInit > BiasMax)
        {
            throw new ConfigException($"{path}.biasInit", $"{ConfigCheck.Text(BiasInit)} is above biasMax {ConfigCheck.Text(BiasMax)}");
        }

        ConfigCheck.Positive($"{path}.initGain", InitGain);
    }
}
