using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// Lee, Delbruck and Pfeiffer's LIF (seed-methods §3) on the tick grid, in the order of semantics §4.1:
/// n ← min(n + 1, T_ref) (ticks since the last output, starting at T_ref); d ← d·g[n] with the Q15-rounded soft
/// refractory gain g[n] = (n/T_ref)² for n &lt; T_ref and 1 otherwise; <c>v ← β v + d</c>; <c>s = H(v − θ_o)</c> (≥) with the
/// fast-sigmoid surrogate on (v − θ_o)/θ(0); reset by subtraction <c>v ← v − θ_o s</c>; winner-take-all
/// <c>v ← v − κ θ_o (Σ_p s_p − s_o)</c>; floor <c>v ← max(v, −θ_o)</c>. The thresholds θ_o are trainable per neuron
/// (start α√(3/M); kept ≥ 1 % of that start in the forward pass) and the weights start U(±√(3/M)), M = fan-in.
/// Trained by surrogate-gradient BPTT. Cell state: [v, n].
/// </summary>
public sealed class LeeLifLayer : SpikingLayer
{
    private const float MinThresholdFraction = 0.01f;
    private readonly Parameter _threshold;
    private readonly Tensor _gainTable;
    private readonly float[] _gains;
    private readonly float _beta;

    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Inputs per tick (M).</param>
    /// <param name="outputSize">Neurons.</param>
    /// <param name="options">Lee LIF options.</param>
    /// <param name="generator">Seeded generator for the initial weights.</param>
    /// <param name="hasBias">Whether the drive has a trainable bias (starts at 0).</param>
    /// <param name="recurrence">Recurrent weights.</param>
    /// <param name="reservoir">Reservoir options (Reservoir only).</param>
    /// <param name="lateralInhibitionWeight">w0 (LateralInhibition only).</param>
    /// <param name="name">Module name.</param>
    /// <param name="path">JSON path for error messages.</param>
    public LeeLifLayer(
        int inputSize,
        int outputSize,
        LeeLifOptions options,
        Generator generator,
        bool hasBias = false,
        Recurrence recurrence = Recurrence.None,
        ReservoirOptions? reservoir = null,
        float lateralInhibitionWeight = 1f,
        string name = "lee_lif_layer",
        string path = "layer")
        : base(name, inputSize, outputSize, Wiring(inputSize, outputSize, hasBias, recurrence, reservoir, lateralInhibitionWeight), generator, path)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate($"{path}.leeLif");
        Options = options;
        _beta = LifParameters.BetaOf(options.LeakShift);
        InitialThreshold = options.ThresholdAlpha * MathF.Sqrt(3f / inputSize);
        _threshold = NewParameter(full(outputSize, S(InitialThreshold)));
        register_parameter("threshold", _threshold);
        _gains = RefractoryGain.Lee(options.RefractoryTicks);
        _gainTable = tensor([.. _gains, 1f]).DetachFromDisposeScope();
        register_buffer("gain_table", _gainTable, persistent: false);
    }

    /// <summary>The options the layer was built with.</summary>
    public LeeLifOptions Options { get; }

    /// <summary>θ(0) = α√(3/M), also the scale of the surrogate's argument.</summary>
    public float InitialThreshold { get; }

    /// <summary>Trainable per-neuron thresholds [N] (the forward pass uses them clamped to ≥ 1 % of θ(0)).</summary>
    public Parameter Threshold => _threshold;

    /// <summary>The Q15-rounded soft refractory gains for 1 … T_ref − 1 ticks after an output (a copy).</summary>
    public float[] Gains => [.. _gains];

    /// <inheritdoc/>
    public override bool HasGradedOutput => false;

    /// <summary>The thresholds as the forward pass uses them (a new tensor).</summary>
    public Tensor EffectiveThreshold() => _threshold.clamp_min(S(MinThresholdFraction * InitialThreshold));

    /// <inheritdoc/>
    public override LayerState InitialState(long batchSize) =>
        new(ZeroState(batchSize), ZeroState(batchSize), FilledState(batchSize, _gains.Length + 1));

    /// <inheritdoc/>
    public override FloatLayerSpec ToSpec(string name)
    {
        using var threshold = EffectiveThreshold();
        var thresholds = ToArray(threshold);
        return BaseSpec(name, NeuronModel.Lif, thresholds.Average(), Options.LeakShift, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual) with
        {
            Thresholds = thresholds,
            RefractoryGain = [.. _gains],
            Inhibition = Options.Inhibition > 0 ? [.. thresholds.Select(t => Options.Inhibition * t)] : [],
            MembraneFloor = [.. thresholds.Select(t => -t)],
        };
    }

    /// <inheritdoc/>
    protected override LayerState Tick(Tensor drive, LayerState state)
    {
        var membrane = state.Cell[0];
        Tensor ticksSince;
        using (no_grad())
        {
            ticksSince = state.Cell[1].add(S(1)).clamp_max_(S(_gains.Length + 1));
        }

        if (_gains.Length > 0)
        {
            using var index = ticksSince.sub(S(1)).to_type(ScalarType.Int64);
            drive = drive.mul(_gainTable.take(index));
        }

        var preReset = drive.add(membrane, S(_beta));
        var threshold = EffectiveThreshold();
        var spikes = SurrogateSpike.Spike(preReset.sub(threshold).mul_(S(1f / InitialThreshold)), 0f, Options.SurrogateSlope, ThresholdComparison.GreaterOrEqual);
        var used = Options.DetachReset ? spikes.detach() : spikes;
        var next = preReset.sub(used.mul(threshold));
        if (Options.Inhibition > 0)
        {
            var others = used.sum(1, keepdim: true).sub(used);
            next = next.sub(others.mul(threshold.mul(S(Options.Inhibition))));
        }

        next = maximum(next, threshold.neg());
        Tensor nextTicks;
        using (no_grad())
        {
            nextTicks = ticksSince.mul(spikes.detach().neg().add_(S(1)));
        }

        return new LayerState(spikes, next, nextTicks);
    }

    private static LayerWiring Wiring(int inputSize, int outputSize, bool hasBias, Recurrence recurrence, ReservoirOptions? reservoir, float lateral) =>
        new(hasBias, Math.Sqrt(3.0 / Math.Max(inputSize, 1)), 0, recurrence, Math.Sqrt(3.0 / Math.Max(outputSize, 1)), reservoir, lateral);
}
