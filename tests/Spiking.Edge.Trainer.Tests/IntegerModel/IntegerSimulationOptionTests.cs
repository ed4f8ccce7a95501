using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>Each format-1.1 step of semantics §4.1–§4.4 in the integer simulation, on cases computed by hand.</summary>
[Collection("TorchSharp")]
public class IntegerSimulationOptionTests
{
    [Fact]
    public void Q16_decay_floors_toward_minus_infinity()
    {
        // bias 1000, decay 0.5: 1000, 500 + 1000, 750 + 1000 → 4250. bias −5: −5, floor(−2.5) − 5 = −8, −4 − 5 = −9 → −22.
        Layer positive = OptionModels.Leaky(1, [0], [1000], 1);
        positive.Decay = 32768;
        Layer negative = OptionModels.Leaky(1, [0], [-5], 1);
        negative.Decay = 32768;
        Assert.Equal(4250, Run(OptionModels.Build(3, ReadoutMode.MembraneSum, positive)).MembraneSums[0, 0]);
        Assert.Equal(-22, Run(OptionModels.Build(3, ReadoutMode.MembraneSum, negative)).MembraneSums[0, 0]);
    }

    [Fact]
    public void Synaptic_current_feeds_the_membrane()
    {
        // current shift 1, bias 100: c = 100, 150, 175; v = 100, 250, 425 → 775.
        Layer layer = OptionModels.Leaky(1, [0], [100], 1);
        layer.CurrentShift = 1;
        Assert.Equal(775, Run(OptionModels.Build(3, ReadoutMode.MembraneSum, layer)).MembraneSums[0, 0]);
    }

    [Fact]
    public void Hard_refractory_holds_the_membrane_at_zero_after_an_output()
    {
        // bias 5, threshold 5, 2 refractory ticks: u = 5 (fires), 0, 0, 5 (fires), 0, 0.
        Layer layer = OptionModels.Lif(1, [0], [5], [5]);
        layer.RefractoryTicks = 2;
        IntegerSimulationResult result = Run(OptionModels.Build(6, ReadoutMode.SpikeCount, layer));
        Assert.Equal((2L, 10L), (result.SpikeCounts[0][0, 0], result.MembraneSums[0, 0]));
    }

    [Fact]
    public void Soft_refractory_gain_scales_the_drive_n_ticks_after_an_output()
    {
        // bias 100, threshold 150, gains [0, 0.5]: u = 100, 200 (fires), 0 (gain 0), 50 (gain 0.5), 150 (fires).
        Layer layer = OptionModels.Lif(1, [0], [150], [100]);
        layer.RefractoryGain.AddRange([0u, 16384u]);
        IntegerSimulationResult result = Run(OptionModels.Build(5, ReadoutMode.SpikeCount, layer));
        Assert.Equal((2L, 500L), (result.SpikeCounts[0][0, 0], result.MembraneSums[0, 0]));
    }

    [Fact]
    public void Leaky_relu_scales_negative_membranes_with_a_floor()
    {
        // bias −100, slope 0.25: −100 → −25; −125 → floor(−31.25) = −32; −132 → −33. Sum −90.
        Layer layer = OptionModels.Lif(1, [0], [1000], [-100]);
        layer.Activation = StateActivation.LeakyRelu;
        layer.NegativeSlope = 16384;
        Assert.Equal(-90, Run(OptionModels.Build(3, ReadoutMode.MembraneSum, layer)).MembraneSums[0, 0]);
    }

    [Fact]
    public void Graded_outputs_come_from_the_table_reset_by_gate_and_scale_the_next_layers_rows()
    {
        // Table: index = (x >> 2) + 2 → [0, 32, 64, 96, 128]. bias 6, threshold 4, GATE:
        // tick 0: v = 6, x = 2 → 64, v = (6 × 64) >> 7 = 3; tick 1: v = 9, x = 5 → 96, v = (9 × 32) >> 7 = 2;
        // tick 2: v = 8, x = 4 → 96. Outputs 64 + 96 + 96 = 256, membranes 6 + 9 + 8 = 23.
        Layer graded = OptionModels.Lif(1, [0], [4], [6], ResetMode.Gate);
        graded.Comparison = ThresholdComparison.Unspecified;
        graded.Output = OutputKind.Graded;
        graded.OutputTable = OptionModels.Table(2, -2, 0, 32, 64, 96, 128);
        Layer readout = OptionModels.Leaky(1, [2], [0], 1);
        IntegerSimulationResult result = Run(OptionModels.Build(3, ReadoutMode.MembraneSum, graded, readout));

        Assert.Equal(256, result.SpikeCounts[0][0, 0]);
        // The readout integrates 2 × y: 128, 128 + 192, 320 + 192 → 960.
        Assert.Equal(960, result.MembraneSums[0, 0]);
        Assert.Equal(3, result.SynOps[0]); // three graded events, each touching one stored weight
    }

    [Fact]
    public void Layer_scope_resets_every_neuron_when_any_neuron_outputs()
    {
        // bias [10, 3], thresholds [10, 100]: neuron 0 fires every tick and resets neuron 1 too: u1 = 3, 3, 3.
        Layer layer = OptionModels.Lif(1, [0, 0], [10, 100], [10, 3]);
        layer.ResetScope = ResetScope.Layer;
        IntegerSimulationResult result = Run(OptionModels.Build(3, ReadoutMode.MembraneSum, layer));
        Assert.Equal((30L, 9L), (result.MembraneSums[0, 0], result.MembraneSums[0, 1]));
        Assert.Equal((3L, 0L), (result.SpikeCounts[0][0, 0], result.SpikeCounts[0][0, 1]));
    }

    [Fact]
    public void Winner_take_all_inhibits_the_others_and_the_floor_bounds_the_membrane()
    {
        // bias [10, 4], inhibition [0, 8], floor [0, −5]; neuron 0 fires every tick.
        // v1: 4 → 4 − 8 = −4; −4 + 4 = 0 → −8 → floor −5; −5 + 4 = −1 → −9 → −5. u1 = 4, 0, −1.
        Layer layer = OptionModels.Lif(1, [0, 0], [10, 100], [10, 4]);
        layer.Inhibition.AddRange([0, 8]);
        layer.MembraneFloor.AddRange([0, -5]);
        IntegerSimulationResult result = Run(OptionModels.Build(3, ReadoutMode.MembraneSum, layer));
        Assert.Equal((30L, 3L), (result.MembraneSums[0, 0], result.MembraneSums[0, 1]));
    }

    [Fact]
    public void Recurrent_weights_act_on_the_previous_ticks_outputs_and_count_synops_before_the_last_tick()
    {
        // Neuron 0 fires every tick; R[0][1] = 7 reaches neuron 1 one tick later: u1 = 0, 7, 14.
        Layer layer = OptionModels.Lif(1, [0, 0], [10, 100], [10, 0]);
        layer.RecurrentWeights = WeightCodec.Encode([0, 7, 0, 0], 2, 2, 8);
        IntegerSimulationResult result = Run(OptionModels.Build(3, ReadoutMode.MembraneSum, layer));
        Assert.Equal((30L, 21L), (result.MembraneSums[0, 0], result.MembraneSums[0, 1]));
        // Row 0 of R stores one weight (the encoder drops zeros); neuron 0's outputs at ticks 0 and 1 touch it, the last tick's not.
        Assert.Equal(WeightEncoding.Bitmap, layer.RecurrentWeights.Encoding);
        Assert.Equal(2, result.SynOps[0]);
    }

    [Fact]
    public void Src_runs_its_integrator_tables_gate_and_slow_state()
    {
        // F = 8, α = 0.5, input table [0, 100, 200] (shift 0), fast table index (a >> 8) + 2 → [−256, −128, 128, 256],
        // r = 1, r_s = −0.5, θ_z = 128 (Q8 0.5), z rest 0.5, z active 0, rests 0. Events: 1 at tick 0, 2 at tick 2.
        // h_s ← h + ((z × (h_s − h)) >> 16) with the previous h and h_s.
        // tick 0: i = 1, x = 100, a = 100 → h = 128, y = 64, h_s = 0.
        // tick 1: i = 0, x = 0, a = 0 + 128 + 0 = 128 → h = 128, y = 64, h_s = 128 + (32768 × −128) >> 16 = 64.
        // tick 2: i = 2, x = 200, a = 200 + 128 − 32 = 296 → h = 256, y = 128, h_s = 128 + (32768 × −64) >> 16 = 96.
        Layer layer = OptionModels.Leaky(1, [1], [0], 1);
        layer.Neuron = NeuronModel.Src;
        layer.Bias.Clear();
        layer.Src = new SrcParameters
        {
            FractionBits = 8,
            InputDecay = 32768,
            InputTable = OptionModels.Table(0, 0, 0, 100, 200),
            FastTable = OptionModels.Table(8, -2, -256, -128, 128, 256),
            FastFeedback = 256,
            SlowFeedback = -128,
            GateThreshold = 128,
            SlowGateRest = 32768,
            SlowGateActive = 0,
        };
        Event[] events = [new Event(0, 0, 0, 10), new Event(0, 0, 0, 2010), new Event(0, 0, 0, 2020)];
        using var simulation = new IntegerSimulation(OptionModels.Build(3, ReadoutMode.SpikeCount, layer));
        IntegerSimulationResult result = simulation.Run([events]);
        Assert.Equal((256L, 512L, 3L), (result.SpikeCounts[0][0, 0], result.MembraneSums[0, 0], result.SynOps[0]));
    }

    [Fact]
    public void Src_slow_state_at_equilibrium_does_not_drift()
    {
        // a = h_s (r = 0, r_s = 1.0 in Q8, no input), fast table = identity, so h follows h_s. With h = h_s = 101 and
        // z = 0.5, h_s ← 101 + ((32768 × 0) >> 16) = 101 every tick (two separate roundings, (32768 × 101) >> 16 twice,
        // would give 100). u = 101 for 3 ticks, y = 101 >> 1 = 50.
        Layer layer = OptionModels.Leaky(1, [0], [0], 1);
        layer.Neuron = NeuronModel.Src;
        layer.Bias.Clear();
        layer.Src = new SrcParameters
        {
            FractionBits = 8,
            InputDecay = 0,
            InputTable = OptionModels.Table(0, 0, 0),
            FastTable = OptionModels.Table(0, 0, [.. Enumerable.Range(0, 256)]),
            FastFeedback = 0,
            SlowFeedback = 256,
            GateThreshold = 200,
            SlowGateRest = 32768,
            SlowGateActive = 0,
            RestFast = 101,
            RestSlow = 101,
        };
        IntegerSimulationResult result = Run(OptionModels.Build(3, ReadoutMode.MembraneSum, layer));
        Assert.Equal((303L, 150L), (result.MembraneSums[0, 0], result.SpikeCounts[0][0, 0]));
    }

    private static IntegerSimulationResult Run(Model model)
    {
        using var simulation = new IntegerSimulation(model);
        return simulation.Run([Array.Empty<Event>()]);
    }
}
