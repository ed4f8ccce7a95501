using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Tests.Quantization;

/// <summary>The format-1.1 options of the quantizer, each checked against values computed by hand.</summary>
public class QuantizerOptionTests
{
    [Fact]
    public void Gains_become_Q15_the_slope_Q16_and_integer_options_pass_through()
    {
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 2, 1, [127f, 0f]) with
        {
            RefractoryGain = [1f, 0.5f, 0.1f, 0f],
            Activation = StateActivation.LeakyRelu,
            NegativeSlope = 0.1f,
            DecayQ16 = 40000,
            CurrentShift = 3,
            RefractoryTicks = 2,
        };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];

        Assert.Equal(new[] { 32768, 16384, 3277, 0 }, q.RefractoryGain); // 0.1 × 32768 = 3276.8
        Assert.Equal(StateActivation.LeakyRelu, q.Activation);
        Assert.Equal(6554, q.NegativeSlopeQ16); // 0.1 × 65536 = 6553.6
        Assert.Equal((40000, 3, 2, 0), (q.DecayQ16, q.CurrentShift, q.RefractoryTicks, q.LeakShift));
    }

    [Fact]
    public void Inhibition_floor_threshold_and_bias_are_in_state_units_rounded_half_away_from_zero()
    {
        // max |w| = 63.5, qmax 127: u = 0.5.
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 1, 1, [63.5f], threshold: 2f, bias: [0.75f]) with { Inhibition = [1.25f], MembraneFloor = [-1.25f] };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];

        Assert.Equal(0.5f, q.StateUnit[0]);
        Assert.Equal([3], q.Inhibition);     // 2.5
        Assert.Equal([-3], q.MembraneFloor); // −2.5
        Assert.Equal([4], q.Threshold);
        Assert.Equal([2], q.Bias);           // 1.5
    }

    [Fact]
    public void A_graded_layers_inhibition_counts_per_unit_of_graded_output()
    {
        // u = 0.5; one unit of another neuron's output is y = 128, so inhibition 96 becomes 96 / (0.5 × 128) = 1.5 → 2.
        FloatLayerSpec layer = OptionSpecs.Graded("graded", 1, 2, [63.5f, 10f]) with { Inhibition = [96f, 64f] };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];
        Assert.Equal([2, 1], q.Inhibition);
    }

    [Fact]
    public void A_layer_after_graded_outputs_uses_a_state_unit_128_times_smaller_than_its_weight_scale()
    {
        FloatLayerSpec first = OptionSpecs.Graded("graded", 2, 2, [1f, 0f, 0f, 1f]);
        FloatLayerSpec second = OptionSpecs.Lif("lif", 2, 1, [127f, -63.75f], threshold: 1f, bias: [0.5f]);
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, first, second)).Layers[1];

        Assert.Equal(1f, q.Scale[0]);
        Assert.Equal(1f / 128, q.StateUnit[0]);
        Assert.Equal(new sbyte[] { 127, -64 }, q.Weights); // same weights as without the graded input
        Assert.Equal([128], q.Threshold);
        Assert.Equal([64], q.Bias);
    }

    [Fact]
    public void Spiking_recurrent_weights_share_each_neurons_state_unit_with_its_input_weights()
    {
        // Row-major [post, pre]. Neuron 0: w = 0.75, r from neuron 1 = 2 → u0 = 2/127, W = 47.625 → 48, R = 127.
        // Neuron 1: w = 0.5, r from neuron 0 = 0.3 → u1 = 0.5/127, W = 127, R = 76.2 → 76.
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 1, 2, [0.75f, 0.5f]) with { RecurrentWeight = [0f, 2f, 0.3f, 0f] };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];

        Assert.Equal((float)(2.0 / 127), q.StateUnit[0]);
        Assert.Equal((float)(0.5 / 127), q.StateUnit[1]);
        Assert.Equal(new sbyte[] { 48, 127 }, q.Weights);
        Assert.Equal(new sbyte[] { 0, 76, 127, 0 }, q.RecurrentWeights); // presynaptic-major [p, o]
        Assert.Equal(q.StateUnit, q.RecurrentScale);
    }

    [Fact]
    public void Graded_recurrent_weights_count_their_source_as_128_and_the_layer_shares_one_state_unit()
    {
        // Neuron 0: w = 0.5, r from neuron 1 = 64 (→ 64/128 = 0.5); neuron 1: w = 0.3. One unit for the layer: 0.5/127.
        FloatLayerSpec layer = OptionSpecs.Graded("graded", 1, 2, [0.5f, 0.3f]) with { RecurrentWeight = [0f, 64f, 0f, 0f] };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];

        float u = (float)(0.5 / 127);
        Assert.Equal(new[] { u, u }, q.StateUnit);
        Assert.Equal(new sbyte[] { 127, 76 }, q.Weights); // 0.3 / u = 76.2
        Assert.Equal(new sbyte[] { 0, 0, 127, 0 }, q.RecurrentWeights);
        Assert.Equal(new[] { u * 128, u * 128 }, q.RecurrentScale);
    }

    [Fact]
    public void A_graded_layer_keeps_thresholds_below_one_gets_a_table_and_no_comparison()
    {
        FloatLayerSpec layer = OptionSpecs.Graded("graded", 1, 3, [1.27f, 0.5f, 0.2f]) with { Thresholds = [-0.5f, 0f, 0.0049f] };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];

        Assert.Equal(0.01f, q.StateUnit[0]);
        Assert.Equal([-50, 0, 0], q.Threshold);
        Assert.Equal(OutputKind.Graded, q.Output);
        Assert.Equal(ThresholdComparison.Unspecified, q.Comparison);
        Assert.Equal(ResetMode.Gate, q.Reset);
        Assert.NotNull(q.OutputTable);
    }

    [Fact]
    public void Per_neuron_thresholds_replace_the_layer_threshold_and_stay_at_least_one_for_spikes()
    {
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 1, 3, [127f, 127f, 127f], threshold: 50f) with { Thresholds = [2.5f, 0.2f, 1000f] };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];
        Assert.Equal([3, 1, 1000], q.Threshold);
    }

    [Fact]
    public void Src_constants_become_Q16_and_Q_F_by_hand()
    {
        FloatLayerSpec layer = OptionSpecs.Src("src", 1, 2, [1f, 1f], bias: [0.25f, -1f]);
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];
        QuantizedSrc src = q.Src!;

        Assert.Equal(12, src.FractionBits);
        Assert.Equal(58982, src.InputDecay);               // 0.9f × 65536 = 58982.398
        Assert.Equal((8192, -28672, 2048), (src.FastFeedback, src.SlowFeedback, src.GateThreshold));
        Assert.Equal((58982, 0), (src.SlowGateRest, src.SlowGateActive));
        Assert.Equal((410, -205), (src.RestFast, src.RestSlow)); // 409.6, −204.8
        Assert.Equal([1024, -4096], q.Bias);
        Assert.Empty(q.Threshold);
        Assert.Equal((ResetMode.Unspecified, ThresholdComparison.Unspecified, 0), (q.Reset, q.Comparison, q.LeakShift));
        Assert.Equal(OutputKind.Unspecified, q.Output);
        Assert.True(q.HasGradedOutput);
    }

    [Fact]
    public void The_src_fraction_bits_can_be_chosen()
    {
        FloatLayerSpec layer = OptionSpecs.Src("src", 1, 1, [1f], bias: [0.25f]);
        QuantizedSrc src = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer), srcFractionBits: 10).Layers[0].Src!;
        Assert.Equal((10, 2048, 512), (src.FractionBits, src.FastFeedback, src.GateThreshold));
        Assert.All(src.FastTable.Values, v => Assert.InRange(v, -1024, 1024));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(15)]
    public void Src_fraction_bits_outside_8_to_14_are_refused(int fractionBits)
    {
        FloatNetworkSpec spec = OptionSpecs.Network(ReadoutMode.SpikeCount, OptionSpecs.Src("src", 1, 1, [1f]));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Quantizer.Quantize(spec, srcFractionBits: fractionBits));
        Assert.Contains("8..14", error.Message);
    }

    [Fact]
    public void Defaults_that_mean_absent_are_written_as_absent_so_a_plain_layer_stays_format_1_0()
    {
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 2, 1, [1f, 0.5f]) with
        {
            Output = OutputKind.Binary,
            Activation = StateActivation.Identity,
            ResetScope = ResetScope.Neuron,
        };
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.SpikeCount, layer)).Layers[0];
        Assert.Equal((OutputKind.Unspecified, StateActivation.Unspecified, ResetScope.Unspecified), (q.Output, q.Activation, q.ResetScope));
        Assert.Null(q.OutputTable);
        Assert.Null(q.Src);
        Assert.Empty(q.RecurrentWeights);
        Assert.Empty(q.RefractoryGain);
    }

    [Fact]
    public void A_membrane_sum_readout_after_graded_outputs_shares_one_state_unit()
    {
        FloatLayerSpec first = OptionSpecs.Graded("graded", 2, 3, OptionSpecs.Pattern(1, 2, 3));
        FloatLayerSpec readout = OptionSpecs.Leaky("readout", 3, 2, [1f, 0.5f, 0.25f, 0.1f, 0.2f, 0.3f]);
        QuantizedLayer q = Quantizer.Quantize(OptionSpecs.Network(ReadoutMode.MembraneSum, first, readout)).Layers[1];
        Assert.Equal((float)(1.0 / 128 / 127), q.StateUnit[0]);
        Assert.Equal(q.StateUnit[0], q.StateUnit[1]);
        Assert.Equal((float)(1.0 / 127), q.Scale[1]);
    }

    [Fact]
    public void The_report_includes_recurrent_weights_in_the_error()
    {
        FloatLayerSpec layer = OptionSpecs.Lif("lif", 1, 2, [1f, 1f]) with { RecurrentWeight = [0f, 0.3f, 0.0041f, 0f] };
        FloatNetworkSpec spec = OptionSpecs.Network(ReadoutMode.SpikeCount, layer);
        QuantizationReport report = QuantizationReport.Create(spec, Quantizer.Quantize(spec));

        // u = 1/127 for both; 0.3 × 127 = 38.1 → 38 (error 0.1/127); 0.0041 × 127 = 0.52 → 1 (error 0.48/127).
        Assert.Equal(0.4793 / 127, report.Layers[0].MaxAbsError, 6);
        Assert.InRange(report.Layers[0].BoundFraction, 0.9, 1.0);
    }
}
