using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.IntegerModel;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

[Collection("TorchSharp")]
public class IntegerSimulationTests
{
    /// <summary>The model of semantics.md §8.</summary>
    internal static Model WorkedExampleModel()
    {
        var model = new Model
        {
            FormatMajor = 1,
            Input = new InputGeometry { Width = 2, Height = 1, Polarities = 1 },
            TickMicroseconds = 1000,
            TicksPerSample = 3,
            Readout = new Readout { Mode = ReadoutMode.SpikeCount },
        };
        var layer = new Layer
        {
            Name = "worked",
            InputSize = 2,
            OutputSize = 1,
            Neuron = NeuronModel.Lif,
            LeakShift = 1,
            Reset = ResetMode.Subtract,
            Comparison = ThresholdComparison.GreaterOrEqual,
            Weights = new Weights { Encoding = WeightEncoding.Dense, Bits = 8, Values = Google.Protobuf.ByteString.CopyFrom(3, unchecked((byte)-2)), NonzeroCount = 2 },
        };
        layer.Threshold.Add(4);
        layer.WeightScale.Add(1f);
        model.Layers.Add(layer);
        return model;
    }

    internal static Event[] WorkedExampleEvents() =>
    [
        new Event(0, 0, 0, 100),
        new Event(0, 0, 0, 900),
        new Event(1, 0, 0, 1500),
        new Event(0, 0, 0, 2100),
    ];

    [Fact]
    public void Worked_example_of_semantics_section_8_gives_the_table_values()
    {
        using var simulation = new IntegerSimulation(WorkedExampleModel());
        IntegerSimulationResult result = simulation.Run([WorkedExampleEvents()]);

        // Values from the table of semantics.md §8.
        Assert.Equal(1, result.SpikeCounts[0][0, 0]);
        Assert.Equal(8, result.MembraneSums[0, 0]);
        Assert.Equal(4, result.SynOps[0]);
        Assert.Equal(0, result.Predictions[0]);
        Assert.Equal(3, result.NeuronUpdatesPerSample);
    }

    [Fact]
    public void Leak_of_a_negative_membrane_floors_toward_minus_infinity()
    {
        // One leaky integrator, no input, bias −5, leak shift 1. Tick 0: u = −5. Tick 1: −5 − (−5 >> 1) = −5 + 3 = −2,
        // then −2 − 5 = −7. Sum −12 (truncation toward zero would give −13).
        Model model = SingleNeuron(NeuronModel.LeakyIntegrator, bias: -5, leakShift: 1, ticks: 2);
        using var simulation = new IntegerSimulation(model);
        IntegerSimulationResult result = simulation.Run([Array.Empty<Event>()]);
        Assert.Equal(-12, result.MembraneSums[0, 0]);
    }

    [Fact]
    public void Membrane_saturates_at_the_state_range()
    {
        // Bias 5,000,000 per tick, no leak, never fires: 5,000,000 then clamped to 8,388,607 twice.
        Model model = SingleNeuron(NeuronModel.LeakyIntegrator, bias: 5_000_000, leakShift: 0, ticks: 3);
        using var simulation = new IntegerSimulation(model);
        IntegerSimulationResult result = simulation.Run([Array.Empty<Event>()]);
        Assert.Equal(5_000_000L + (2L * 8_388_607), result.MembraneSums[0, 0]);
    }

    [Fact]
    public void Greater_comparison_does_not_fire_at_equality_and_greater_or_equal_does()
    {
        Model greater = SingleNeuron(NeuronModel.Lif, bias: 4, leakShift: 0, ticks: 1, threshold: 4, comparison: ThresholdComparison.Greater);
        Model greaterOrEqual = SingleNeuron(NeuronModel.Lif, bias: 4, leakShift: 0, ticks: 1, threshold: 4, comparison: ThresholdComparison.GreaterOrEqual);
        using var a = new IntegerSimulation(greater);
        using var b = new IntegerSimulation(greaterOrEqual);
        Assert.Equal(0, a.Run([Array.Empty<Event>()]).SpikeCounts[0][0, 0]);
        Assert.Equal(1, b.Run([Array.Empty<Event>()]).SpikeCounts[0][0, 0]);
    }

    [Theory]
    [InlineData(ResetMode.Zero, 3, 9)]       // bias 3, threshold 2: u = 3, 3, 3 (reset to 0 each time)
    [InlineData(ResetMode.Subtract, 3, 12)]  // u = 3 (→1), 4 (→2), 5 (→3)
    [InlineData(ResetMode.None, 3, 18)]      // u = 3, 6, 9
    public void Reset_modes_follow_semantics_section_4(ResetMode reset, long expectedSpikes, long expectedSum)
    {
        Model model = SingleNeuron(NeuronModel.Lif, bias: 3, leakShift: 0, ticks: 3, threshold: 2, reset: reset);
        using var simulation = new IntegerSimulation(model);
        IntegerSimulationResult result = simulation.Run([Array.Empty<Event>()]);
        Assert.Equal(expectedSpikes, result.SpikeCounts[0][0, 0]);
        Assert.Equal(expectedSum, result.MembraneSums[0, 0]);
    }

    [Fact]
    public void Ties_in_the_readout_go_to_the_lowest_index()
    {
        Model model = SingleNeuron(NeuronModel.LeakyIntegrator, bias: 7, leakShift: 0, ticks: 2, outputs: 3);
        model.Readout.Mode = ReadoutMode.MembraneSum;
        model.Layers[0].Bias[0] = 6;
        using var simulation = new IntegerSimulation(model);
        IntegerSimulationResult result = simulation.Run([Array.Empty<Event>()]);
        Assert.Equal(1, result.Predictions[0]);
    }

    [Fact]
    public void Frames_of_the_wrong_shape_are_refused_with_the_expected_shape()
    {
        using var simulation = new IntegerSimulation(WorkedExampleModel());
        using Tensor frames = zeros(2, 1, 2);
        var error = Assert.Throws<ArgumentException>(() => simulation.Run(frames));
        Assert.Contains("[T=3, B, InputSize=2]", error.Message);
    }

    [Fact]
    public void Float32_and_float64_frames_give_the_same_result()
    {
        using var simulation = new IntegerSimulation(WorkedExampleModel());
        using Tensor frames32 = tensor(new float[] { 2, 0, 0, 1, 1, 0 }, [3, 1, 2]);
        using Tensor frames64 = frames32.to_type(ScalarType.Float64);
        Assert.Equal(simulation.Run(frames32).MembraneSums, simulation.Run(frames64).MembraneSums);
        Assert.Equal(8, simulation.Run(frames32).MembraneSums[0, 0]);
    }

    [Fact]
    public void Runs_leave_no_live_tensors_behind()
    {
        using var simulation = new IntegerSimulation(WorkedExampleModel());
        simulation.Run([WorkedExampleEvents()]);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int n = 0; n < 5; n++)
        {
            simulation.Run([WorkedExampleEvents(), WorkedExampleEvents()]);
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Evaluate_counts_correct_predictions()
    {
        // Two outputs: neuron 0 driven by x=0, neuron 1 by x=1.
        Model model = WorkedExampleModel();
        Layer layer = model.Layers[0];
        layer.OutputSize = 2;
        layer.Weights = WeightCodec.Encode([10, 0, 0, 10], 2, 2, 8);
        layer.Threshold.Clear();
        layer.Threshold.AddRange([4, 4]);
        layer.WeightScale.Clear();
        layer.WeightScale.AddRange([1f, 1f]);
        Event[] left = [new Event(0, 0, 0, 10)];
        Event[] right = [new Event(1, 0, 0, 10)];
        var samples = new List<(Event[] events, int label)> { (left, 0), (right, 1), (right, 0) };
        Assert.Equal(2.0 / 3, IntegerSimulation.Evaluate(model, samples, batchSize: 2), 12);
    }

    [Fact]
    public void An_invalid_model_is_refused_when_the_simulation_is_built()
    {
        Model model = WorkedExampleModel();
        model.Layers[0].Threshold[0] = 0;
        var error = Assert.Throws<ModelFileException>(() => new IntegerSimulation(model));
        Assert.Contains("threshold", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    internal static Model SingleNeuron(
        NeuronModel neuron,
        int bias,
        int leakShift,
        int ticks,
        int threshold = 1,
        ThresholdComparison comparison = ThresholdComparison.GreaterOrEqual,
        ResetMode reset = ResetMode.Zero,
        int outputs = 1)
    {
        var model = new Model
        {
            FormatMajor = 1,
            Input = new InputGeometry { Width = 1, Height = 1, Polarities = 1 },
            TickMicroseconds = 1000,
            TicksPerSample = (uint)ticks,

            // SPIKE_COUNT on a leaky integrator, which never outputs, is refused (wire-format.md).
            Readout = new Readout { Mode = neuron == NeuronModel.LeakyIntegrator ? ReadoutMode.MembraneSum : ReadoutMode.SpikeCount },
        };
        var layer = new Layer
        {
            Name = "single",
            InputSize = 1,
            OutputSize = (uint)outputs,
            Neuron = neuron,
            LeakShift = (uint)leakShift,
            Weights = WeightCodec.Encode(new sbyte[outputs], 1, outputs, 8),
        };
        for (int o = 0; o < outputs; o++)
        {
            layer.Bias.Add(bias);
            layer.WeightScale.Add(1f);
            if (neuron == NeuronModel.Lif)
            {
                layer.Threshold.Add(threshold);
            }
        }

        if (neuron == NeuronModel.Lif)
        {
            layer.Reset = reset;
            layer.Comparison = comparison;
        }

        model.Layers.Add(layer);
        return model;
    }
}
