using Spiking.Edge.Trainer.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class LeakyIntegratorTests
{
    [Fact]
    public void Multi_step_membranes_equal_single_steps()
    {
        using var scope = NewDisposeScope();
        using var integrator = new LeakyIntegrator(leakShift: 3);
        var currents = TensorAssert.Random([9, 2, 4], seed: 3, scale: 1f);
        var multi = integrator.forward(currents);
        var membrane = zeros(2, 4);
        var steps = new List<Tensor>();
        foreach (var slice in currents.unbind(0))
        {
            membrane = integrator.Step(slice, membrane);
            steps.Add(membrane);
        }

        Assert.Equal(TensorAssert.Values(stack(steps, 0)), TensorAssert.Values(multi));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(4, 30)]
    public void Constant_input_accumulates_as_a_geometric_series(int leakShift, int ticks)
    {
        using var scope = NewDisposeScope();
        using var integrator = new LeakyIntegrator(leakShift);
        var membranes = integrator.forward(ones(ticks, 1, 1));
        var beta = 1.0 - Math.Pow(2, -leakShift);
        var values = TensorAssert.Values(membranes);
        for (var t = 0; t < ticks; t++)
        {
            Assert.Equal((1 - Math.Pow(beta, t + 1)) / (1 - beta), values[t], 4);
        }
    }

    [Fact]
    public void Invalid_leak_shift_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyIntegrator(25));
    }
}
