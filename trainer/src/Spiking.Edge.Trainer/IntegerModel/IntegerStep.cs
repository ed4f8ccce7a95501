using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// One tick of one layer for a whole batch (semantics.md §4), as pure tensor functions: nothing is changed in
/// place, so the same code can be differentiated (see <see cref="IntegerSimulation"/> on quantization-aware
/// training). All tensors are float64 and hold integers exactly.
/// </summary>
internal static class IntegerStep
{
    /// <summary>
    /// §4 steps 1–5 for membranes <paramref name="v"/> [B, out] and input <paramref name="x"/> [B, in]:
    /// leak <c>v − floor(v / 2^s)</c>, integrate <c>clamp(v + bias + x·W, STATE_MIN, STATE_MAX)</c>, record
    /// <c>u = v</c>, fire (≥ or &gt; threshold, LIF only), reset (ZERO, SUBTRACT or NONE).
    /// Returns the membranes after reset, the recorded membranes u, and the spikes (0/1; all 0 for a leaky
    /// integrator). The caller disposes the results (or owns them through a dispose scope).
    /// </summary>
    public static (Tensor Membrane, Tensor Recorded, Tensor Spikes) Forward(IntegerLayerTensors layer, Tensor v, Tensor x)
    {
        Tensor leaked = Leak(v, layer.LeakShift);
        Tensor u = (leaked + layer.Bias + x.matmul(layer.Weights)).clamp(Semantics.StateMin, Semantics.StateMax);
        if (layer.Neuron != NeuronModel.Lif || layer.Threshold is null)
        {
            return (u, u, zeros_like(u));
        }

        Tensor fired = layer.Comparison == ThresholdComparison.Greater ? u.gt(layer.Threshold) : u.ge(layer.Threshold);
        Tensor spikes = fired.to_type(ScalarType.Float64);
        Tensor after = layer.Reset switch
        {
            ResetMode.Zero => u * (1.0 - spikes),
            ResetMode.Subtract => u - (spikes * layer.Threshold),
            _ => u,
        };
        return (after, u, spikes);
    }

    /// <summary>Semantics §4 step 1: <c>v − (v &gt;&gt; s)</c> with the arithmetic shift as floor division by 2^s.</summary>
    public static Tensor Leak(Tensor v, int leakShift)
    {
        return leakShift == 0 ? v.alias() : v - floor(v / (double)(1L << leakShift));
    }
}
