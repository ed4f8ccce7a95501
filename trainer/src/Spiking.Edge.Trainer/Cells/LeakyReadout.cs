using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// A leaky-integrator readout layer (semantics §4.2) with its synapses: <c>v ← β v + W x + b</c>, never spikes, starts
/// at 0. Weights and bias start U(±1/√fan_in), drawn weight first, as the walking skeleton's readout.
/// The MEMBRANE_SUM logits of a network are the time average of v.
/// </summary>
public sealed class LeakyReadout : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;
    private readonly LeakyIntegrator _integrator;

    /// <summary>Creates the readout.</summary>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="outputSize">Classes.</param>
    /// <param name="leakShift">0..24; β = 1 − 2^−leakShift, 0 = no leak.</param>
    /// <param name="generator">Seeded generator.</param>
    /// <param name="name">Module name.</param>
    public LeakyReadout(int inputSize, int outputSize, int leakShift, Generator generator, string name = "readout")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        var bound = 1.0 / Math.Sqrt(inputSize);
        using (no_grad())
        {
            _weight = new Parameter(rand(new long[] { outputSize, inputSize }, generator: generator).mul_(S(2 * bound)).sub_(S(bound)));
            _bias = new Parameter(rand(new long[] { outputSize }, generator: generator).mul_(S(2 * bound)).sub_(S(bound)));
        }

        _weight.DetachFromDisposeScope();
        _bias.DetachFromDisposeScope();
        register_parameter("weight", _weight);
        register_parameter("bias", _bias);
        _integrator = new LeakyIntegrator(leakShift);
        register_module("integrator", _integrator);
    }

    /// <summary>Inputs per tick.</summary>
    public int InputSize { get; }

    /// <summary>Classes.</summary>
    public int OutputSize { get; }

    /// <summary>Leak shift.</summary>
    public int LeakShift => _integrator.LeakShift;

    /// <summary>Weights [out, in].</summary>
    public Parameter Weight => _weight;

    /// <summary>Bias [out].</summary>
    public Parameter Bias => _bias;

    /// <summary>Runs T ticks: inputs [T, B, in] → membranes [T, B, out].</summary>
    /// <param name="inputs">Previous layer's outputs.</param>
    public override Tensor forward(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() != 3 || inputs.shape[2] != InputSize)
        {
            throw new ArgumentException($"{GetName()} expects inputs shaped [T, B, {InputSize}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        }

        using var scope = NewDisposeScope();
        var ticks = inputs.shape[0];
        var batch = inputs.shape[1];
        var currents = nn.functional.linear(inputs.reshape(ticks * batch, InputSize), _weight, _bias).reshape(ticks, batch, -1);
        return _integrator.forward(currents).MoveToOuterDisposeScope();
    }

    /// <summary>Advances one tick: input [B, in] and membrane [B, out] → the new membrane.</summary>
    /// <param name="input">Previous layer's output.</param>
    /// <param name="membrane">Previous membrane (zeros at the start).</param>
    public Tensor Step(Tensor input, Tensor membrane)
    {
        using var current = nn.functional.linear(input, _weight, _bias);
        return _integrator.Step(current, membrane);
    }

    /// <summary>The readout as plain arrays (LEAKY_INTEGRATOR, reset and comparison Unspecified).</summary>
    /// <param name="name">Layer name.</param>
    public FloatLayerSpec ToSpec(string name) => new(
        name,
        NeuronModel.LeakyIntegrator,
        InputSize,
        OutputSize,
        ToArray(_weight),
        ToArray(_bias),
        0f,
        LeakShift,
        ResetMode.Unspecified,
        ThresholdComparison.Unspecified);

    private static float[] ToArray(Tensor value)
    {
        using var copy = value.detach().cpu().contiguous();
        return copy.data<float>().ToArray();
    }
}
