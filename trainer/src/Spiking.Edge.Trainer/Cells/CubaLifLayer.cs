using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// ST-RSBP's current-based LIF (seed-methods §2.1) in the order of semantics §4.1: n ← min(n + 1, R + 1) (ticks since
/// the last output, starting at R + 1); synaptic current <c>c ← (1 − 2^−cs) c + d</c>; membrane <c>v ← (1 − 2^−ms) v + c</c>;
/// hard refractory <c>v ← 0</c> while n ≤ R; <c>s = H(v − θ)</c> (≥) with the fast-sigmoid surrogate on (v − θ)/θ; reset to
/// zero. Units are ST-RSBP's (see <see cref="CubaLifOptions"/>): weights start U(−initW, initW), also the recurrent ones,
/// and a fixed lateral inhibition of w0 = 1 equals ST-RSBP's output inhibition. Cell state: [c, v, n].
/// </summary>
public sealed class CubaLifLayer : SpikingLayer
{
    private readonly float _membraneDecay;
    private readonly float _currentDecay;

    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="outputSize">Neurons.</param>
    /// <param name="options">CUBA-LIF options.</param>
    /// <param name="generator">Seeded generator for the initial weights.</param>
    /// <param name="hasBias">Whether the drive has a trainable bias (starts at 0; ST-RSBP uses none).</param>
    /// <param name="recurrence">Recurrent weights (Reservoir for ST-RSBP's recurrent layers, LateralInhibition for its output layer).</param>
    /// <param name="reservoir">Reservoir options (Reservoir only).</param>
    /// <param name="lateralInhibitionWeight">w0 (LateralInhibition only).</param>
    /// <param name="name">Module name.</param>
    /// <param name="path">JSON path for error messages.</param>
    public CubaLifLayer(
        int inputSize,
        int outputSize,
        CubaLifOptions options,
        Generator generator,
        bool hasBias = false,
        Recurrence recurrence = Recurrence.None,
        ReservoirOptions? reservoir = null,
        float lateralInhibitionWeight = 1f,
        string name = "cuba_lif_layer",
        string path = "layer")
        : base(name, inputSize, outputSize, Wiring(options, path, hasBias, recurrence, reservoir, lateralInhibitionWeight), generator, path)
    {
        Options = options;
        _membraneDecay = LifParameters.BetaOf(options.MembraneShift);
        _currentDecay = LifParameters.BetaOf(options.CurrentShift);
    }

    /// <summary>The options the layer was built with.</summary>
    public CubaLifOptions Options { get; }

    /// <inheritdoc/>
    public override bool HasGradedOutput => false;

    /// <inheritdoc/>
    public override LayerState InitialState(long batchSize) =>
        new(ZeroState(batchSize), ZeroState(batchSize), ZeroState(batchSize), FilledState(batchSize, Options.RefractoryTicks + 1));

    /// <inheritdoc/>
    public override FloatLayerSpec ToSpec(string name) =>
        BaseSpec(name, NeuronModel.Lif, Options.Threshold, Options.MembraneShift, ResetMode.Zero, ThresholdComparison.GreaterOrEqual) with
        {
            CurrentShift = Options.CurrentShift,
            RefractoryTicks = Options.RefractoryTicks,
        };

    /// <inheritdoc/>
    protected override LayerState Tick(Tensor drive, LayerState state)
    {
        var refractory = Options.RefractoryTicks;
        Tensor ticksSince;
        using (no_grad())
        {
            ticksSince = state.Cell[2].add(S(1)).clamp_max_(S(refractory + 1));
        }

        var current = drive.add(state.Cell[0], S(_currentDecay));
        var membrane = current.add(state.Cell[1], S(_membraneDecay));
        if (refractory > 0)
        {
            using var free = ticksSince.gt(S(refractory)).to_type(membrane.dtype);
            membrane = membrane.mul(free);
        }

        var threshold = Options.Threshold;
        var spikes = SurrogateSpike.Spike(membrane.sub(S(threshold)).mul_(S(1f / threshold)), 0f, Options.SurrogateSlope, ThresholdComparison.GreaterOrEqual);
        using var used = Options.DetachReset ? spikes.detach() : spikes.alias();
        using var keep = used.neg().add_(S(1));
        Tensor nextTicks;
        using (no_grad())
        {
            using var stay = spikes.detach().neg().add_(S(1));
            nextTicks = ticksSince.mul(stay);
        }

        return new LayerState(spikes, current, membrane.mul(keep), nextTicks);
    }

    private static LayerWiring Wiring(CubaLifOptions options, string path, bool hasBias, Recurrence recurrence, ReservoirOptions? reservoir, float lateral)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate($"{path}.cubaLif");
        return new LayerWiring(hasBias, options.InitWeight, 0, recurrence, options.InitWeight, reservoir, lateral);
    }
}
