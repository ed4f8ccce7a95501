using Spiking.Edge.Trainer.Algorithms.Lee2016;
using static Spiking.Edge.Trainer.Tests.Algorithms.Lee2016.LeeTesting;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

[Collection("TorchSharp")]
public class EffectiveInputsTests
{
    [Fact]
    public void Decay_weights_are_powers_of_beta_up_to_the_last_tick()
    {
        using var weights = EffectiveInputs.DecayWeights(4, 0.5);
        Near([0.125, 0.25, 0.5, 1], weights, 0);
        using var noLeak = EffectiveInputs.DecayWeights(3, 1);
        Near([1, 1, 1], noLeak, 0);
    }

    [Fact]
    public void Effective_inputs_of_hand_made_spike_trains_equal_hand_computed_values()
    {
        // T = 4, β = 0.75 (leak shift 2); two samples, three inputs.
        // Sample 0: input 0 fires at t = 0 and 3; input 1 at t = 1; input 2 never.
        // Sample 1: input 0 sends 2 events at t = 2; input 2 fires every tick.
        using var scope = NewDisposeScope();
        var trains = zeros(4, 2, 3);
        trains[0, 0, 0] = tensor(1f);
        trains[3, 0, 0] = tensor(1f);
        trains[1, 0, 1] = tensor(1f);
        trains[2, 1, 0] = tensor(2f);
        for (var t = 0; t < 4; t++)
        {
            trains[t, 1, 2] = tensor(1f);
        }

        var x = EffectiveInputs.Compute(trains, EffectiveInputs.DecayWeights(4, 0.75));
        var b3 = 0.75 * 0.75 * 0.75;
        var b2 = 0.75 * 0.75;
        Near([b3 + 1, b2, 0, 2 * 0.75, 0, b3 + b2 + 0.75 + 1], x, 1e-6);
        Assert.Equal(ScalarType.Float32, x.dtype);
    }

    [Fact]
    public void Mismatched_ticks_are_refused()
    {
        using var trains = zeros(4, 1, 2);
        using var weights = EffectiveInputs.DecayWeights(3, 0.5);
        Assert.Throws<ArgumentException>(() => EffectiveInputs.Compute(trains, weights));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveInputs.DecayWeights(3, 1.5));
    }
}
