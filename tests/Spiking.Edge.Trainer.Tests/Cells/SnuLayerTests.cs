using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class SnuLayerTests
{
    private static SnuLayer Layer(SnuOptions options, bool graded = false, int inputs = 2, int outputs = 2, Recurrence recurrence = Recurrence.None)
    {
        using var generator = new Generator(6);
        return new SnuLayer(inputs, outputs, options, graded, generator, recurrence: recurrence);
    }

    [Fact]
    public void Hand_computed_ticks_show_the_decay_the_strict_step_and_the_gate_reset()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SnuOptions { Decay = 0.5f });
        LayerTesting.IdentityWeights(layer);
        var states = LayerTesting.Run(layer, [[0.6f, 1.5f], [0.5f, 1.0f], [0.3f, 0f]]);
        Assert.Equal([0f, 1f], TensorAssert.Values(states[0].Output));
        LayerTesting.Near([0.6f, 0f], states[0].Cell[0]);
        // v = 0.5·0.6 + 0.5 = 0.8 and 0.5·0 + 1.0 = 1.0, which is not strictly above θ = 1.
        Assert.Equal([0f, 0f], TensorAssert.Values(states[1].Output));
        LayerTesting.Near([0.8f, 1f], states[1].Cell[0]);
        LayerTesting.Near([0.7f, 0.5f], states[2].Cell[0]);
    }

    [Fact]
    public void Decay_is_used_exactly_as_its_q16_value()
    {
        using var layer = Layer(new SnuOptions { Decay = 0.8f });
        Assert.Equal(52429, layer.Options.DecayQ16);
        Assert.Equal(52429 / 65536f, layer.Decay);
    }

    [Fact]
    public void Leaky_relu_scales_negative_states_by_the_q16_slope()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SnuOptions { Activation = StateActivation.LeakyRelu, NegativeSlope = 0.1f });
        LayerTesting.IdentityWeights(layer);
        var state = LayerTesting.Run(layer, [[-1f, 0.5f]])[0];
        Assert.Equal([-6554 / 65536f, 0.5f], TensorAssert.Values(state.Cell[0]));
    }

    [Fact]
    public void Layer_scope_reset_uses_the_largest_output_of_each_sample_not_of_the_batch()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SnuOptions { Decay = 0.5f, ResetScope = ResetScope.Layer });
        LayerTesting.IdentityWeights(layer);
        // Sample 0: neuron 0 fires, so both of its neurons reset; sample 1: nothing fires, nothing resets.
        var states = LayerTesting.Run(layer, [[1.5f, 0.6f, 0.6f, 0.2f], [0f, 0f, 0f, 0f]], batch: 2);
        Assert.Equal([1f, 0f, 0f, 0f], TensorAssert.Values(states[0].Output));
        LayerTesting.Near([0f, 0f, 0.6f, 0.2f], states[0].Cell[0]);
        LayerTesting.Near([0f, 0f, 0.3f, 0.1f], states[1].Cell[0]);
    }

    [Fact]
    public void Soft_snu_outputs_the_sigmoid_and_gates_by_it()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SnuOptions { Decay = 0.5f }, graded: true);
        LayerTesting.IdentityWeights(layer);
        var states = LayerTesting.Run(layer, [[1f, 3f], [0f, 0f]]);
        var y = TensorAssert.Values(states[0].Output);
        Assert.Equal(0.5f, y[0], 6);
        Assert.Equal(1 / (1 + Math.Exp(-2)), y[1], 6);
        var v = TensorAssert.Values(states[0].Cell[0]);
        Assert.Equal(0.5f, v[0], 6);
        Assert.Equal(3 * (1 - y[1]), v[1], 5);
        // Tick 1: v = 0.5·0.5 = 0.25, y = σ(0.25 − 1), kept v = 0.25 (1 − y).
        Assert.Equal(0.25 * (1 - (1 / (1 + Math.Exp(0.75)))), TensorAssert.Values(states[1].Cell[0])[0], 6);
        Assert.True(layer.HasGradedOutput);
    }

    [Theory]
    [InlineData(PseudoDerivative.Tanh)]
    [InlineData(PseudoDerivative.Sigmoid)]
    public void Step_spike_is_strict_and_its_gradient_is_the_chosen_pseudo_derivative(PseudoDerivative kind)
    {
        using var scope = NewDisposeScope();
        float[] points = [-2f, -0.5f, 0f, 0.25f, 1.5f];
        var x = tensor(points).requires_grad_();
        var y = StepSpike.Step(x, kind);
        Assert.Equal([0f, 0f, 0f, 1f, 1f], TensorAssert.Values(y));
        y.sum().backward();
        var gradient = TensorAssert.Values(x.grad!);
        for (var i = 0; i < points.Length; i++)
        {
            var expected = kind == PseudoDerivative.Tanh
                ? 1 - Math.Pow(Math.Tanh(points[i]), 2)
                : Math.Exp(-points[i]) / Math.Pow(1 + Math.Exp(-points[i]), 2);
            Assert.Equal(expected, gradient[i], 6);
        }
    }

    [Fact]
    public void Tanh_and_sigmoid_pseudo_derivatives_differ_in_height_at_zero()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1).requires_grad_();
        StepSpike.Step(x, PseudoDerivative.Tanh).sum().backward();
        Assert.Equal(1f, TensorAssert.Values(x.grad!)[0], 6);
        x.grad!.zero_();
        StepSpike.Step(x, PseudoDerivative.Sigmoid).sum().backward();
        Assert.Equal(0.25f, TensorAssert.Values(x.grad!)[0], 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Multi_step_equals_single_step_with_recurrent_h(bool graded)
    {
        using var layer = Layer(new SnuOptions { Activation = StateActivation.LeakyRelu }, graded, 6, 5, Recurrence.Dense);
        LayerTesting.AssertMultiStepEqualsSingleStep(layer, ticks: 12, batch: 3, inputScale: 1.5f);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gradients_reach_weights_recurrent_weights_and_thresholds(bool graded)
    {
        using var layer = Layer(new SnuOptions { ResetScope = ResetScope.Layer }, graded, 6, 5, Recurrence.Dense);
        LayerTesting.AssertGradientsReachEveryParameter(layer, ticks: 10, batch: 4, inputScale: 1.5f);
    }

    [Theory]
    [InlineData(false, OutputKind.Binary, ThresholdComparison.Greater)]
    [InlineData(true, OutputKind.Graded, ThresholdComparison.Unspecified)]
    public void Spec_has_decay_gate_reset_activation_output_kind_scope_and_thresholds(bool graded, OutputKind output, ThresholdComparison comparison)
    {
        using var layer = Layer(new SnuOptions { Decay = 0.9f, Activation = StateActivation.LeakyRelu, NegativeSlope = 0.1f, ResetScope = ResetScope.Layer }, graded, 3, 2, Recurrence.Dense);
        LayerTesting.Set(layer.Threshold, 1f, 0.5f);
        var spec = layer.ToSpec("snu1");
        Assert.Equal((NeuronModel.Lif, 58982, 0, ResetMode.Gate, comparison, output), (spec.Neuron, spec.DecayQ16, spec.LeakShift, spec.Reset, spec.Comparison, spec.Output));
        Assert.Equal((StateActivation.LeakyRelu, 6554 / 65536f, ResetScope.Layer), (spec.Activation, spec.NegativeSlope, spec.ResetScope));
        Assert.Equal([1f, 0.5f], spec.Thresholds);
        Assert.Equal(4, spec.RecurrentWeight.Length);
        Assert.Equal(graded, spec.HasGradedOutput);
    }

    [Fact]
    public void Weights_start_glorot_uniform_and_thresholds_at_one()
    {
        using var layer = Layer(new SnuOptions(), inputs: 30, outputs: 20);
        var bound = MathF.Sqrt(6f / 50);
        Assert.All(TensorAssert.Values(layer.Weight), w => Assert.InRange(w, -bound, bound));
        Assert.All(TensorAssert.Values(layer.Threshold), t => Assert.Equal(1f, t));
    }
}
