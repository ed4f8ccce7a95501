namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// How a layer's synapses are built: bias, recurrent weights, and the uniform initialisation bounds. Weights are drawn
/// U(−bound, bound) as <c>rand · 2·bound − bound</c> from the network's seeded generator, in the order feed-forward
/// weight [out, in], bias [out] (only when <see cref="BiasBound"/> &gt; 0, else zeros), recurrent weight [out, out].
/// </summary>
/// <param name="HasBias">Whether the layer has a trainable bias in its drive.</param>
/// <param name="WeightBound">Bound of the feed-forward weights.</param>
/// <param name="BiasBound">Bound of the bias (0 = the bias starts at 0 and nothing is drawn).</param>
/// <param name="Recurrence">Recurrent weights on the layer's own previous outputs.</param>
/// <param name="RecurrentBound">Bound of trainable recurrent weights (Dense, Reservoir).</param>
/// <param name="Reservoir">Connectivity options (Reservoir only; null = defaults).</param>
/// <param name="LateralInhibitionWeight">w0 of fixed lateral inhibition (the off-diagonal weights are −w0).</param>
public sealed record LayerWiring(
    bool HasBias,
    double WeightBound,
    double BiasBound,
    Recurrence Recurrence = Recurrence.None,
    double RecurrentBound = 0,
    ReservoirOptions? Reservoir = null,
    float LateralInhibitionWeight = 1f);
