using Spiking.Edge.Runtime;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>One tick of an SRC layer for a batch (semantics.md §4.3), pure like <see cref="IntegerStep"/>.</summary>
internal static class IntegerSrcStep
{
    /// <summary>Steps 1–8 of §4.3; the state's membrane is the input integrator i. Returns the next state, u = h and y.</summary>
    public static (IntegerLayerState Next, Tensor Recorded, Tensor Output) Forward(IntegerLayerTensors layer, IntegerLayerState state, Tensor x)
    {
        SrcTensors src = layer.Src!;
        double one = Math.Pow(2, src.FractionBits);
        Tensor d = IntegerStep.Drive(layer, state, x);
        Tensor i = (floor(state.Membrane.mul(S(src.InputDecay)).div(S(65536))) + d).clamp(S(Semantics.StateMin), S(Semantics.StateMax));
        Tensor input = src.InputTable.Lookup(i);
        Tensor h = state.Fast, slow = state.Slow;
        Tensor z = h.gt(S(src.GateThreshold)).to_type(ScalarType.Float64).mul(S(src.SlowGateActive - src.SlowGateRest)).add(S(src.SlowGateRest));
        Tensor a = input + floor(h.mul(S(src.FastFeedback)).div(S(one))) + floor(slow.mul(S(src.SlowFeedback)).div(S(one))) + layer.Bias;
        Tensor nextSlow = h + floor((z * (slow - h)).div(S(65536))); // §4.3 step 5: z h_s + (1 − z) h with one rounding
        Tensor nextFast = src.FastTable.Lookup(a);
        Tensor y = floor(nextFast.clamp_min(S(0)).div(S(Math.Pow(2, src.FractionBits - 7)))).clamp_max(S(Semantics.GradedFullScale));
        return (state with { Membrane = i, Fast = nextFast, Slow = nextSlow, PreviousOutput = y }, nextFast, y);
    }
}
