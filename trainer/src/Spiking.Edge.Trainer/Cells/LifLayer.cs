using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// The plain LIF layer (semantics §4.1 steps 5, 6, 10, 11): <c>h = β v + d</c>; <c>s = H(h − θ)</c> (≥ or &gt;) with the
/// fast-sigmoid surrogate; reset Zero, Subtract or None (<see cref="LifStep"/>). Weights and bias start
/// U(±1/√fan_in) (recurrent: U(±1/√N)), as the walking skeleton's LIF MLP drew them.
/// Cell state: [v] (the membrane after the reset).
/// </summary>
public sealed class LifLayer : SpikingLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="outputSize">Neurons.</param>
    /// <param name="options">LIF options.</param>
    /// <param name="generator">Seeded generator for the initial weights.</param>
    /// <param name="hasBias">Whether the drive has a trainable bias (drawn like the weights).</param>
    /// <param name="recurrence">Recurrent weights.</param>
    /// <param name="reservoir">Reservoir options (Reservoir only).</param>
    /// <param name="lateralInhibitionWeight">w0 (LateralInhibition only).</param>
    /// <param name="name">Module name.</param>
    /// <param name="path">JSON path for error messages.</param>
    public LifLayer(
        int inputSize,
        int outputSize,
        LifOptions options,
        Generator generator,
        bool hasBias = true,
        Recurrence recurrence = Recurrence.None,
        ReservoirOptions? reservoir = null,
        float lateralInhibitionWeight = 1f,
        string name = "lif_layer",
        string path = "layer")
        : base(name, inputSize, outputSize, Wiring(inputSize, outputSize, hasBias, recurrence, reservoir, lateralInhibitionWeight), generator, path)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Parameters = options.ToParameters($"{path}.lif");
    }

    /// <summary>The options the layer was built with.</summary>
    public LifOptions Options { get; }

    /// <summary>The validated LIF parameters.</summary>
    public LifParameters Parameters { get; }

    /// <inheritdoc/>
    public override bool HasGradedOutput => false;

    /// <inheritdoc/>
    public override LayerState InitialState(long batchSize) => new(ZeroState(batchSize), ZeroState(batchSize));

    /// <inheritdoc/>
    public override FloatLayerSpec ToSpec(string name) =>
        BaseSpec(name, NeuronModel.Lif, Parameters.Threshold, Parameters.LeakShift, Parameters.Reset, Parameters.Comparison);

    /// <inheritdoc/>
    protected override LayerState Tick(Tensor drive, LayerState state)
    {
        var result = LifStep.Step(drive, state.Cell[0], Parameters);
        return new LayerState(result.Spikes, result.Membrane);
    }

    private static LayerWiring Wiring(int inputSize, int outputSize, bool hasBias, Recurrence recurrence, ReservoirOptions? reservoir, float lateral)
    {
        var bound = 1.0 / Math.Sqrt(Math.Max(inputSize, 1));
        return new LayerWiring(hasBias, bound, bound, recurrence, 1.0 / Math.Sqrt(Math.Max(outputSize, 1)), reservoir, lateral);
    }
}
