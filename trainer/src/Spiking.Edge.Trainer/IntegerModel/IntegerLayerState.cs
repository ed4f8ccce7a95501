using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// What one layer carries from tick to tick for a batch (semantics.md §4), each tensor [B, out], float64 integers:
/// the membrane v (SRC: the input integrator i), the synaptic current c, the counter n of ticks since the last output,
/// the SRC fast and slow states h and h_s, and the previous tick's outputs y (the rows of the recurrent weights).
/// Fields a layer does not use keep their start values.
/// </summary>
internal sealed record IntegerLayerState(Tensor Membrane, Tensor Current, Tensor Counter, Tensor Fast, Tensor Slow, Tensor PreviousOutput)
{
    /// <summary>The state at the start of a sample (semantics §5): v = c = 0, n = N, h and h_s at rest, no previous output.</summary>
    public static IntegerLayerState Start(IntegerLayerTensors layer, int batch)
    {
        int outputs = layer.OutputSize;
        return new IntegerLayerState(
            zeros(batch, outputs, ScalarType.Float64),
            zeros(batch, outputs, ScalarType.Float64),
            full(batch, outputs, S(layer.CounterLimit), ScalarType.Float64),
            full(batch, outputs, S(layer.Src?.RestFast ?? 0), ScalarType.Float64),
            full(batch, outputs, S(layer.Src?.RestSlow ?? 0), ScalarType.Float64),
            zeros(batch, outputs, ScalarType.Float64));
    }

    /// <summary>Copies <paramref name="next"/> into these tensors in place (the carried state of <see cref="IntegerSimulation"/>).</summary>
    public void CopyFrom(IntegerLayerState next)
    {
        Membrane.copy_(next.Membrane);
        Current.copy_(next.Current);
        Counter.copy_(next.Counter);
        Fast.copy_(next.Fast);
        Slow.copy_(next.Slow);
        PreviousOutput.copy_(next.PreviousOutput);
    }
}
