using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// The spiking recurrent cell of De Geeter, Ernst and Drion (seed-methods §1.2 with z = 0), exactly the float form of
/// semantics §4.3, per tick: <c>i ← α i + d</c> (d = W s, no bias); <c>x = ρ tanh(i/ρ)</c>;
/// <c>z_s = z_dep if h_prev &gt; θ_z else z_hyp</c>; <c>h = tanh(x + r h_prev + r_s h_s,prev + b)</c>;
/// <c>h_s = z_s h_s,prev + (1 − z_s) h_prev</c> (computed as h_prev + z_s (h_s,prev − h_prev)); output ReLU(h).
/// α and the gates are Q16-rounded. b is learned per neuron (start −6) and clamped to ≤ −4 in the forward pass. Every sample starts at rest: i = 0 and (h, h_s) at the zero-input
/// equilibrium of a neuron with the initial bias (<see cref="SrcRest"/>), one value per layer. Switches: detached
/// recurrence (h_prev and h_s,prev detached) and straight-through ReLU (h + (ReLU(h) − h).detach()). Plain BPTT.
/// Cell state: [i, h, h_s].
/// </summary>
public sealed class SrcLayer : SpikingLayer
{
    private readonly Parameter _bias;
    private readonly float _alpha;
    private readonly float _slowGateRest;
    private readonly float _slowGateActive;

    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="outputSize">Neurons.</param>
    /// <param name="options">SRC options.</param>
    /// <param name="generator">Seeded generator for the initial weights.</param>
    /// <param name="recurrence">Recurrent weights on the previous outputs ReLU(h) (the paper's SRC has none).</param>
    /// <param name="reservoir">Reservoir options (Reservoir only).</param>
    /// <param name="lateralInhibitionWeight">w0 (LateralInhibition only).</param>
    /// <param name="name">Module name.</param>
    /// <param name="path">JSON path for error messages.</param>
    public SrcLayer(
        int inputSize,
        int outputSize,
        SrcOptions options,
        Generator generator,
        Recurrence recurrence = Recurrence.None,
        ReservoirOptions? reservoir = null,
        float lateralInhibitionWeight = 1f,
        string name = "src_layer",
        string path = "layer")
        : base(name, inputSize, outputSize, Wiring(options, path, inputSize, outputSize, recurrence, reservoir, lateralInhibitionWeight), generator, path)
    {
        Options = options;
        _alpha = FixedPoint.RoundToQ16(options.Alpha);
        _slowGateRest = FixedPoint.RoundToQ16(options.SlowGateRest);
        _slowGateActive = FixedPoint.RoundToQ16(options.SlowGateActive);
        (RestFast, RestSlow) = SrcRest.Equilibrium(options.FastFeedback, options.SlowFeedback, options.GateThreshold, _slowGateRest, _slowGateActive, options.BiasInit);
        _bias = NewParameter(full(outputSize, S(options.BiasInit)));
        register_parameter("src_bias", _bias);
    }

    /// <summary>The options the layer was built with.</summary>
    public SrcOptions Options { get; }

    /// <summary>h at the start of a sample (the zero-input equilibrium with the initial bias).</summary>
    public float RestFast { get; }

    /// <summary>h_s at the start of a sample.</summary>
    public float RestSlow { get; }

    /// <summary>The learned per-neuron bias b [N] of the fast pre-activation (used clamped to ≤ <see cref="SrcOptions.BiasMax"/>).</summary>
    public Parameter FastBias => _bias;

    /// <summary>The constants as the cell computes with them (α and gates Q16-rounded) and the rest values.</summary>
    public SrcFloatParameters Constants => new(
        _alpha,
        Options.Rho,
        Options.FastFeedback,
        Options.SlowFeedback,
        Options.GateThreshold,
        _slowGateRest,
        _slowGateActive,
        RestFast,
        RestSlow);

    /// <inheritdoc/>
    public override bool HasGradedOutput => true;

    /// <summary>b as the forward pass uses it (a new tensor).</summary>
    public Tensor EffectiveBias() => _bias.clamp_max(S(Options.BiasMax));

    /// <inheritdoc/>
    public override LayerState InitialState(long batchSize) =>
        new(ZeroState(batchSize), ZeroState(batchSize), FilledState(batchSize, RestFast), FilledState(batchSize, RestSlow));

    /// <inheritdoc/>
    public override FloatLayerSpec ToSpec(string name)
    {
        using var bias = EffectiveBias();
        return BaseSpec(name, NeuronModel.Src, 0f, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified) with
        {
            Bias = ToArray(bias),
            Src = Constants,
        };
    }

    /// <inheritdoc/>
    protected override LayerState Tick(Tensor drive, LayerState state)
    {
        var rho = Options.Rho;
        var integrator = drive.add(state.Cell[0], S(_alpha));
        var saturated = integrator.div(S(rho)).tanh().mul(S(rho));
        var fast = Options.DetachRecurrence ? state.Cell[1].detach() : state.Cell[1];
        var slow = Options.DetachRecurrence ? state.Cell[2].detach() : state.Cell[2];
        Tensor gate;
        using (no_grad())
        {
            gate = fast.gt(S(Options.GateThreshold)).to_type(fast.dtype).mul_(S(_slowGateActive - _slowGateRest)).add_(S(_slowGateRest));
        }

        var preActivation = saturated.add(fast, S(Options.FastFeedback)).add(slow, S(Options.SlowFeedback)).add(EffectiveBias());
        // z h_s + (1 − z) h written as h + z (h_s − h), the form of semantics §4.3 step 5: exact when h_s = h, so a
        // neuron at rest does not drift.
        var nextSlow = slow.sub(fast).mul(gate).add(fast);
        var nextFast = preActivation.tanh();
        var relu = nextFast.relu();
        var output = Options.StraightThroughRelu ? nextFast.add(relu.sub(nextFast).detach()) : relu;
        return new LayerState(output, integrator, nextFast, nextSlow);
    }

    private static LayerWiring Wiring(SrcOptions options, string path, int inputSize, int outputSize, Recurrence recurrence, ReservoirOptions? reservoir, float lateral)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate($"{path}.src");
        return new LayerWiring(
            false,
            options.InitGain * Math.Sqrt(3.0 / Math.Max(inputSize, 1)),
            0,
            recurrence,
            options.InitGain * Math.Sqrt(3.0 / Math.Max(outputSize, 1)),
            reservoir,
            lateral);
    }
}
