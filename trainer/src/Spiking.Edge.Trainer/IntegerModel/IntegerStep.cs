using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// One tick of one layer for a whole batch (semantics.md §4), as pure tensor functions: nothing is changed in
/// place, so the same code can be differentiated (see <see cref="IntegerSimulation"/> on quantization-aware
/// training). All tensors are float64 and hold integers exactly; every shift is a floor division by a power of two,
/// and every product stays below 2^53 (§4.5 bounds the drive to 31 bits, states to 24 bits, constants to 24 bits).
/// </summary>
internal static class IntegerStep
{
    /// <summary>
    /// §4.1 (LIF), §4.2 (leaky integrator) or §4.3 (SRC) for the batch state <paramref name="state"/> and the layer input
    /// <paramref name="x"/> [B, in] (event counts, spikes, or graded Q7 values). Returns the next state, the recorded
    /// membranes u (SRC: h) and the outputs y (0/1 BINARY, 0..128 GRADED and SRC, all 0 for a leaky integrator).
    /// The caller disposes the results (or owns them through a dispose scope).
    /// </summary>
    public static (IntegerLayerState Next, Tensor Recorded, Tensor Output) Forward(IntegerLayerTensors layer, IntegerLayerState state, Tensor x)
    {
        if (layer.Src is not null)
        {
            return IntegerSrcStep.Forward(layer, state, x);
        }

        // Step 1: ticks since the last output.
        Tensor n = layer.CounterLimit > 0 ? state.Counter.add(S(1)).clamp_max(S(layer.CounterLimit)) : state.Counter;

        // Steps 2–4: drive, soft refractory gain, synaptic current.
        Tensor d = Drive(layer, state, x) + layer.Bias;
        if (layer.RefractoryGain is { } gain)
        {
            Tensor g = gain.take(n.sub(S(1)).clamp(S(0), S(layer.GainLength - 1)).to_type(ScalarType.Int64));
            d = where(n.le(S(layer.GainLength)), floor((d * g).div(S(32768))), d);
        }

        Tensor c = state.Current;
        if (layer.CurrentShift > 0)
        {
            c = (c - Shift(c, layer.CurrentShift) + d).clamp(S(Semantics.StateMin), S(Semantics.StateMax));
            d = c;
        }

        // Steps 5–8: leak, integrate, state activation, hard refractory.
        Tensor v = (Leak(state.Membrane, layer) + d).clamp(S(Semantics.StateMin), S(Semantics.StateMax));
        if (layer.LeakyRelu)
        {
            v = where(v.lt(S(0)), floor(v.mul(S(layer.NegativeSlope)).div(S(65536))), v);
        }

        if (layer.RefractoryTicks > 0)
        {
            v = where(n.le(S(layer.RefractoryTicks)), zeros_like(v), v);
        }

        // Step 9: record.
        Tensor u = v;
        if (layer.Neuron != NeuronModel.Lif || layer.Threshold is null)
        {
            return (state with { Membrane = u, Current = c }, u, zeros_like(u));
        }

        // Step 10: output.
        Tensor y = layer.OutputTable is { } table
            ? table.Lookup(v - layer.Threshold)
            : (layer.Comparison == ThresholdComparison.Greater ? v.gt(layer.Threshold) : v.ge(layer.Threshold)).to_type(ScalarType.Float64);
        Tensor fired = y.gt(S(0));
        if (layer.CounterLimit > 0)
        {
            n = where(fired, zeros_like(n), n);
        }

        // Steps 11–13: reset, winner-take-all inhibition, floor.
        v = ResetMembrane(layer, v, y, fired);
        if (layer.Inhibition is { } inhibition)
        {
            Tensor total = y.sum(1, keepdim: true);
            v = (v - (inhibition * (total - y))).clamp(S(Semantics.StateMin), S(Semantics.StateMax));
        }

        if (layer.MembraneFloor is { } membraneFloor)
        {
            v = maximum(v, membraneFloor);
        }

        return (new IntegerLayerState(v, c, n, state.Fast, state.Slow, y), u, y);
    }

    /// <summary>§4.0 without the bias: <c>Σ_i x[i] W[i][o] + Σ_p y_prev[p] R[p][o]</c>.</summary>
    public static Tensor Drive(IntegerLayerTensors layer, IntegerLayerState state, Tensor x)
    {
        Tensor d = x.matmul(layer.Weights);
        return layer.Recurrent is { } recurrent ? d + state.PreviousOutput.matmul(recurrent) : d;
    }

    /// <summary>Semantics §4.1 step 5: <c>(v × decay) &gt;&gt; 16</c>, or <c>v − (v &gt;&gt; leak_shift)</c>, or unchanged.</summary>
    public static Tensor Leak(Tensor v, IntegerLayerTensors layer)
    {
        return layer.Decay > 0 ? floor(v.mul(S(layer.Decay)).div(S(65536))) : Leak(v, layer.LeakShift);
    }

    /// <summary>Semantics §4.1 step 5 (shift form): <c>v − (v &gt;&gt; s)</c> with the arithmetic shift as floor division by 2^s.</summary>
    public static Tensor Leak(Tensor v, int leakShift)
    {
        return leakShift == 0 ? v.alias() : v - Shift(v, leakShift);
    }

    /// <summary>The arithmetic shift <c>v &gt;&gt; s</c> as <c>floor(v / 2^s)</c>.</summary>
    public static Tensor Shift(Tensor v, int s) => floor(v.div(S(1L << s)));

    /// <summary>§4.1 step 11, scope NEURON or LAYER.</summary>
    private static Tensor ResetMembrane(IntegerLayerTensors layer, Tensor v, Tensor y, Tensor fired)
    {
        double y1 = layer.FullScale;
        if (layer.LayerScope)
        {
            Tensor largest = y.amax([1L], keepdim: true);
            return layer.Reset == ResetMode.Gate
                ? floor((v * largest.neg().add(S(y1))).div(S(y1)))
                : where(largest.gt(S(0)), zeros_like(v), v);
        }

        return layer.Reset switch
        {
            ResetMode.Zero => where(fired, zeros_like(v), v),
            ResetMode.Subtract => where(fired, v - layer.Threshold!, v),
            ResetMode.Gate => floor((v * y.neg().add(S(y1))).div(S(y1))),
            _ => v,
        };
    }
}
