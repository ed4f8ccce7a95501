using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class SrcLayerTests
{
    private const double AlphaQ16 = 58982 / 65536.0;
    private const double GateRestQ16 = 58982 / 65536.0;

    private static SrcLayer Layer(SrcOptions options, int inputs = 2, int outputs = 2, Recurrence recurrence = Recurrence.None)
    {
        using var generator = new Generator(8);
        return new SrcLayer(inputs, outputs, options, generator, recurrence: recurrence);
    }

    [Fact]
    public void Rest_state_is_the_zero_input_equilibrium_near_minus_0_9()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SrcOptions());
        Assert.InRange(layer.RestFast, -0.91f, -0.89f);
        Assert.InRange(layer.RestSlow, -0.91f, -0.89f);
        // One tick without input leaves the cell where it is, and it emits nothing.
        var state = layer.Step(zeros(3, 2), layer.InitialState(3));
        LayerTesting.Near([.. Enumerable.Repeat(layer.RestFast, 6)], state.Cell[1], 1e-6);
        LayerTesting.Near([.. Enumerable.Repeat(layer.RestSlow, 6)], state.Cell[2], 1e-6);
        Assert.All(TensorAssert.Values(state.Output), y => Assert.Equal(0f, y));
        // And the fixed point satisfies h = tanh((r + r_s) h + b) with h = h_s.
        Assert.Equal(Math.Tanh((-5 * layer.RestFast) - 6), layer.RestFast, 5);
    }

    [Fact]
    public void One_tick_from_a_known_state_follows_the_float_form_of_semantics_4_3()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SrcOptions());
        LayerTesting.IdentityWeights(layer);
        // Neuron 0 is depolarised (h = 0.6 > θ_z: z = z_dep = 0); neuron 1 is not (h = 0.3: z = z_hyp).
        var state = new LayerState(zeros(1, 2), tensor(new[] { 0.5f, -0.2f }).reshape(1, 2), tensor(new[] { 0.6f, 0.3f }).reshape(1, 2), tensor(new[] { 0.2f, 0.1f }).reshape(1, 2));
        var next = layer.Step(tensor(new[] { 1f, 2f }).reshape(1, 2), state);

        double[] i = [(AlphaQ16 * 0.5f) + 1, (AlphaQ16 * -0.2f) + 2];
        double[] h = [0.6f, 0.3f];
        double[] hs = [0.2f, 0.1f];
        double[] z = [0, GateRestQ16];
        var expectedFast = new float[2];
        var expectedSlow = new float[2];
        for (var o = 0; o < 2; o++)
        {
            var x = 3 * Math.Tanh(i[o] / 3);
            expectedFast[o] = (float)Math.Tanh(x + (2 * h[o]) - (7 * hs[o]) - 6);
            expectedSlow[o] = (float)((z[o] * hs[o]) + ((1 - z[o]) * h[o]));
        }

        LayerTesting.Near([(float)i[0], (float)i[1]], next.Cell[0]);
        LayerTesting.Near(expectedFast, next.Cell[1]);
        LayerTesting.Near(expectedSlow, next.Cell[2]);
        LayerTesting.Near([Math.Max(expectedFast[0], 0f), Math.Max(expectedFast[1], 0f)], next.Output);
    }

    [Fact]
    public void Enough_input_makes_a_spike_that_the_slow_state_ends()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SrcOptions(), inputs: 1, outputs: 1);
        LayerTesting.IdentityWeights(layer);
        var drives = new float[20][];
        for (var t = 0; t < drives.Length; t++)
        {
            drives[t] = [t < 3 ? 4f : 0f];
        }

        var outputs = LayerTesting.Run(layer, drives).Select(s => TensorAssert.Values(s.Output)[0]).ToArray();
        Assert.True(outputs.Max() > 0.5f, $"no spike: {string.Join(", ", outputs)}");
        Assert.Equal(0f, outputs[^1]);
    }

    [Fact]
    public void Bias_is_clamped_to_bias_max_in_the_forward_pass_and_the_spec()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new SrcOptions());
        LayerTesting.Set(layer.FastBias, -2f, -5f);
        Assert.Equal([-4f, -5f], TensorAssert.Values(layer.EffectiveBias()));
        Assert.Equal([-4f, -5f], layer.ToSpec("src").Bias);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Multi_step_equals_single_step_with_either_switch(bool detach, bool straightThrough)
    {
        using var layer = Layer(new SrcOptions { DetachRecurrence = detach, StraightThroughRelu = straightThrough }, 6, 5);
        LayerTesting.AssertMultiStepEqualsSingleStep(layer, ticks: 12, batch: 3, inputScale: 3f);
    }

    [Fact]
    public void Gradients_reach_weights_and_bias()
    {
        using var layer = Layer(new SrcOptions(), 6, 5, Recurrence.Dense);
        LayerTesting.AssertGradientsReachEveryParameter(layer, ticks: 12, batch: 3, inputScale: 3f);
        Assert.Equal(["weight", "recurrent_weight", "src_bias"], layer.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Straight_through_relu_passes_gradient_where_the_output_is_zero()
    {
        // At rest h < 0, so ReLU(h) = 0: only the straight-through version lets the gradient reach the weights.
        using var scope = NewDisposeScope();
        foreach (var straightThrough in new[] { false, true })
        {
            using var layer = Layer(new SrcOptions { StraightThroughRelu = straightThrough }, 2, 2);
            layer.forward(zeros(3, 1, 2).add_(0.01f)).sum().backward();
            var gradient = TensorAssert.Values(layer.Weight.grad!).Sum(Math.Abs);
            Assert.Equal(straightThrough, gradient > 0f);
        }
    }

    [Fact]
    public void Detached_recurrence_stops_the_gradient_through_the_fast_state()
    {
        // With the input integrator frozen (α = 0) the only path from tick 0's drive to tick 1's output runs through h.
        using var scope = NewDisposeScope();
        foreach (var detach in new[] { false, true })
        {
            using var layer = Layer(new SrcOptions { Alpha = 0f, DetachRecurrence = detach }, 1, 1);
            LayerTesting.IdentityWeights(layer);
            var inputs = tensor(new[] { 5f, 0f }).reshape(2, 1, 1).requires_grad_();
            var outputs = layer.forward(inputs);
            outputs.unbind(0)[1].sum().backward();
            var toFirstTick = TensorAssert.Values(inputs.grad!)[0];
            Assert.Equal(detach, toFirstTick == 0f);
        }
    }

    [Fact]
    public void Spec_is_an_src_layer_with_the_q16_rounded_constants_and_rest_values()
    {
        using var layer = Layer(new SrcOptions(), 3, 2);
        var spec = layer.ToSpec("src1");
        Assert.Equal((NeuronModel.Src, ResetMode.Unspecified, ThresholdComparison.Unspecified, 0), (spec.Neuron, spec.Reset, spec.Comparison, spec.LeakShift));
        Assert.True(spec.HasGradedOutput);
        var src = spec.Src!;
        Assert.Equal(((float)AlphaQ16, 3f, 2f, -7f, 0.5f, (float)GateRestQ16, 0f), (src.Alpha, src.Rho, src.FastFeedback, src.SlowFeedback, src.GateThreshold, src.SlowGateRest, src.SlowGateActive));
        Assert.Equal((layer.RestFast, layer.RestSlow), (src.RestFast, src.RestSlow));
        Assert.Equal([-6f, -6f], spec.Bias);
    }

    [Fact]
    public void Rest_is_computed_with_the_initial_bias()
    {
        var (fast, _) = SrcRest.Equilibrium(2, -7, 0.5, GateRestQ16, 0, -5);
        using var layer = Layer(new SrcOptions { BiasInit = -5f });
        Assert.Equal(fast, layer.RestFast);
        Assert.NotEqual(fast, SrcRest.Equilibrium(2, -7, 0.5, GateRestQ16, 0, -6).Fast);
    }
}
