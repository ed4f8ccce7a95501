using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// A population of spiking (or graded) neurons with its input synapses: feed-forward weights W [out, in], an optional
/// bias b and optional recurrent weights R on the layer's own previous-tick outputs. The drive of tick k is
/// <c>d = W x[k] + b + R y[k−1]</c> (semantics §4.0); the cell (<see cref="Tick"/>) turns it into the output y[k].
/// <see cref="forward"/> runs a whole sequence [T, B, in] → [T, B, out] with the feed-forward projection as one matrix
/// product over T·B rows, then the recurrence over <c>unbind(0)</c> slices, one dispose scope per tick.
/// <see cref="Step"/> advances one tick and gives the same values.
/// </summary>
public abstract class SpikingLayer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private readonly Parameter? _recurrentWeight;
    private readonly Tensor? _recurrentMask;
    private readonly Tensor? _fixedRecurrentWeight;

    /// <summary>Builds the synapses; derived classes register their own parameters after these.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="outputSize">Neurons.</param>
    /// <param name="wiring">Bias, recurrence and initialisation bounds.</param>
    /// <param name="generator">Seeded generator the initial weights are drawn from.</param>
    /// <param name="path">JSON path of the layer, for error messages.</param>
    protected SpikingLayer(string name, int inputSize, int outputSize, LayerWiring wiring, Generator generator, string path)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        ArgumentNullException.ThrowIfNull(generator);
        ConfigCheck.IntRange($"{path}.inputSize", inputSize, 1, 65535);
        ConfigCheck.IntRange($"{path}.size", outputSize, 1, 65535);
        InputSize = inputSize;
        OutputSize = outputSize;
        Recurrence = wiring.Recurrence;
        _weight = NewParameter(Uniform([outputSize, inputSize], wiring.WeightBound, generator));
        register_parameter("weight", _weight);
        if (wiring.HasBias)
        {
            _bias = NewParameter(wiring.BiasBound > 0 ? Uniform([outputSize], wiring.BiasBound, generator) : zeros(outputSize));
            register_parameter("bias", _bias);
        }

        switch (wiring.Recurrence)
        {
            case Recurrence.None:
                break;
            case Recurrence.Dense:
                _recurrentWeight = NewParameter(Uniform([outputSize, outputSize], wiring.RecurrentBound, generator));
                register_parameter("recurrent_weight", _recurrentWeight);
                break;
            case Recurrence.Reservoir:
                {
                    var options = wiring.Reservoir ?? new ReservoirOptions();
                    var grid = options.GridFor($"{path}.reservoir", outputSize);
                    Connectivity = ReservoirConnectivity.Build(grid, options.Seed, options.InhibitoryFraction);
                    _recurrentMask = tensor(Connectivity.MaskValues()).reshape(outputSize, outputSize).DetachFromDisposeScope();
                    using (no_grad())
                    {
                        using var drawn = Uniform([outputSize, outputSize], wiring.RecurrentBound, generator);
                        _recurrentWeight = NewParameter(drawn.mul(_recurrentMask));
                    }

                    register_parameter("recurrent_weight", _recurrentWeight);
                    register_buffer("recurrent_mask", _recurrentMask, persistent: false);
                    break;
                }

            case Recurrence.LateralInhibition:
                {
                    ConfigCheck.Finite($"{path}.lateralInhibitionWeight", wiring.LateralInhibitionWeight);
                    LateralInhibitionWeight = wiring.LateralInhibitionWeight;
                    using var eye = torch.eye(outputSize);
                    _fixedRecurrentWeight = eye.sub(S(1)).mul_(S(wiring.LateralInhibitionWeight)).DetachFromDisposeScope();
                    register_buffer("lateral_weight", _fixedRecurrentWeight, persistent: false);
                    break;
                }

            default:
                throw new ConfigException($"{path}.recurrence", $"'{wiring.Recurrence}' is not valid; valid choices: none, dense, reservoir, lateralInhibition");
        }
    }

    /// <summary>Inputs per tick.</summary>
    public int InputSize { get; }

    /// <summary>Neurons.</summary>
    public int OutputSize { get; }

    /// <summary>Kind of recurrent weights.</summary>
    public Recurrence Recurrence { get; }

    /// <summary>The reservoir connectivity (Reservoir only).</summary>
    public ReservoirConnectivity? Connectivity { get; }

    /// <summary>w0 of the fixed lateral inhibition (LateralInhibition only, else 0).</summary>
    public float LateralInhibitionWeight { get; }

    /// <summary>True when the outputs are graded values in [0, 1] (sSNU, SRC), false for 0/1 spikes.</summary>
    public abstract bool HasGradedOutput { get; }

    /// <summary>Feed-forward weights [out, in] (trainable).</summary>
    public Parameter Weight => _weight;

    /// <summary>Bias [out] in the drive (trainable), or null.</summary>
    public Parameter? Bias => _bias;

    /// <summary>Trainable recurrent weights [post, pre] (Dense, Reservoir; for Reservoir only the masked entries are used), or null.</summary>
    public Parameter? RecurrentWeight => _recurrentWeight;

    /// <summary>The reservoir mask [post, pre] of 0/1 (Reservoir only).</summary>
    public Tensor? RecurrentMask => _recurrentMask;

    /// <summary>
    /// The recurrent weights as used in the drive, [post, pre], as a new tensor: R (Dense), R ⊙ mask (Reservoir) or the
    /// fixed −w0 off-diagonal matrix (LateralInhibition); null for a feed-forward layer.
    /// </summary>
    public Tensor? EffectiveRecurrentWeight() => Recurrence switch
    {
        Recurrence.Dense => _recurrentWeight!.alias(),
        Recurrence.Reservoir => _recurrentWeight!.mul(_recurrentMask!),
        Recurrence.LateralInhibition => _fixedRecurrentWeight!.alias(),
        _ => null,
    };

    /// <summary>The state at the start of a sample for <paramref name="batchSize"/> samples.</summary>
    /// <param name="batchSize">B.</param>
    public abstract LayerState InitialState(long batchSize);

    /// <summary>Runs T ticks from the start-of-sample state.</summary>
    /// <param name="inputs">Inputs [T, B, in] (spikes, graded values or event counts).</param>
    /// <returns>Outputs [T, B, out].</returns>
    public override Tensor forward(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() != 3 || inputs.shape[2] != InputSize)
        {
            throw new ArgumentException($"{GetName()} expects inputs shaped [T, B, {InputSize}]; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        }

        var ticks = inputs.shape[0];
        var batch = inputs.shape[1];
        using var scope = NewDisposeScope();
        var feedForward = Project(inputs.reshape(ticks * batch, InputSize)).reshape(ticks, batch, -1);
        var slices = feedForward.unbind(0);
        var recurrent = EffectiveRecurrentWeight();
        var state = InitialState(batch);
        var outputs = new Tensor[ticks];
        for (var t = 0; t < ticks; t++)
        {
            LayerState next;
            using (NewDisposeScope())
            {
                var drive = recurrent is null ? slices[t].alias() : slices[t].add(nn.functional.linear(state.Output, recurrent));
                next = Tick(drive, state);
                next.MoveToOuterDisposeScope();
            }

            state.DisposeCell();
            slices[t].Dispose();
            outputs[t] = next.Output;
            state = next;
        }

        return stack(outputs, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Advances one tick: input [B, in] and the previous state → the new state, whose <see cref="LayerState.Output"/> is y.</summary>
    /// <param name="input">This tick's input.</param>
    /// <param name="state">The previous state (from <see cref="InitialState"/> at the start of a sample).</param>
    public LayerState Step(Tensor input, LayerState state)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(state);
        if (input.dim() != 2 || input.shape[1] != InputSize)
        {
            throw new ArgumentException($"{GetName()} expects an input shaped [B, {InputSize}]; got [{string.Join(", ", input.shape)}].", nameof(input));
        }

        using var scope = NewDisposeScope();
        var feedForward = Project(input);
        var recurrent = EffectiveRecurrentWeight();
        var drive = recurrent is null ? feedForward : feedForward.add(nn.functional.linear(state.Output, recurrent));
        var next = Tick(drive, state);
        next.MoveToOuterDisposeScope();
        return next;
    }

    /// <summary>The trained layer as plain arrays (semantics §4.1 or §4.3 float form).</summary>
    /// <param name="name">Layer name in the model file.</param>
    public abstract FloatLayerSpec ToSpec(string name);

    /// <summary>One tick of the cell: the drive d [B, N] (feed-forward, bias and recurrent terms already summed) and the
    /// previous state → the new state. Must return new tensors (never the previous state's), as the caller disposes those.</summary>
    /// <param name="drive">d.</param>
    /// <param name="state">Previous state.</param>
    protected abstract LayerState Tick(Tensor drive, LayerState state);

    /// <summary>W x + b for x [rows, in].</summary>
    /// <param name="input">Input rows.</param>
    protected Tensor Project(Tensor input) => nn.functional.linear(input, _weight, _bias);

    /// <summary>The spec fields every layer shares: weights, bias (zeros when none) and recurrent weights.</summary>
    /// <param name="name">Layer name.</param>
    /// <param name="neuron">Neuron model.</param>
    /// <param name="threshold">Scalar threshold.</param>
    /// <param name="leakShift">Leak shift.</param>
    /// <param name="reset">Reset mode.</param>
    /// <param name="comparison">Threshold comparison.</param>
    protected FloatLayerSpec BaseSpec(string name, NeuronModel neuron, float threshold, int leakShift, ResetMode reset, ThresholdComparison comparison)
    {
        using var recurrent = EffectiveRecurrentWeight();
        return new FloatLayerSpec(
            name,
            neuron,
            InputSize,
            OutputSize,
            ToArray(_weight),
            _bias is null ? new float[OutputSize] : ToArray(_bias),
            threshold,
            leakShift,
            reset,
            comparison)
        {
            RecurrentWeight = recurrent is null ? [] : ToArray(recurrent),
        };
    }

    /// <summary>A zero state tensor [B, N] on the weights' device.</summary>
    /// <param name="batchSize">B.</param>
    protected Tensor ZeroState(long batchSize) => zeros(batchSize, OutputSize, device: _weight.device);

    /// <summary>A state tensor [B, N] filled with <paramref name="value"/>.</summary>
    /// <param name="batchSize">B.</param>
    /// <param name="value">Fill value.</param>
    protected Tensor FilledState(long batchSize, float value) => full(batchSize, OutputSize, S(value), device: _weight.device);

    /// <summary>A new trainable parameter that no dispose scope owns.</summary>
    /// <param name="value">Initial value (ownership passes to the parameter).</param>
    protected static Parameter NewParameter(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parameter = new Parameter(value, requires_grad: true);
        parameter.DetachFromDisposeScope();
        return parameter;
    }

    /// <summary>The values of a tensor as a float array (detached, on the CPU).</summary>
    /// <param name="value">Tensor.</param>
    protected static float[] ToArray(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var copy = value.detach().cpu().contiguous();
        return copy.data<float>().ToArray();
    }

    /// <summary>U(−bound, bound) as <c>rand · 2·bound − bound</c>.</summary>
    /// <param name="shape">Shape.</param>
    /// <param name="bound">Bound.</param>
    /// <param name="generator">Seeded generator.</param>
    protected static Tensor Uniform(long[] shape, double bound, Generator generator)
    {
        using (no_grad())
        {
            return rand(shape, generator: generator).mul_(S(2 * bound)).sub_(S(bound));
        }
    }
}
