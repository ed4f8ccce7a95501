using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class LifTests
{
    [Theory]
    [InlineData(ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, 4)]
    [InlineData(ResetMode.Zero, ThresholdComparison.Greater, 2)]
    [InlineData(ResetMode.None, ThresholdComparison.GreaterOrEqual, 0)]
    public void Multi_step_spikes_and_input_gradients_equal_the_cell_applied_tick_by_tick(ResetMode reset, ThresholdComparison comparison, int leakShift)
    {
        using var scope = NewDisposeScope();
        var parameters = new LifParameters(leakShift, 1f, reset, comparison, detachReset: false);
        var currents = TensorAssert.Random([12, 3, 5], seed: 7, scale: 0.8f).requires_grad_();
        var weights = TensorAssert.Random([12, 3, 5], seed: 8, scale: 1f);

        using var lif = new Lif(parameters);
        var multi = lif.forward(currents);
        multi.mul(weights).sum().backward();
        var multiGradient = currents.grad!.clone();
        currents.grad!.zero_();

        using var cell = new LifCell(parameters);
        var membrane = LifCell.InitialMembrane(3, 5);
        var spikes = new List<Tensor>();
        foreach (var slice in currents.unbind(0))
        {
            var result = cell.forward(slice, membrane);
            spikes.Add(result.Spikes);
            membrane = result.Membrane;
        }

        var single = stack(spikes, 0);
        single.mul(weights).sum().backward();

        Assert.Equal(TensorAssert.Values(single), TensorAssert.Values(multi));
        Assert.Contains(1f, TensorAssert.Values(multi));
        TensorAssert.Close(multiGradient, currents.grad!, 1e-6);
    }

    [Fact]
    public void Currents_that_are_not_rank_3_are_refused()
    {
        using var lif = new Lif(new LifParameters());
        using var currents = zeros(4, 5);
        var error = Assert.Throws<ArgumentException>(() => lif.forward(currents));
        Assert.Contains("[T, B, N]", error.Message, StringComparison.Ordinal);
    }
}
