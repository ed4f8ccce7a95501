using Spiking.Edge.Trainer.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Cells;

/// <summary>Helpers for driving a layer by hand.</summary>
internal static class LayerTesting
{
    /// <summary>Sets the feed-forward weights to the identity, so that the drive equals the input.</summary>
    public static void IdentityWeights(SpikingLayer layer)
    {
        using var noGrad = no_grad();
        using var identity = eye(layer.OutputSize, layer.InputSize);
        layer.Weight.copy_(identity);
    }

    /// <summary>Element-wise |expected − actual| ≤ tolerance, with the index in the message.</summary>
    public static void Near(float[] expected, Tensor actual, double tolerance = 1e-5)
    {
        var values = TensorAssert.Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {values[i]}");
        }
    }

    /// <summary>Fills a parameter with the given values.</summary>
    public static void Set(Tensor parameter, params float[] values)
    {
        using var noGrad = no_grad();
        using var source = tensor(values).reshape(parameter.shape);
        parameter.copy_(source);
    }

    /// <summary>Runs the single-step path over rows of drives [T][N] for one sample; returns the states after each tick.</summary>
    public static List<LayerState> Run(SpikingLayer layer, float[][] inputs, long batch = 1)
    {
        var state = layer.InitialState(batch);
        var states = new List<LayerState>();
        foreach (var row in inputs)
        {
            using var input = tensor(row).reshape(batch, -1);
            state = layer.Step(input, state);
            states.Add(state);
        }

        return states;
    }

    /// <summary>Multi-step outputs and input gradients equal the single-step path's (same seed for the loss weights).</summary>
    public static void AssertMultiStepEqualsSingleStep(SpikingLayer layer, long ticks, long batch, float inputScale, double tolerance = 1e-5)
    {
        using var scope = NewDisposeScope();
        var inputs = TensorAssert.Random([ticks, batch, layer.InputSize], seed: 21, scale: inputScale).requires_grad_();
        var lossWeights = TensorAssert.Random([ticks, batch, layer.OutputSize], seed: 22, scale: 1f);

        var multi = layer.forward(inputs);
        multi.mul(lossWeights).sum().backward();
        var multiInputGradient = inputs.grad!.clone();
        var multiWeightGradient = layer.Weight.grad!.clone();
        inputs.grad!.zero_();
        layer.zero_grad();

        var state = layer.InitialState(batch);
        var outputs = new List<Tensor>();
        foreach (var slice in inputs.unbind(0))
        {
            state = layer.Step(slice, state);
            outputs.Add(state.Output);
        }

        var single = stack(outputs, 0);
        single.mul(lossWeights).sum().backward();

        TensorAssert.Close(multi, single, tolerance);
        TensorAssert.Close(multiInputGradient, inputs.grad!, tolerance);
        TensorAssert.Close(multiWeightGradient, layer.Weight.grad!, tolerance);
        layer.zero_grad();
    }

    /// <summary>After a backward pass through T ticks every trainable parameter has a non-zero gradient.</summary>
    public static void AssertGradientsReachEveryParameter(SpikingLayer layer, long ticks, long batch, float inputScale)
    {
        using var scope = NewDisposeScope();
        layer.zero_grad();
        var inputs = TensorAssert.Random([ticks, batch, layer.InputSize], seed: 31, scale: inputScale);
        var lossWeights = TensorAssert.Random([ticks, batch, layer.OutputSize], seed: 32, scale: 1f).sub_(0.5f);
        layer.forward(inputs).mul(lossWeights).sum().backward();
        foreach (var (name, parameter) in layer.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0f, $"{name} has an all-zero gradient");
        }

        layer.zero_grad();
    }
}
