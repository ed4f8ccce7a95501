using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Format11;

/// <summary>
/// Small format-1.1 networks whose outcomes are worked out by hand from semantics.md §4 (the arithmetic is written in
/// each test's comments). One input pixel; <c>events[k]</c> input events arrive in tick k.
/// </summary>
public class HandComputedTests
{
    private static LayerSpec Lif(sbyte[] weights, int[] threshold, P.ResetMode reset = P.ResetMode.Zero) => new()
    {
        InputSize = 1, OutputSize = weights.Length, Weights = weights, Threshold = threshold, Reset = reset,
        Comparison = P.ThresholdComparison.GreaterOrEqual,
    };

    /// <summary>
    /// Runs the network on the events, and checks on the way that the reference simulator computes the same counts,
    /// sums and SynOps, so that each hand-computed number below checks the reference too.
    /// </summary>
    private static Network Run(LayerSpec[] layers, int[] events, P.ReadoutMode readout = P.ReadoutMode.SpikeCount)
    {
        var spec = new NetSpec { TicksPerSample = events.Length, Readout = readout, Layers = layers };
        var stream = new List<(int X, int Y, int P, long T)>();
        for (int k = 0; k < events.Length; k++)
        {
            for (int n = 0; n < events[k]; n++)
            {
                stream.Add((0, 0, 0, (k * 1000L) + n));
            }
        }

        Network network = Network.Load(TestModels.Build(spec));
        network.BeginSample(0);
        foreach (var e in stream)
        {
            network.PushEvent(e.X, e.Y, e.P, e.T);
        }

        network.FinishSample();
        var reference = ReferenceSimulator.Run(spec, stream, 0);
        Assert.Equal(reference.AllSpikeCounts, Enumerable.Range(0, network.LayerCount).Select(l => Counts(network, l)).ToArray());
        Assert.Equal(reference.MembraneSums, Sums(network));
        Assert.Equal(reference.SynOps, network.SynOps);
        return network;
    }

    private static long[] Sums(Network network)
    {
        var sums = new long[network.OutputSize];
        network.CopyMembraneSums(sums);
        return sums;
    }

    private static int[] Counts(Network network, int layer) =>
        Enumerable.Range(0, network.GetLayerOutputSize(layer)).Select(o => network.GetSpikeCount(layer, o)).ToArray();

    [Fact]
    public void Decay_multiplies_the_membrane_in_q16_with_a_floor_shift()
    {
        // decay 32768 (0.5). w = 10: u = 10, (10·32768)>>16 = 5, (5·32768)>>16 = 2 then +10 = 12 → Σ 27.
        // w = −9: u = −9, floor(−4.5) = −5, floor(−2.5) = −3 then −9 = −12 → Σ −26.
        LayerSpec layer = Lif([10, -9], [1000, 1000]) with { Decay = 32768 };
        Network network = Run([layer], [1, 0, 1]);
        Assert.Equal(new long[] { 27, -26 }, Sums(network));
    }

    [Fact]
    public void Synaptic_current_decays_by_its_shift_and_feeds_the_membrane()
    {
        // current_shift 1, one event at tick 0. w = 8: c = 8, 8 − 4 = 4, 4 − 2 = 2; v = 8, 12, 14 → Σ 34.
        // w = −7: c = −7, −7 − (−4) = −3, −3 − (−2) = −1; v = −7, −10, −11 → Σ −28.
        LayerSpec layer = Lif([8, -7], [1000, 1000]) with { CurrentShift = 1 };
        Network network = Run([layer], [1, 0, 0]);
        Assert.Equal(new long[] { 34, -28 }, Sums(network));
    }

    [Fact]
    public void Synaptic_current_saturates_at_the_state_range()
    {
        // bias = STATE_MAX: c = STATE_MAX; next tick c − (c >> 1) + bias would exceed it, so c stays STATE_MAX; v saturates too.
        LayerSpec layer = Lif([0], [Semantics.StateMax], P.ResetMode.None) with { CurrentShift = 1, Bias = [Semantics.StateMax], Comparison = P.ThresholdComparison.Greater };
        Network network = Run([layer], [0, 0, 0]);
        Assert.Equal(new long[] { 3L * Semantics.StateMax }, Sums(network));
        Assert.Equal(0, network.GetSpikeCount(0, 0));
    }

    [Fact]
    public void Hard_refractory_holds_the_membrane_at_zero_after_an_output()
    {
        // w 5, threshold 5, reset NONE, refractory_ticks 2 (N = 3), one event per tick.
        // k0: n 3, v 5 → spike, n 0. k1: n 1, v 10 → 0. k2: n 2, v 5 → 0. k3: n 3, v 5 → spike. k4: n 1, v 10 → 0.
        LayerSpec layer = Lif([5], [5], P.ResetMode.None) with { RefractoryTicks = 2 };
        Network network = Run([layer], [1, 1, 1, 1, 1]);
        Assert.Equal(2, network.GetSpikeCount(0, 0));
        Assert.Equal(new long[] { 5 + 0 + 0 + 5 + 0 }, Sums(network));
    }

    [Fact]
    public void Soft_refractory_gain_scales_the_drive_in_q15_for_the_ticks_after_an_output()
    {
        // w 100, threshold 150, reset ZERO, gain [0, 16384] (N = 3), one event per tick.
        // k0: n 3, v 100. k1: n 3, v 200 → spike, v 0, n 0. k2: n 1, d (100·0)>>15 = 0, v 0.
        // k3: n 2, d (100·16384)>>15 = 50, v 50. k4: n 3, d 100, v 150 → spike.
        LayerSpec layer = Lif([100], [150]) with { RefractoryGain = [0, 16384] };
        Network network = Run([layer], [1, 1, 1, 1, 1]);
        Assert.Equal(2, network.GetSpikeCount(0, 0));
        Assert.Equal(new long[] { 100 + 200 + 0 + 50 + 150 }, Sums(network));
    }

    [Fact]
    public void Leaky_relu_scales_negative_membranes_with_a_floor_shift()
    {
        // slope 16384 (0.25), w −40. k0: −40 → −10. k1: −10 − 40 = −50 → floor(−12.5) = −13. k2: −13 → floor(−3.25) = −4.
        LayerSpec layer = Lif([-40], [1000]) with { Activation = P.StateActivation.LeakyRelu, NegativeSlope = 16384 };
        Network network = Run([layer], [1, 1, 0]);
        Assert.Equal(new long[] { -10 - 13 - 4 }, Sums(network));
    }

    [Fact]
    public void Graded_outputs_come_from_the_table_reset_by_gate_and_scale_the_next_layers_rows()
    {
        // GRADED LIF: threshold 10, table shift 2, offset 0, values [0, 32, 64, 128], GATE, w 17.
        // k0: v 17, index (7 >> 2) = 1 → y 32, v (17·96) >> 7 = 12. k1: v 29, index 19 >> 2 = 4 → 3 → y 128, v 0.
        // k2: v 0, index (−10 >> 2) = −3 → 0 → y 0. Σ y = 160.
        // Leaky integrator w 3: drive 32·3 = 96, 128·3 = 384, 0: v 96, 480, 480 → Σ 1056.
        // SynOps: 2 input events + 2 graded events, one stored weight each.
        LayerSpec graded = Lif([17], [10], P.ResetMode.Gate) with
        {
            Output = P.OutputKind.Graded, Comparison = P.ThresholdComparison.Unspecified, OutputTable = new TableSpec(2, 0, [0, 32, 64, 128]),
        };
        var readout = new LayerSpec
        {
            InputSize = 1, OutputSize = 1, Weights = [3], Neuron = P.NeuronModel.LeakyIntegrator,
            Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified,
        };
        Network network = Run([graded, readout], [1, 1, 0], P.ReadoutMode.MembraneSum);
        Assert.Equal(160, network.GetSpikeCount(0, 0));
        Assert.Equal(new long[] { 1056 }, Sums(network));
        Assert.Equal(4, network.SynOps);
    }

    [Fact]
    public void Gate_reset_of_a_binary_layer_is_a_zero_reset()
    {
        // w 7, threshold 5: both ticks fire and reset to 0 → Σ u = 14 (NONE would give 7 + 14 = 21).
        Network network = Run([Lif([7], [5], P.ResetMode.Gate)], [1, 1]);
        Assert.Equal(new long[] { 14 }, Sums(network));
        Assert.Equal(2, network.GetSpikeCount(0, 0));
    }

    [Theory]
    [InlineData(P.WeightEncoding.Dense, 10)]
    [InlineData(P.WeightEncoding.Csr, 8)]
    [InlineData(P.WeightEncoding.Bitmap, 8)]
    public void Recurrent_rows_of_tick_k_drive_tick_k_plus_1_and_are_counted_except_at_the_last_tick(P.WeightEncoding recurrentEncoding, long synOps)
    {
        // W = [10, 0], R[0][1] = 7 (all else 0), thresholds 10, ZERO. Neuron 0 fires every tick (u 10, 10, 10).
        // Neuron 1: k0 d 0; k1 d 7 → v 7; k2 d 7 → v 14 → fires. Σ u = [30, 21], counts [3, 1].
        // SynOps: 3 input events × 2 (dense W) = 6, plus neuron 0's events of ticks 0 and 1 (not 2 = T − 1) × stored
        // weights of recurrent row 0: DENSE 2, CSR/BITMAP 1.
        LayerSpec layer = Lif([10, 0], [10, 10]) with { Recurrent = [0, 7, 0, 0], RecurrentEncoding = recurrentEncoding };
        Network network = Run([layer], [1, 1, 1]);
        Assert.Equal(new[] { 3, 1 }, Counts(network, 0));
        Assert.Equal(new long[] { 30, 21 }, Sums(network));
        Assert.Equal(synOps, network.SynOps);
    }

    [Fact]
    public void Layer_scope_zero_reset_clears_every_neuron_when_any_fires()
    {
        // W = [10, 6], thresholds [10, 100]. Neuron 0 fires each tick; with scope LAYER neuron 1 resets too: u1 = 6, 6.
        LayerSpec layer = Lif([10, 6], [10, 100]) with { ResetScope = P.ResetScope.Layer };
        Network network = Run([layer], [1, 1]);
        Assert.Equal(new[] { 2, 0 }, Counts(network, 0));
        Assert.Equal(new long[] { 20, 12 }, Sums(network));
    }

    [Fact]
    public void Layer_scope_gate_reset_scales_every_membrane_by_the_largest_output()
    {
        // GRADED, thresholds 0, table shift 0, offset 0, values [0, 64]; W = [5, −3]; GATE, scope LAYER.
        // k0: u [5, −3], y [64, 0], y* 64: v (5·64)>>7 = 2, (−3·64)>>7 = floor(−1.5) = −2.
        // k1: u [7, −5], y [64, 0]: v 3, floor(−2.5) = −3. Σ y = [128, 0], Σ u = [12, −8].
        LayerSpec layer = Lif([5, -3], [0, 0], P.ResetMode.Gate) with
        {
            Output = P.OutputKind.Graded, Comparison = P.ThresholdComparison.Unspecified, OutputTable = new TableSpec(0, 0, [0, 64]),
            ResetScope = P.ResetScope.Layer,
        };
        Network network = Run([layer], [1, 1]);
        Assert.Equal(new[] { 128, 0 }, Counts(network, 0));
        Assert.Equal(new long[] { 12, -8 }, Sums(network));
    }

    [Fact]
    public void Winner_take_all_inhibition_then_floor_act_after_the_reset()
    {
        // W = [20, 20, 5], thresholds [10, 15, 100], ZERO, inhibition [2, 3, 4], floor [−1, −5, −2].
        // k0: u [20, 20, 5], y [1, 1, 0] → reset [0, 0, 5]; Y = 2: [0 − 2·1, 0 − 3·1, 5 − 4·2] = [−2, −3, −3];
        // floor → [−1, −3, −2]. k1 (no input): u [−1, −3, −2], no outputs. Σ u = [19, 17, 3].
        LayerSpec layer = Lif([20, 20, 5], [10, 15, 100]) with { Inhibition = [2, 3, 4], MembraneFloor = [-1, -5, -2] };
        Network network = Run([layer], [1, 0]);
        Assert.Equal(new[] { 1, 1, 0 }, Counts(network, 0));
        Assert.Equal(new long[] { 19, 17, 3 }, Sums(network));
    }

    [Fact]
    public void Leaky_integrator_with_decay_and_current()
    {
        // decay 49152 (0.75), current_shift 2, w 16, one event at tick 0.
        // k0: c 16, v 16. k1: c 16 − 4 = 12, v (16·49152)>>16 = 12 + 12 = 24. k2: c 12 − 3 = 9, v 18 + 9 = 27. Σ 67.
        var layer = new LayerSpec
        {
            InputSize = 1, OutputSize = 1, Weights = [16], Neuron = P.NeuronModel.LeakyIntegrator, Decay = 49152, CurrentShift = 2,
            Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified,
        };
        Network network = Run([layer], [1, 0, 0], P.ReadoutMode.MembraneSum);
        Assert.Equal(new long[] { 67 }, Sums(network));
    }

    [Fact]
    public void Src_neuron_follows_the_integrator_tables_gate_and_fixed_point_states()
    {
        // F 8; input_decay 32768; input table shift 0, offset 0, values [0, 100, 200, 300]; fast table shift 6,
        // offset −4, values (j − 4)·64; r 128, r_s −256, θ_z 128, z_rest 65536, z_active 16384; rest h 0, h_s 64;
        // bias 10; w 2; events [1, 1, 0, 0].
        // k0: i 2, x 200, z 65536, a 200 + 0 − 64 + 10 = 146 → index 2 + 4 → h 128; h_s 64; y 128 >> 1 = 64.
        // k1: i 1 + 2 = 3, x 300, h 128 is not > 128 → z 65536, a 300 + 64 − 64 + 10 = 310 → index 8 → 7 → h 192; h_s 64; y 96.
        // k2: i floor(1.5) = 1, x 100, h 192 > 128 → z 16384, a 100 + 96 − 64 + 10 = 142 → h 128;
        //     h_s (16384·64)>>16 + (49152·192)>>16 = 16 + 144 = 160; y 64.
        // k3: i 0, x 0, z 65536, a 0 + 64 + (−256·160)>>8 + 10 = −86 → floor(−86/64) = −2 → index 2 → h −128; y 0.
        // Σ y = 224, Σ u = 128 + 192 + 128 − 128 = 320.
        var layer = new LayerSpec
        {
            InputSize = 1, OutputSize = 1, Weights = [2], Neuron = P.NeuronModel.Src, Bias = [10],
            Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified,
            Src = new SrcSpec
            {
                FractionBits = 8, InputDecay = 32768,
                InputTable = new TableSpec(0, 0, [0, 100, 200, 300]),
                FastTable = new TableSpec(6, -4, Enumerable.Range(0, 8).Select(j => (j - 4) * 64).ToArray()),
                FastFeedback = 128, SlowFeedback = -256, GateThreshold = 128, SlowGateRest = 65536, SlowGateActive = 16384,
                RestFast = 0, RestSlow = 64,
            },
        };
        Network network = Run([layer], [1, 1, 0, 0]);
        Assert.Equal(224, network.GetSpikeCount(0, 0));
        Assert.Equal(new long[] { 320 }, Sums(network));
        Assert.Equal(2, network.SynOps);
    }
}
