using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

/// <summary>The network composed of the cells (kept beside the cell tests).</summary>
[Collection("TorchSharp")]
public class SpikingMlpTests
{
    [Theory]
    [InlineData(ResetMode.Subtract)]
    [InlineData(ResetMode.Zero)]
    public void Step_by_step_forward_gives_the_same_logits_and_gradients_as_multi_step(ResetMode reset)
    {
        using var scope = NewDisposeScope();
        using var model = new SpikingMlp(18, [24, 12], 4, new LifParameters(leakShift: 3, reset: reset), seed: 5);
        var frames = TensorAssert.Random([10, 3, 18], seed: 11, scale: 1f).ge(0.6f).to_type(ScalarType.Float32).mul_(2f);
        var labels = tensor(new long[] { 0, 2, 3 });

        var multi = model.forward(frames);
        nn.functional.cross_entropy(multi, labels).backward();
        var multiGradients = model.parameters().Select(p => p.grad!.clone()).ToArray();
        model.zero_grad();

        var single = model.ForwardStepByStep(frames);
        nn.functional.cross_entropy(single, labels).backward();
        var singleGradients = model.parameters().Select(p => p.grad!).ToArray();

        TensorAssert.Close(multi, single, 1e-5);
        for (var i = 0; i < multiGradients.Length; i++)
        {
            TensorAssert.Close(multiGradients[i], singleGradients[i], 1e-5);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_and_another_seed_different_ones()
    {
        using var a = new SpikingMlp(10, [8], 3, seed: 42);
        using var b = new SpikingMlp(10, [8], 3, seed: 42);
        using var c = new SpikingMlp(10, [8], 3, seed: 43);
        var wa = a.ToSpec(10, 1, 1, 1000, 5, ["a", "b", "c"]).Layers[0].Weight;
        Assert.Equal(wa, b.ToSpec(10, 1, 1, 1000, 5, ["a", "b", "c"]).Layers[0].Weight);
        Assert.NotEqual(wa, c.ToSpec(10, 1, 1, 1000, 5, ["a", "b", "c"]).Layers[0].Weight);
        Assert.All(wa, w => Assert.InRange(w, -1 / MathF.Sqrt(10), 1 / MathF.Sqrt(10)));
    }

    [Fact]
    public void Spec_has_lif_hidden_layers_a_leaky_integrator_readout_and_output_major_weights()
    {
        var hidden = new LifParameters(leakShift: 5, threshold: 1.5f, reset: ResetMode.Zero, comparison: ThresholdComparison.Greater);
        using var model = new SpikingMlp(8, [6, 5], 3, hidden, readoutLeakShift: 2, seed: 9);
        var spec = model.ToSpec(2, 2, 2, 1000, 20, ["x", "y", "z"]);

        Assert.Equal((2, 2, 2, 1000, 20, ReadoutMode.MembraneSum), (spec.Width, spec.Height, spec.Polarities, spec.TickMicroseconds, spec.TicksPerSample, spec.Readout));
        Assert.Equal(["x", "y", "z"], spec.Labels);
        Assert.Equal(3, spec.Layers.Count);
        var first = spec.Layers[0];
        Assert.Equal((NeuronModel.Lif, 8, 6, 1.5f, 5, ResetMode.Zero, ThresholdComparison.Greater), (first.Neuron, first.InputSize, first.OutputSize, first.Threshold, first.LeakShift, first.Reset, first.Comparison));
        Assert.Equal((6, 5), (spec.Layers[1].InputSize, spec.Layers[1].OutputSize));
        var readout = spec.Layers[2];
        Assert.Equal((NeuronModel.LeakyIntegrator, 5, 3, 2, ResetMode.Unspecified, ThresholdComparison.Unspecified), (readout.Neuron, readout.InputSize, readout.OutputSize, readout.LeakShift, readout.Reset, readout.Comparison));
        Assert.Equal(3 * 5, readout.Weight.Length);
        Assert.Equal(3, readout.Bias.Length);

        // Weight[o * inputs + i] is the weight from input i to neuron o: a one-hot input on i reads column i.
        using var scope = NewDisposeScope();
        var weight = model.parameters().First();
        var hot = zeros(1, 8);
        hot[0, 3] = tensor(1f);
        var column = TensorAssert.Values(hot.matmul(weight.t()));
        for (var o = 0; o < 6; o++)
        {
            Assert.Equal(column[o], first.Weight[(o * 8) + 3]);
        }
    }

    [Fact]
    public void Spec_geometry_that_does_not_match_the_input_size_is_refused()
    {
        using var model = new SpikingMlp(8, [4], 2);
        var error = Assert.Throws<ArgumentException>(() => model.ToSpec(3, 2, 2, 1000, 10, ["a", "b"]));
        Assert.Contains("input size 8", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => model.ToSpec(2, 2, 2, 1000, 10, ["a"]));
    }

    [Fact]
    public void Frames_with_the_wrong_input_size_are_refused_with_the_shape()
    {
        using var model = new SpikingMlp(8, [4], 2);
        using var frames = zeros(5, 2, 7);
        var error = Assert.Throws<ArgumentException>(() => model.forward(frames));
        Assert.Contains("[5, 2, 7]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_layer_sizes_are_refused_naming_the_layer()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SpikingMlp(8, [4, 0], 2));
        Assert.Equal("hiddenSizes[1]", error.ParamName);
    }
}
