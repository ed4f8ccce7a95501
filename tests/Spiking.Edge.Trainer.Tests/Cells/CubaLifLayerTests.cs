using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

[Collection("TorchSharp")]
public class CubaLifLayerTests
{
    private static CubaLifLayer Layer(CubaLifOptions options, int inputs = 1, int outputs = 1, Recurrence recurrence = Recurrence.None, ReservoirOptions? reservoir = null, float w0 = 1f)
    {
        using var generator = new Generator(4);
        return new CubaLifLayer(inputs, outputs, options, generator, recurrence: recurrence, reservoir: reservoir, lateralInhibitionWeight: w0);
    }

    [Fact]
    public void Hand_computed_ticks_show_the_current_the_membrane_the_hard_refractory_tick_and_the_zero_reset()
    {
        // α_c = β = 0.5, R = 1, θ = 1; drives 1, 0, 0, 1.
        using var scope = NewDisposeScope();
        using var layer = Layer(new CubaLifOptions { MembraneShift = 1, CurrentShift = 1, RefractoryTicks = 1, Threshold = 1f });
        LayerTesting.IdentityWeights(layer);
        var states = LayerTesting.Run(layer, [[1f], [0f], [0f], [1f]]);
        Assert.Equal([1f, 0f, 0f, 1f], states.Select(s => TensorAssert.Values(s.Output)[0]));
        Assert.Equal([1f, 0.5f, 0.25f, 1.125f], states.Select(s => TensorAssert.Values(s.Cell[0])[0]));
        // Tick 0 fires and resets to 0; tick 1 is refractory (v held at 0 although c = 0.5); tick 2 integrates again;
        // tick 3 reaches 0.125 + 1.125 = 1.25 ≥ θ and fires.
        Assert.Equal([0f, 0f, 0.25f, 0f], states.Select(s => TensorAssert.Values(s.Cell[1])[0]));
    }

    [Fact]
    public void Without_a_refractory_period_the_neuron_integrates_on_the_next_tick()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new CubaLifOptions { MembraneShift = 1, CurrentShift = 1, RefractoryTicks = 0, Threshold = 1f });
        LayerTesting.IdentityWeights(layer);
        var states = LayerTesting.Run(layer, [[1f], [0f]]);
        Assert.Equal(0.5f, TensorAssert.Values(states[1].Cell[1])[0]);
    }

    [Fact]
    public void Threshold_is_reached_with_greater_or_equal()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new CubaLifOptions { MembraneShift = 1, CurrentShift = 1, Threshold = 2f });
        LayerTesting.IdentityWeights(layer);
        Assert.Equal(1f, TensorAssert.Values(LayerTesting.Run(layer, [[2f]])[0].Output)[0]);
    }

    [Fact]
    public void Lateral_inhibition_is_fixed_minus_w0_off_the_diagonal_and_not_trained()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new CubaLifOptions { MembraneShift = 1, CurrentShift = 1, RefractoryTicks = 0, Threshold = 1f }, 2, 2, Recurrence.LateralInhibition, w0: 0.75f);
        LayerTesting.IdentityWeights(layer);
        Assert.Equal([0f, -0.75f, -0.75f, 0f], TensorAssert.Values(layer.EffectiveRecurrentWeight()!));
        Assert.Equal(["weight"], layer.named_parameters().Select(p => p.name));
        var states = LayerTesting.Run(layer, [[1f, 0.2f], [0f, 0f]]);
        // Tick 1: neuron 1's current 0.5·0.2 − 0.75 (neuron 0 fired at tick 0) = −0.65; membrane 0.5·0.2 − 0.65 = −0.55.
        Assert.Equal(-0.65f, TensorAssert.Values(states[1].Cell[0])[1], 5);
        Assert.Equal(-0.55f, TensorAssert.Values(states[1].Cell[1])[1], 5);
        var spec = layer.ToSpec("output");
        Assert.Equal([0f, -0.75f, -0.75f, 0f], spec.RecurrentWeight);
    }

    [Fact]
    public void Reservoir_weights_exist_and_train_only_where_the_mask_connects()
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(new CubaLifOptions { Threshold = 20f }, 8, 40, Recurrence.Reservoir, new ReservoirOptions { Grid = [2, 4, 5] });
        var mask = TensorAssert.Values(layer.RecurrentMask!);
        Assert.Contains(1f, mask);
        Assert.Contains(0f, mask);
        var weights = TensorAssert.Values(layer.RecurrentWeight!);
        Assert.All(Enumerable.Range(0, mask.Length).Where(i => mask[i] == 0f), i => Assert.Equal(0f, weights[i]));
        Assert.All(Enumerable.Range(0, mask.Length).Where(i => mask[i] == 1f), i => Assert.NotEqual(0f, weights[i]));

        LayerTesting.AssertGradientsReachEveryParameter(layer, ticks: 12, batch: 2, inputScale: 1f);
        var inputs = TensorAssert.Random([12, 2, 8], seed: 5, scale: 1f);
        layer.forward(inputs).sum().backward();
        var gradient = TensorAssert.Values(layer.RecurrentWeight!.grad!);
        Assert.All(Enumerable.Range(0, mask.Length).Where(i => mask[i] == 0f), i => Assert.Equal(0f, gradient[i]));
        Assert.Equal(layer.ToSpec("r").RecurrentWeight.Count(w => w != 0f), (int)mask.Sum());
    }

    [Fact]
    public void Multi_step_equals_single_step_with_reservoir_recurrence()
    {
        using var layer = Layer(new CubaLifOptions { Threshold = 20f }, 6, 24, Recurrence.Reservoir);
        LayerTesting.AssertMultiStepEqualsSingleStep(layer, ticks: 15, batch: 2, inputScale: 1f, tolerance: 1e-4);
    }

    [Fact]
    public void Spec_has_membrane_and_current_shifts_refractory_ticks_zero_reset_and_greater_or_equal()
    {
        using var layer = Layer(new CubaLifOptions { MembraneShift = 5, CurrentShift = 2, RefractoryTicks = 3, Threshold = 120f }, 3, 2);
        var spec = layer.ToSpec("hidden1");
        Assert.Equal((NeuronModel.Lif, 120f, 5, 2, 3, ResetMode.Zero, ThresholdComparison.GreaterOrEqual), (spec.Neuron, spec.Threshold, spec.LeakShift, spec.CurrentShift, spec.RefractoryTicks, spec.Reset, spec.Comparison));
        Assert.Empty(spec.Thresholds);
        Assert.Equal(6, spec.Weight.Length);
        Assert.All(spec.Weight, w => Assert.InRange(w, -1f, 1f));
    }
}
