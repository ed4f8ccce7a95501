using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class LateralFactorTests
{
    [Fact]
    public void The_lateral_factor_corrects_for_the_loop_through_the_other_output_neuron()
    {
        // Two output neurons, counts 2 and 1, θ = 2, w0 = 1. Lateral S-PSPs e[post, pre]: e_{0|1} = 3, e_{1|0} = 2
        // (e_{0|0} = 7 is a neuron's own delayed train, which has no synapse and must not count).
        // r_{1|0} = e_{1|0}/o_0 = 1, r_{0|1} = e_{0|1}/o_1 = 3, d = 1/θ = 0.5 for both (both fired).
        // Loop term for either neuron: r_{1|0}·d_1·r_{0|1}·d_0 = 1·0.5·3·0.5 = 0.75 → L = 1/(1 − 0.75) = 4.
        using var scope = NewDisposeScope();
        var psp = tensor(new float[] { 7, 3, 2, 0 }).reshape(1, 2, 2);
        var factor = LateralFactor.Compute(psp, tensor(new float[] { 2, 1 }).reshape(1, 2), null, 1, 2, 4, 1e-4);
        LayerTesting.Near([4f, 4f], factor);
    }

    [Fact]
    public void A_silent_neuron_leaves_the_loop_unless_it_is_the_label_neuron()
    {
        // Neuron 1 silent: d_1 = 0 → L = 1 for both. As the label neuron d_1 = 0.5 and both ratios take the silent value 4:
        // loop = 4·0.5·4·0.5 = 4 → L = 1/(1 − 4) = −1/3 (the reference formula, kept as is).
        using var scope = NewDisposeScope();
        var psp = tensor(new float[] { 0, 0, 0, 0 }).reshape(1, 2, 2);
        var counts = tensor(new float[] { 2, 0 }).reshape(1, 2);
        LayerTesting.Near([1f, 1f], LateralFactor.Compute(psp, counts, null, 1, 2, 4, 1e-4));
        LayerTesting.Near([-1f / 3, -1f / 3], LateralFactor.Compute(psp, counts, tensor(new long[] { 1 }), 1, 2, 4, 1e-4));
    }
}
