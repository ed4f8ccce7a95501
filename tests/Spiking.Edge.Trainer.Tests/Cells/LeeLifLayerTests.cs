using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class LeeLifLayerTests
{
    private static LeeLifLayer Layer(LeeLifOptions options, int inputs = 2, int outputs = 2, Recurrence recurrence = Recurrence.None)
    {
        using var generator = new Generator(3);
        return new LeeLifLayer(inputs, outputs, options, generator, recurrence: recurrence);
    }

    [Fact]
    public void Refractory_gains_are_the_squared_ratio_rounded_to_q15()
    {
        Assert.Equal([3641 / 32768f, 14564 / 32768f], RefractoryGain.Lee(3));
        Assert.Equal([0.25f], RefractoryGain.Lee(2));
        Assert.Empty(RefractoryGain.Lee(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RefractoryGain.Lee(0));
    }

    [Fact]
    public void Hand_computed_ticks_show_subtract_reset_wta_refractory_gain_and_floor()
    {
        // β = 0.5, T_ref = 2 (gain 0.25 one tick after an output), κ = 0.5, θ = 1 for both neurons.
        using var scope = NewDisposeScope();
        using var layer = Layer(new LeeLifOptions { LeakShift = 1, RefractoryTicks = 2, Inhibition = 0.5f });
        LayerTesting.IdentityWeights(layer);
        LayerTesting.Set(layer.Threshold, 1f, 1f);
        var states = LayerTesting.Run(layer, [[1.2f, 0.4f], [1.0f, 0f], [0f, -3f]]);

        // Tick 0: v = [1.2, 0.4]; neuron 0 fires and keeps 0.2; neuron 1 loses κθ = 0.5 for neuron 0's spike.
        Assert.Equal([1f, 0f], TensorAssert.Values(states[0].Output));
        LayerTesting.Near([0.2f, -0.1f], states[0].Cell[0]);
        // Tick 1: neuron 0's drive is scaled by 0.25: 0.5·0.2 + 0.25·1.0 = 0.35; neuron 1: 0.5·(−0.1) = −0.05.
        Assert.Equal([0f, 0f], TensorAssert.Values(states[1].Output));
        LayerTesting.Near([0.35f, -0.05f], states[1].Cell[0]);
        // Tick 2: gain back to 1; neuron 1 would reach −3.025 but the floor holds it at −θ = −1.
        LayerTesting.Near([0.175f, -1f], states[2].Cell[0]);
    }

    [Fact]
    public void Per_neuron_thresholds_decide_who_fires()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new LeeLifOptions { Inhibition = 0f });
        LayerTesting.IdentityWeights(layer);
        LayerTesting.Set(layer.Threshold, 0.5f, 2f);
        var states = LayerTesting.Run(layer, [[1f, 1f]]);
        Assert.Equal([1f, 0f], TensorAssert.Values(states[0].Output));
    }

    [Fact]
    public void Initial_weights_and_thresholds_follow_lee_et_al()
    {
        using var layer = Layer(new LeeLifOptions { ThresholdAlpha = 5f }, inputs: 48, outputs: 30);
        var bound = MathF.Sqrt(3f / 48);
        var weights = TensorAssert.Values(layer.Weight);
        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        Assert.True(weights.Max() > 0.9f * bound && weights.Min() < -0.9f * bound);
        Assert.All(TensorAssert.Values(layer.Threshold), t => Assert.Equal(5f * bound, t, 6));
        Assert.Null(layer.Bias);
    }

    [Fact]
    public void Multi_step_equals_single_step()
    {
        using var layer = Layer(new LeeLifOptions(), inputs: 6, outputs: 5, recurrence: Recurrence.Dense);
        LayerTesting.AssertMultiStepEqualsSingleStep(layer, ticks: 12, batch: 3, inputScale: 1.5f);
    }

    [Fact]
    public void Gradients_reach_weights_recurrent_weights_and_thresholds()
    {
        using var layer = Layer(new LeeLifOptions(), inputs: 6, outputs: 5, recurrence: Recurrence.Dense);
        LayerTesting.AssertGradientsReachEveryParameter(layer, ticks: 10, batch: 4, inputScale: 1.5f);
    }

    [Fact]
    public void Spec_carries_thresholds_gains_inhibition_and_floor()
    {
        using var layer = Layer(new LeeLifOptions { LeakShift = 3, RefractoryTicks = 3, Inhibition = 0.25f });
        LayerTesting.Set(layer.Threshold, 0.5f, 2f);
        var spec = layer.ToSpec("hidden1");
        Assert.Equal((NeuronModel.Lif, 3, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual), (spec.Neuron, spec.LeakShift, spec.Reset, spec.Comparison));
        Assert.Equal([0.5f, 2f], spec.Thresholds);
        Assert.Equal(1.25f, spec.Threshold);
        Assert.Equal(RefractoryGain.Lee(3), spec.RefractoryGain);
        Assert.Equal([0.125f, 0.5f], spec.Inhibition);
        Assert.Equal([-0.5f, -2f], spec.MembraneFloor);
        Assert.Equal((0, 0, 0), (spec.DecayQ16, spec.CurrentShift, spec.RefractoryTicks));
        Assert.Equal(new float[2], spec.Bias);
        Assert.Empty(spec.RecurrentWeight);
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_field()
    {
        using var generator = new Generator(1);
        var error = Assert.Throws<ConfigException>(() => new LeeLifLayer(2, 2, new LeeLifOptions { RefractoryTicks = 0 }, generator, path: "$.layers[3]"));
        Assert.Equal("$.layers[3].leeLif.refractoryTicks: 0 is outside 1..1024", error.Message);
    }
}
