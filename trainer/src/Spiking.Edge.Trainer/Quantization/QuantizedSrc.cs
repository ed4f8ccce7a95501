namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// The integer constants of an SRC layer (semantics.md §4.3), as the model's <c>SrcParameters</c> message holds them.
/// Q16 numbers lie in [0, 65536]; Q(F) numbers use <see cref="FractionBits"/> fraction bits (2^F means 1.0).
/// </summary>
/// <param name="FractionBits">F, 8..14.</param>
/// <param name="InputDecay">α in Q16.</param>
/// <param name="InputTable">x = InputTable(i): ρ·tanh(i_real / ρ) in Q(F), the input in the layer's state units.</param>
/// <param name="FastTable">h = FastTable(a): tanh(a_real) in Q(F), the input in Q(F).</param>
/// <param name="FastFeedback">r in Q(F).</param>
/// <param name="SlowFeedback">r_s in Q(F).</param>
/// <param name="GateThreshold">θ_z in Q(F).</param>
/// <param name="SlowGateRest">z_s when h ≤ θ_z, Q16.</param>
/// <param name="SlowGateActive">z_s when h &gt; θ_z, Q16.</param>
/// <param name="RestFast">h at the start of a sample, Q(F).</param>
/// <param name="RestSlow">h_s at the start of a sample, Q(F).</param>
public sealed record QuantizedSrc(
    int FractionBits,
    int InputDecay,
    QuantizedLookupTable InputTable,
    QuantizedLookupTable FastTable,
    int FastFeedback,
    int SlowFeedback,
    int GateThreshold,
    int SlowGateRest,
    int SlowGateActive,
    int RestFast,
    int RestSlow);
