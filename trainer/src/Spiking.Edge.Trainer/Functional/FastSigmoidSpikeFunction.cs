using Spiking.Edge.ModelFormat.Proto;
using TorchSharp;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// Custom autograd function: forward is the Heaviside step H(h − θ) (≥ or &gt;), backward multiplies the incoming
/// gradient by the fast-sigmoid surrogate 1/(1 + k|h − θ|)². Saves only h. Arguments: membrane h (tensor),
/// threshold θ (float), slope k (float), comparison (ThresholdComparison).
/// </summary>
internal sealed class FastSigmoidSpikeFunction : autograd.SingleTensorFunction<FastSigmoidSpikeFunction>
{
    public override string Name => "FastSigmoidSpike";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var membrane = (Tensor)vars[0];
        var threshold = (float)vars[1];
        var comparison = (ThresholdComparison)vars[3];
        ctx.save_for_backward([membrane]);
        ctx.save_data("threshold", threshold);
        ctx.save_data("slope", vars[2]);
        using var fired = comparison == ThresholdComparison.Greater ? membrane.gt(S(threshold)) : membrane.ge(S(threshold));
        return fired.to_type(membrane.dtype);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var membrane = ctx.get_saved_variables()[0];
        var threshold = (float)ctx.get_data("threshold");
        var slope = (float)ctx.get_data("slope");
        using var surrogate = SurrogateSpike.FastSigmoidDerivative(membrane, threshold, slope);
        membrane.Dispose();
        return [grad_output.mul(surrogate), null!, null!, null!];
    }
}
