using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests;

/// <summary>The integer semantics of model-format/spec/semantics.md, one rule at a time.</summary>
public class NetworkTests
{
    private static Network Load(NetSpec spec) => Network.Load(TestModels.Build(spec));

    private static LayerSpec Single(sbyte weight, int threshold, P.ResetMode reset = P.ResetMode.Subtract,
        P.ThresholdComparison comparison = P.ThresholdComparison.GreaterOrEqual, int leakShift = 0, int bias = 0) => new()
    {
        InputSize = 1, OutputSize = 1, Weights = new[] { weight }, Threshold = new[] { threshold }, Reset = reset,
        Comparison = comparison, LeakShift = leakShift, Bias = new[] { bias },
    };

    private static LayerSpec Integrator(sbyte weight, int leakShift = 0, int bias = 0) => new()
    {
        InputSize = 1, OutputSize = 1, Weights = new[] { weight }, Neuron = P.NeuronModel.LeakyIntegrator,
        Reset = P.ResetMode.Unspecified, Comparison = P.ThresholdComparison.Unspecified, LeakShift = leakShift, Bias = new[] { bias },
    };

    /// <summary>Pushes one event per listed tick at pixel (0, 0), then finishes the sample.</summary>
    private static void RunTicks(Network network, params int[] ticks)
    {
        network.BeginSample(0);
        foreach (int k in ticks)
        {
            network.PushEvent(0, 0, 0, (k * 1000L) + 10);
        }

        network.FinishSample();
    }

    [Fact]
    public void Worked_example_of_section_8_gives_its_table()
    {
        Network network = Load(TestModels.WorkedExample());
        network.BeginSample(0);
        network.PushEvent(0, 0, 0, 100);
        network.PushEvent(0, 0, 0, 900);
        network.PushEvent(1, 0, 0, 1500);
        network.PushEvent(0, 0, 0, 2100);
        network.FinishSample();

        Assert.Equal(1, network.GetSpikeCount(0, 0));
        Assert.Equal(8, network.GetMembraneSum(0));
        Assert.Equal(4, network.SynOps);
        Assert.Equal(3, network.NeuronUpdates);
        Assert.Equal(4, network.EventsAccepted);
        Assert.Equal(0, network.PredictedClass);
    }

    [Fact]
    public void Worked_example_matches_the_reference_simulation()
    {
        NetSpec spec = TestModels.WorkedExample();
        var events = new List<(int, int, int, long)> { (0, 0, 0, 100), (0, 0, 0, 900), (1, 0, 0, 1500), (0, 0, 0, 2100) };
        var expected = ReferenceSimulator.Run(spec, events, 0);
        Network network = Load(spec);
        network.BeginSample(0);
        foreach (var e in events)
        {
            network.PushEvent(e.Item1, e.Item2, e.Item3, e.Item4);
        }

        network.FinishSample();
        Assert.Equal(expected.SpikeCounts[0], network.GetSpikeCount(0, 0));
        Assert.Equal(expected.MembraneSums[0], network.GetMembraneSum(0));
        Assert.Equal(expected.SynOps, network.SynOps);
    }

    [Theory]
    [InlineData(P.ResetMode.Zero, 0)]
    [InlineData(P.ResetMode.Subtract, 2)]
    [InlineData(P.ResetMode.None, 6)]
    public void Reset_mode_sets_the_membrane_after_a_spike(P.ResetMode reset, int expectedAfterReset)
    {
        // Tick 0: v = 6 ≥ 4 fires and resets; tick 1 has no input, so its recorded membrane is the reset value.
        Network network = Load(TestModels.OneLayer(Single(6, 4, reset), ticks: 2, P.ReadoutMode.SpikeCount));
        RunTicks(network, 0);
        Assert.Equal(6 + expectedAfterReset, network.GetMembraneSum(0));
        int expectedSpikes = expectedAfterReset >= 4 ? 2 : 1;
        Assert.Equal(expectedSpikes, network.GetSpikeCount(0, 0));
    }

    [Theory]
    [InlineData(P.ThresholdComparison.GreaterOrEqual, 1)]
    [InlineData(P.ThresholdComparison.Greater, 0)]
    public void Comparison_decides_whether_a_membrane_equal_to_the_threshold_fires(P.ThresholdComparison comparison, int expected)
    {
        Network network = Load(TestModels.OneLayer(Single(5, 5, P.ResetMode.Zero, comparison), ticks: 1));
        RunTicks(network, 0);
        Assert.Equal(expected, network.GetSpikeCount(0, 0));
    }

    [Fact]
    public void Leak_shift_rounds_negative_membranes_toward_minus_infinity()
    {
        // u0 = −5; tick 1: −5 − (−5 >> 1 = −3) = −2; tick 2: −2 − (−1) = −1. Sum −8.
        Network network = Load(TestModels.OneLayer(Integrator(-5, leakShift: 1), ticks: 3, P.ReadoutMode.MembraneSum));
        RunTicks(network, 0);
        Assert.Equal(-5 + -2 + -1, network.GetMembraneSum(0));
    }

    [Fact]
    public void Leak_shift_zero_keeps_the_membrane()
    {
        Network network = Load(TestModels.OneLayer(Integrator(7, leakShift: 0), ticks: 4, P.ReadoutMode.MembraneSum));
        RunTicks(network, 0);
        Assert.Equal(4 * 7, network.GetMembraneSum(0));
    }

    [Fact]
    public void Bias_is_added_every_tick_without_input()
    {
        // v: 3, 6 (fires, → 0), 3, 6 (fires) with threshold 5 and reset to zero.
        Network network = Load(TestModels.OneLayer(Single(1, 5, P.ResetMode.Zero, bias: 3), ticks: 4));
        RunTicks(network);
        Assert.Equal(2, network.GetSpikeCount(0, 0));
        Assert.Equal(3 + 6 + 3 + 6, network.GetMembraneSum(0));
    }

    [Fact]
    public void Membrane_is_clamped_at_the_top_of_the_state_range()
    {
        Network network = Load(TestModels.OneLayer(Integrator(-10, bias: Semantics.StateMax), ticks: 2, P.ReadoutMode.MembraneSum));
        RunTicks(network, 1);
        // Tick 1 holds StateMax + StateMax − 10 before the clamp.
        Assert.Equal(2L * Semantics.StateMax, network.GetMembraneSum(0));
    }

    [Fact]
    public void Membrane_is_clamped_at_the_bottom_of_the_state_range()
    {
        Network network = Load(TestModels.OneLayer(Integrator(10, bias: Semantics.StateMin), ticks: 2, P.ReadoutMode.MembraneSum));
        RunTicks(network, 1);
        Assert.Equal(2L * Semantics.StateMin, network.GetMembraneSum(0));
    }

    [Fact]
    public void Events_beyond_the_tick_budget_are_dropped_and_counted()
    {
        Network network = Load(TestModels.OneLayer(Integrator(1), ticks: 2, P.ReadoutMode.MembraneSum));
        network.BeginSample(0);
        for (int n = 0; n < Semantics.MaxEventsPerTick + 5; n++)
        {
            network.PushEvent(0, 0, 0, 10);
        }

        network.PushEvent(0, 0, 0, 1010);
        network.FinishSample();
        Assert.Equal(5, network.EventsOverTickBudget);
        Assert.Equal(Semantics.MaxEventsPerTick + 1, network.EventsAccepted);
        Assert.Equal((2L * Semantics.MaxEventsPerTick) + 1, network.GetMembraneSum(0));
    }

    [Fact]
    public void Events_of_an_already_closed_tick_are_dropped_as_out_of_order()
    {
        Network network = Load(TestModels.OneLayer(Integrator(1), ticks: 4, P.ReadoutMode.MembraneSum));
        network.BeginSample(0);
        network.PushEvent(0, 0, 0, 2500);
        network.PushEvent(0, 0, 0, 1500);
        network.PushEvent(0, 0, 0, 2999);
        network.FinishSample();
        Assert.Equal(1, network.EventsOutOfOrder);
        Assert.Equal(2, network.EventsAccepted);
    }

    [Fact]
    public void An_event_outside_the_geometry_still_moves_time_forward()
    {
        // semantics.md §2 check order: window, order (the tick becomes current), geometry, budget.
        var layer = new LayerSpec { InputSize = 2, OutputSize = 1, Weights = new sbyte[] { 1, 1 }, Neuron = P.NeuronModel.LeakyIntegrator };
        Network network = Load(TestModels.OneLayer(layer, ticks: 4, P.ReadoutMode.MembraneSum, width: 2));
        network.BeginSample(0);
        network.PushEvent(0, 0, 0, 500);
        network.PushEvent(9, 0, 0, 2500);
        network.PushEvent(1, 0, 0, 1500);
        network.FinishSample();
        Assert.Equal(1, network.EventsOutOfGeometry);
        Assert.Equal(1, network.EventsOutOfOrder);
        Assert.Equal(1, network.EventsAccepted);
    }

    [Fact]
    public void Events_before_the_window_or_after_its_last_tick_are_counted_outside_the_window()
    {
        Network network = Load(TestModels.OneLayer(Integrator(1), ticks: 2, P.ReadoutMode.MembraneSum));
        network.BeginSample(5000);
        network.PushEvent(0, 0, 0, 4999);
        network.PushEvent(0, 0, 0, 5000);
        network.PushEvent(0, 0, 0, 6999);
        network.PushEvent(0, 0, 0, 7000);
        network.FinishSample();
        Assert.Equal(2, network.EventsOutsideWindow);
        Assert.Equal(2, network.EventsAccepted);
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 2)]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 1)]
    public void Events_outside_the_geometry_are_counted_and_skipped(int x, int y, int polarity)
    {
        var layer = new LayerSpec { InputSize = 2, OutputSize = 1, Weights = new sbyte[] { 1, 1 }, Neuron = P.NeuronModel.LeakyIntegrator };
        Network network = Load(TestModels.OneLayer(layer, ticks: 1, P.ReadoutMode.MembraneSum, width: 2));
        network.PushEvent(x, y, polarity, 0);
        network.FinishSample();
        Assert.Equal(1, network.EventsOutOfGeometry);
        Assert.Equal(0, network.EventsAccepted);
        Assert.Equal(0, network.GetMembraneSum(0));
    }

    [Fact]
    public void One_polarity_models_merge_on_and_off_events_into_the_same_input()
    {
        var layer = new LayerSpec { InputSize = 2, OutputSize = 1, Weights = new sbyte[] { 3, 5 }, Neuron = P.NeuronModel.LeakyIntegrator };
        Network network = Load(TestModels.OneLayer(layer, ticks: 1, P.ReadoutMode.MembraneSum, width: 2, polarities: 1));
        network.PushEvent(1, 0, 0, 0);
        network.PushEvent(1, 0, 1, 0);
        network.FinishSample();
        Assert.Equal(10, network.GetMembraneSum(0));
    }

    [Fact]
    public void Two_polarity_models_put_on_events_after_all_off_pixels()
    {
        // Index (p × height + y) × width + x: ON at (1, 0) is row 3 of a 2 × 1 × 2 input.
        var layer = new LayerSpec { InputSize = 4, OutputSize = 1, Weights = new sbyte[] { 1, 2, 4, 8 }, Neuron = P.NeuronModel.LeakyIntegrator };
        Network network = Load(TestModels.OneLayer(layer, ticks: 1, P.ReadoutMode.MembraneSum, width: 2, polarities: 2));
        network.PushEvent(1, 0, 1, 0);
        network.PushEvent(0, 0, 0, 0);
        network.FinishSample();
        Assert.Equal(8 + 1, network.GetMembraneSum(0));
    }

    [Fact]
    public void Ties_in_the_readout_go_to_the_lowest_index()
    {
        var layer = new LayerSpec
        {
            InputSize = 1, OutputSize = 3, Weights = new sbyte[] { 1, 9, 9 }, Neuron = P.NeuronModel.LeakyIntegrator,
        };
        Network network = Load(TestModels.OneLayer(layer, ticks: 1, P.ReadoutMode.MembraneSum));
        RunTicks(network, 0);
        Assert.Equal(1, network.PredictedClass);
    }

    [Fact]
    public void Spike_count_readout_picks_the_neuron_that_fired_most()
    {
        var layer = new LayerSpec
        {
            InputSize = 1, OutputSize = 3, Weights = new sbyte[] { 1, 2, 5 }, Threshold = new[] { 2, 2, 2 }, Reset = P.ResetMode.Zero,
        };
        Network network = Load(TestModels.OneLayer(layer, ticks: 3));
        RunTicks(network, 0, 1, 2);
        var counts = new int[3];
        network.CopyOutputSpikeCounts(counts);
        Assert.Equal(new[] { 1, 3, 3 }, counts);
        Assert.Equal(1, network.PredictedClass);
    }

    [Fact]
    public void Finish_sample_is_idempotent_and_later_events_are_out_of_order()
    {
        Network network = Load(TestModels.WorkedExample());
        network.PushEvent(0, 0, 0, 100);
        network.FinishSample();
        long sum = network.GetMembraneSum(0);
        long updates = network.NeuronUpdates;
        network.FinishSample();
        network.PushEvent(0, 0, 0, 2500);
        Assert.Equal(sum, network.GetMembraneSum(0));
        Assert.Equal(updates, network.NeuronUpdates);
        Assert.Equal(network.TicksPerSample, network.CurrentTick);
        Assert.Equal(1, network.EventsOutOfOrder);
    }

    [Fact]
    public void Begin_sample_forgets_the_previous_sample()
    {
        Network network = Load(TestModels.WorkedExample());
        network.BeginSample(0);
        network.PushEvent(0, 0, 0, 100);
        network.PushEvent(2, 0, 0, 100);
        network.FinishSample();
        network.BeginSample(1_000_000);
        Assert.Equal(0, network.GetSpikeCount(0, 0));
        Assert.Equal(0, network.GetMembraneSum(0));
        Assert.Equal(0, network.SynOps + network.NeuronUpdates + network.EventsAccepted + network.EventsOutOfGeometry);
        Assert.Equal(0, network.CurrentTick);
        network.PushEvent(0, 0, 0, 1_000_100);
        network.FinishSample();

        Network fresh = Load(TestModels.WorkedExample());
        fresh.BeginSample(0);
        fresh.PushEvent(0, 0, 0, 100);
        fresh.FinishSample();
        Assert.Equal(fresh.GetMembraneSum(0), network.GetMembraneSum(0));
        Assert.Equal(fresh.SynOps, network.SynOps);
    }

    [Fact]
    public void Spikes_of_one_layer_feed_the_next_layer_in_the_same_tick()
    {
        var hidden = new LayerSpec { InputSize = 1, OutputSize = 2, Weights = new sbyte[] { 5, 1 }, Threshold = new[] { 5, 5 }, Reset = P.ResetMode.Zero };
        var output = new LayerSpec
        {
            InputSize = 2, OutputSize = 1, Weights = new sbyte[] { 7, 100 }, Neuron = P.NeuronModel.LeakyIntegrator,
        };
        var spec = new NetSpec { Width = 1, Height = 1, Polarities = 1, TicksPerSample = 1, Readout = P.ReadoutMode.MembraneSum, Layers = new[] { hidden, output } };
        Network network = Network.Load(TestModels.Build(spec));
        RunTicks(network, 0);
        Assert.Equal(7, network.GetMembraneSum(0));
        Assert.Equal(1, network.GetSpikeCount(0, 0));
        Assert.Equal(0, network.GetSpikeCount(0, 1));
        Assert.Equal(2 + 1, network.SynOps);
    }

    [Fact]
    public void Shape_properties_describe_the_loaded_model()
    {
        Network network = Load(TestModels.WorkedExample());
        Assert.Equal((2, 1, 1, 1000, 3, 1, 1), (network.InputWidth, network.InputHeight, network.InputPolarities,
            network.TickMicroseconds, network.TicksPerSample, network.LayerCount, network.OutputSize));
        Assert.Equal(2, network.GetLayerInputSize(0));
        Assert.Equal(1, network.GetLayerOutputSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.GetLayerOutputSize(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.GetSpikeCount(0, 1));
        Assert.Throws<ArgumentException>(() => network.CopyMembraneSums(Array.Empty<long>()));
    }
}
