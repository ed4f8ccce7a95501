namespace Spiking.Edge.Trainer.Quantization;

/// <summary>How far one layer's integer weights, scaled back, lie from the float weights.</summary>
/// <param name="Name">Layer name.</param>
/// <param name="MaxAbsError">Largest |w − W × s_o| over the layer (and |r − R × RecurrentScale[o]| over its recurrent weights).</param>
/// <param name="BoundFraction">
/// Largest error relative to the neuron's bound s_o / 2 (at most 1 when no weight was clamped).
/// </param>
/// <param name="ZeroFraction">Fraction of the layer's integer weights that are 0.</param>
/// <param name="BecameZeroFraction">Fraction of the layer's weights that were non-zero in float and are 0 now.</param>
public sealed record LayerQuantizationError(string Name, double MaxAbsError, double BoundFraction, double ZeroFraction, double BecameZeroFraction);
