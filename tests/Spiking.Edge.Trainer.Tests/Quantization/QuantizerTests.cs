using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Tests.Quantization;

public class QuantizerTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(4)]
    [InlineData(2)]
    public void Weights_round_trip_within_half_a_scale_step(int bits)
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(3, 4, 4, 2, [12, 5], ReadoutMode.SpikeCount);
        QuantizedNetwork q = Quantizer.Quantize(spec, bits);
        QuantizationReport report = QuantizationReport.Create(spec, q);
        foreach (LayerQuantizationError layer in report.Layers)
        {
            Assert.InRange(layer.BoundFraction, 0, 1.0 + 1e-6);
        }

        int qmax = (1 << (bits - 1)) - 1;
        foreach (QuantizedLayer layer in q.Layers)
        {
            Assert.All(layer.Weights, w => Assert.InRange((int)w, -qmax, qmax));
        }

        Assert.True(report.MaxAbsError > 0);
    }

    [Fact]
    public void Each_neuron_uses_its_own_scale_so_its_largest_weight_becomes_qmax()
    {
        // Neuron 0's weights are 10× neuron 1's: per-channel scales keep both at full resolution.
        float[] weight = [1.0f, -0.6f, 0.25f, 0.1f, -0.06f, 0.025f];
        QuantizedNetwork q = Quantizer.Quantize(FloatSpecFactory.OneLayer(weight, 3, 2));
        QuantizedLayer layer = q.Layers[0];
        Assert.Equal(1.0 / 127, layer.Scale[0], 1e-9);
        Assert.Equal(0.1 / 127, layer.Scale[1], 1e-9);

        // Input-major W[i][o]: −0.6 × 127 = −76.2 → −76; 0.25 × 127 = 31.75 → 32.
        Assert.Equal(new sbyte[] { 127, 127, -76, -76, 32, 32 }, layer.Weights);
    }

    [Fact]
    public void The_readout_layer_of_a_membrane_sum_model_shares_one_scale()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(5, 3, 3, 1, [6, 4], ReadoutMode.MembraneSum, leakyReadout: true);
        QuantizedNetwork q = Quantizer.Quantize(spec);

        float[] readout = q.Layers[1].Scale;
        Assert.All(readout, s => Assert.Equal(readout[0], s));
        float layerMax = spec.Layers[1].Weight.Max(Math.Abs);
        Assert.Equal(layerMax / 127f, readout[0], 6);
        Assert.True(q.Layers[0].Scale.Distinct().Count() > 1, "hidden layer keeps per-channel scales");

        QuantizedNetwork spikeCount = Quantizer.Quantize(spec with { Readout = ReadoutMode.SpikeCount });
        Assert.True(spikeCount.Layers[1].Scale.Distinct().Count() > 1, "a SPIKE_COUNT readout keeps per-channel scales");
    }

    [Fact]
    public void Rounding_is_half_away_from_zero_for_weights_bias_and_threshold()
    {
        // Scale is exactly 1 (max 127 / 127), so each value is rounded as is.
        float[] weight = [127f, 2.5f, -2.5f, 0.5f, -0.5f, 1.49f];
        QuantizedNetwork q = Quantizer.Quantize(FloatSpecFactory.OneLayer(weight, 6, 1, threshold: 2.5f, bias: [-2.5f]));
        QuantizedLayer layer = q.Layers[0];
        Assert.Equal(1f, layer.Scale[0]);
        Assert.Equal(new sbyte[] { 127, 3, -3, 1, -1, 1 }, layer.Weights);
        Assert.Equal(-3, layer.Bias[0]);
        Assert.Equal(3, layer.Threshold[0]);
    }

    [Fact]
    public void Threshold_is_at_least_one_even_when_it_rounds_to_zero()
    {
        QuantizedNetwork q = Quantizer.Quantize(FloatSpecFactory.OneLayer([127f, 1f], 2, 1, threshold: 0.4f));
        Assert.Equal(1, q.Layers[0].Threshold[0]);
    }

    [Fact]
    public void Threshold_and_bias_are_clamped_to_the_state_range()
    {
        QuantizedNetwork q = Quantizer.Quantize(FloatSpecFactory.OneLayer([1e-6f, 0f], 2, 1, threshold: 1e6f, bias: [-1e6f]));
        Assert.Equal(Semantics.StateMax, q.Layers[0].Threshold[0]);
        Assert.Equal(Semantics.StateMin, q.Layers[0].Bias[0]);
    }

    [Fact]
    public void An_all_zero_neuron_takes_the_layers_largest_scale_and_an_all_zero_layer_a_finite_one()
    {
        QuantizedNetwork q = Quantizer.Quantize(FloatSpecFactory.OneLayer([0.5f, -1f, 0f, 0f], 2, 2, threshold: 2f));
        Assert.Equal((float)(1.0 / 127), q.Layers[0].Scale[1]);
        Assert.Equal(254, q.Layers[0].Threshold[1]);

        QuantizedNetwork zero = Quantizer.Quantize(FloatSpecFactory.OneLayer([0f, 0f], 2, 1, threshold: 2f, bias: [0.5f]));
        Assert.Equal((float)(2.0 / 127), zero.Layers[0].Scale[0]);
        Assert.Equal(127, zero.Layers[0].Threshold[0]);
        Assert.Equal(32, zero.Layers[0].Bias[0]); // 0.5 / (2/127) = 31.75
    }

    [Fact]
    public void A_leaky_integrator_gets_no_threshold_reset_or_comparison()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(6, 2, 2, 2, [5, 3], ReadoutMode.MembraneSum, leakyReadout: true);
        QuantizedLayer readout = Quantizer.Quantize(spec).Layers[1];
        Assert.Equal(NeuronModel.LeakyIntegrator, readout.Neuron);
        Assert.Empty(readout.Threshold);
        Assert.Equal(ResetMode.Unspecified, readout.Reset);
        Assert.Equal(ThresholdComparison.Unspecified, readout.Comparison);
    }

    [Fact]
    public void Weights_much_smaller_than_the_row_maximum_become_zero_and_the_report_says_how_many()
    {
        float[] weight = [1f, 0.001f, -0.002f, 0.6f];
        FloatNetworkSpec spec = FloatSpecFactory.OneLayer(weight, 4, 1);
        QuantizationReport report = QuantizationReport.Create(spec, Quantizer.Quantize(spec));
        Assert.Equal(0.5, report.BecameZeroFraction);
        Assert.Equal(0.5, report.ZeroFraction);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void A_weight_width_outside_2_to_8_bits_is_refused(int bits)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Quantizer.Quantize(FloatSpecFactory.OneLayer([1f], 1, 1), bits));
        Assert.Contains("2..8", error.Message);
    }

    [Fact]
    public void A_non_finite_weight_is_refused_naming_layer_and_index()
    {
        var error = Assert.Throws<ArgumentException>(() => Quantizer.Quantize(FloatSpecFactory.OneLayer([1f, float.NaN], 2, 1)));
        Assert.Contains("layer 0 ('only'): Weight[1]", error.Message);
    }

    [Fact]
    public void Layer_sizes_that_do_not_chain_are_refused()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(1, 2, 2, 1, [3, 2], ReadoutMode.SpikeCount);
        FloatNetworkSpec broken = spec with { Layers = [spec.Layers[0], spec.Layers[1] with { InputSize = 4, Weight = new float[8] }] };
        var error = Assert.Throws<ArgumentException>(() => Quantizer.Quantize(broken));
        Assert.Contains("layer 1 ('fc1'): InputSize 4 differs from the expected 3", error.Message);
    }
}
