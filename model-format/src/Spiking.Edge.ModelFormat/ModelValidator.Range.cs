using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>The range rule that keeps every per-tick sum in 32 bits (semantics §4.5).</summary>
public static partial class ModelValidator
{
    /// <summary>
    /// Full scale Y1 of a layer's outputs (semantics §4): 1 for a BINARY LIF layer, 128 for a GRADED LIF or SRC layer,
    /// 0 for a leaky integrator (it outputs nothing). An unknown neuron model (already refused) counts as 128, the largest.
    /// </summary>
    internal static int OutputFullScale(Layer layer) => layer.Neuron switch
    {
        NeuronModel.Lif => layer.Output == OutputKind.Graded ? Semantics.GradedFullScale : 1,
        NeuronModel.LeakyIntegrator => 0,
        _ => Semantics.GradedFullScale,
    };

    /// <summary>
    /// <c>127 × (A_l + B_l) ≤ 2^30</c> with <c>A_0 = MAX_EVENTS_PER_TICK</c>, <c>A_l = input_size × Y1_{l−1}</c> and
    /// <c>B_l = output_size × Y1_l</c> when the layer has recurrent weights (else 0). Since A alone is at most
    /// 65,535 × 128, only the recurrent weights can break it; the problem names them (or input_size without them).
    /// </summary>
    private static void CheckDriveRange(Layer layer, int l, string at, int previousFullScale, List<ValidationProblem> problems)
    {
        long a = l == 0 ? Semantics.MaxEventsPerTick : (long)layer.InputSize * previousFullScale;
        long b = layer.RecurrentWeights == null ? 0 : (long)layer.OutputSize * OutputFullScale(layer);
        long bound = (long)Semantics.MaxWeightMagnitude * (a + b);
        if (bound > Semantics.DriveLimit)
        {
            string field = b > 0 ? at + ".recurrent_weights" : at + ".input_size";
            problems.Add(new(field, Invariant($"127 × (A + B) ≤ 2^30 = {Semantics.DriveLimit} (semantics §4.5: A = inputs × their full scale, B = recurrent outputs × their full scale)"), Invariant($"127 × ({a} + {b}) = {bound}")));
        }
    }
}
