using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class LifStepTests
{
    private static readonly float[] Currents = [0.5f, 1f, 1.7f];

    [Theory]
    [InlineData(ResetMode.Subtract, new[] { 0.5f, 0f, 0.7f })]
    [InlineData(ResetMode.Zero, new[] { 0.5f, 0f, 0f })]
    [InlineData(ResetMode.None, new[] { 0.5f, 1f, 1.7f })]
    public void Each_reset_mode_acts_on_the_pre_reset_membrane_of_neurons_that_fired(ResetMode reset, float[] expectedMembrane)
    {
        using var scope = NewDisposeScope();
        var result = LifStep.Step(tensor(Currents), zeros(3), new LifParameters(reset: reset));
        Assert.Equal(new[] { 0f, 1f, 1f }, TensorAssert.Values(result.Spikes));
        var membrane = TensorAssert.Values(result.Membrane);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expectedMembrane[i], membrane[i], 5);
        }
    }

    [Fact]
    public void Membrane_leaks_by_beta_before_the_input_is_added()
    {
        using var scope = NewDisposeScope();
        var result = LifStep.Step(tensor(new[] { 0.1f }), tensor(new[] { 0.8f }), new LifParameters(leakShift: 2));
        Assert.Equal((0.8f * 0.75f) + 0.1f, TensorAssert.Values(result.Membrane)[0], 6);
        Assert.Equal(0f, TensorAssert.Values(result.Spikes)[0]);
    }

    [Theory]
    [InlineData(true, 1f)]
    [InlineData(false, 0f)]
    public void Detached_reset_keeps_the_surrogate_gradient_out_of_the_reset_path(bool detachReset, float expectedGradient)
    {
        // h = I = θ exactly: surrogate = 1, so v' = h − s θ has dv'/dI = 1 − θ·1 = 0 unless the reset is detached.
        using var scope = NewDisposeScope();
        var input = tensor(new[] { 1f }).requires_grad_();
        var result = LifStep.Step(input, zeros(1), new LifParameters(detachReset: detachReset));
        result.Membrane.sum().backward();
        Assert.Equal(expectedGradient, TensorAssert.Values(input.grad!)[0], 5);
    }
}
