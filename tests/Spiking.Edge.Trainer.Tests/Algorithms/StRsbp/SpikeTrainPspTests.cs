using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class SpikeTrainPspTests
{
    private static float Psp(float[] post, float[] pre, double alpha, double beta, int refractory)
    {
        using var scope = NewDisposeScope();
        var t = post.Length;
        var e = SpikeTrainPsp.Compute(NaiveStRsbp.Tensor(post, t, 1, 1), NaiveStRsbp.Tensor(pre, t, 1, 1), alpha, beta, refractory);
        return TensorAssert.Values(e)[0];
    }

    [Fact]
    public void The_s_psp_of_a_hand_made_pair_sums_the_potential_built_up_before_each_post_spike()
    {
        // α = β = 0.5, R = 1. Pre spikes at 0 and 2, post at 1 and 4.
        // p = 1, 0.5, 1.25, 0.625, 0.3125, 0.15625.
        // Post spike 1, window [0, 1]: β·p(0) + p(1) = 0.5 + 0.5 = 1.
        // Tick 2 is refractory. Post spike 4, window [3, 4]: β·p(3) + p(4) = 0.3125 + 0.3125 = 0.625. e = 1.625.
        float[] pre = [1, 0, 1, 0, 0, 0];
        float[] post = [0, 1, 0, 0, 1, 0];
        Assert.Equal(1.625f, Psp(post, pre, 0.5, 0.5, 1), 6);
        Assert.Equal(1.625, NaiveStRsbp.Psp(post, pre, 0.5, 0.5, 1), 12);
    }

    [Fact]
    public void The_refractory_ticks_after_a_post_spike_drop_the_potential_but_not_the_synaptic_trace()
    {
        // α = β = 0.5, R = 2. Pre spikes at 0 and 1, post at 0 and 3.
        // p = 1, 1.5, 0.75, 0.375. Window [0, 0]: p(0) = 1. Ticks 1 and 2 are refractory (q held at 0 although p = 1.5,
        // 0.75). Window [3, 3]: p(3) = 0.375, the trace that survived the refractory period. e = 1.375.
        float[] pre = [1, 1, 0, 0];
        float[] post = [1, 0, 0, 1];
        Assert.Equal(1.375f, Psp(post, pre, 0.5, 0.5, 2), 6);
        // Without the refractory hold the second window is [1, 3]: 0.25·1.5 + 0.5·0.75 + 0.375 = 1.125, e = 2.125.
        Assert.Equal(2.125f, Psp(post, pre, 0.5, 0.5, 0), 6);
    }

    [Fact]
    public void Spikes_after_the_last_post_spike_contribute_nothing_and_an_empty_train_gives_zero()
    {
        Assert.Equal(0f, Psp([1, 0, 0, 0], [0, 1, 1, 1], 0.5, 0.5, 1));
        Assert.Equal(0f, Psp([0, 0, 0, 0], [1, 1, 1, 1], 0.5, 0.5, 1));
        Assert.Equal(0f, Psp([0, 0, 1, 0], [0, 0, 0, 0], 0.5, 0.5, 1));
    }

    [Fact]
    public void A_recurrent_input_is_the_presynaptic_train_delayed_by_one_tick()
    {
        // Neuron p fires at 1 and 4; as a recurrent input it arrives at 2 and 5. α = β = 0.5, R = 1, post fires at 3.
        // Delayed: p(2) = 1, p(3) = 0.5, window [0, 3] → β·1 + 0.5 = 1.0. Undelayed it would be 0.25 + 0.25 + 0.25 = 0.75.
        using var scope = NewDisposeScope();
        float[] own = [0, 1, 0, 0, 1, 0];
        float[] post = [0, 0, 0, 1, 0, 0];
        var delayed = SpikeTrainPsp.Delayed(NaiveStRsbp.Tensor(own, 6, 1, 1));
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 1f], TensorAssert.Values(delayed));
        var e = SpikeTrainPsp.Compute(NaiveStRsbp.Tensor(post, 6, 1, 1), delayed, 0.5, 0.5, 1);
        Assert.Equal(1.0f, TensorAssert.Values(e)[0], 6);
        Assert.Equal(0.75f, Psp(post, own, 0.5, 0.5, 1), 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public void The_batched_s_psp_equals_a_per_synapse_tick_loop_on_random_trains(int refractory)
    {
        const int ticks = 37, batch = 3, outputs = 5, inputs = 7;
        const double alpha = 0.875, beta = 0.984375;
        using var scope = NewDisposeScope();
        var post = NaiveStRsbp.RandomTrains(ticks, batch, outputs, 0.2, refractory, seed: 11 + refractory);
        var pre = NaiveStRsbp.RandomTrains(ticks, batch, inputs, 0.3, 0, seed: 17 + refractory);
        var e = TensorAssert.Values(SpikeTrainPsp.Compute(NaiveStRsbp.Tensor(post, ticks, batch, outputs), NaiveStRsbp.Tensor(pre, ticks, batch, inputs), alpha, beta, refractory));
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < outputs; i++)
            {
                for (var j = 0; j < inputs; j++)
                {
                    var expected = NaiveStRsbp.Psp(NaiveStRsbp.Column(post, ticks, batch, outputs, b, i), NaiveStRsbp.Column(pre, ticks, batch, inputs, b, j), alpha, beta, refractory);
                    var actual = e[(((b * outputs) + i) * inputs) + j];
                    Assert.True(Math.Abs(expected - actual) <= 1e-4 * Math.Max(1, expected), $"b {b} i {i} j {j}: {actual} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void Weighted_s_psps_of_a_reservoir_layer_add_up_to_its_membrane_potential_at_its_own_spikes()
    {
        // Σ_j w_ij e_{i|j} + Σ_p r_ip e_{i|p} replays the layer exactly: it is Σ_f v_i(t_f), the membrane at each spike.
        const int ticks = 60, inputs = 8, size = 6;
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var options = new CubaLifOptions { MembraneShift = 4, CurrentShift = 2, RefractoryTicks = 2, Threshold = 3f, InitWeight = 1f };
        using var layer = new CubaLifLayer(inputs, size, options, generator, recurrence: Recurrence.Reservoir, reservoir: new ReservoirOptions { Grid = [1, 2, 3] });
        var input = NaiveStRsbp.RandomTrains(ticks, 1, inputs, 0.4, 0, seed: 5);
        var x = NaiveStRsbp.Tensor(input, ticks, 1, inputs);
        using var noGrad = no_grad();
        var state = layer.InitialState(1);
        var membraneAtSpikes = new double[size];
        var outputs = new List<Tensor>();
        double beta = 1 - Math.Pow(2, -options.MembraneShift);
        foreach (var tick in x.unbind(0))
        {
            var next = layer.Step(tick, state);
            var v = TensorAssert.Values(state.Cell[1].mul(beta).add(next.Cell[0]));
            var y = TensorAssert.Values(next.Output);
            for (var i = 0; i < size; i++)
            {
                membraneAtSpikes[i] += y[i] > 0 ? v[i] : 0;
            }

            outputs.Add(next.Output);
            state = next;
        }

        var trains = stack(outputs, 0);
        Assert.True(TensorAssert.Values(trains).Sum() >= 10, "the layer should fire");
        var alpha = 1 - Math.Pow(2, -options.CurrentShift);
        var feedForward = SpikeTrainPsp.Compute(trains, x, alpha, beta, options.RefractoryTicks);
        var recurrent = SpikeTrainPsp.Compute(trains, SpikeTrainPsp.Delayed(trains), alpha, beta, options.RefractoryTicks);
        var replay = feedForward.mul(layer.Weight).sum(2).add(recurrent.mul(layer.EffectiveRecurrentWeight()!).sum(2));
        var values = TensorAssert.Values(replay);
        for (var i = 0; i < size; i++)
        {
            Assert.True(Math.Abs(values[i] - membraneAtSpikes[i]) <= 1e-4 * Math.Max(1, Math.Abs(membraneAtSpikes[i])), $"neuron {i}: {values[i]} vs {membraneAtSpikes[i]}");
        }
    }
}
