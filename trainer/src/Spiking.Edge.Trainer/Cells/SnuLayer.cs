using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Cells;

/// <summary>
/// The spiking neural unit (SNU) and its soft variant (sSNU) of Woźniak et al. (seed-methods §4), in the order of
/// semantics §4.1: <c>v ← g(l·v + d)</c> with l = DecayQ16/65536 and d = W x + H y_prev (+ b); <c>y = step(v − θ)</c>
/// (SNU, strictly greater, pseudo-derivative tanh′ or σ′ by the straight-through pattern) or <c>y = σ(v − θ)</c> (sSNU,
/// graded); reset gate <c>v ← v (1 − y)</c>, or with scope Layer <c>v ← v (1 − max_o y_o)</c> per sample. Over two ticks
/// this is the paper's s_t = g(W x_t + l ⊙ s_{t−1} ⊙ (1 − y_{t−1})). θ is a trainable per-unit threshold (start 1),
/// subtracted. Weights start Glorot-uniform U(±√(6/(fan_in + fan_out))), as in the toolkit. Cell state: [v] (after the gate).
/// </summary>
public sealed class SnuLayer : SpikingLayer
{
    private readonly Parameter _threshold;
    private readonly float _decay;
    private readonly float _negativeSlope;

    /// <summary>Creates the layer.</summary>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="outputSize">Units.</param>
    /// <param name="options">SNU options.</param>
    /// <param name="graded">False: SNU (binary step); true: sSNU (sigmoid output).</param>
    /// <param name="generator">Seeded generator for the initial weights.</param>
    /// <param name="hasBias">Whether the drive has a trainable bias (starts at 0; the toolkit has none, θ plays its role).</param>
    /// <param name="recurrence">Recurrent weights (Dense = the paper's H).</param>
    /// <param name="reservoir">Reservoir options (Reservoir only).</param>
    /// <param name="lateralInhibitionWeight">w0 (LateralInhibition only).</param>
    /// <param name="name">Module name.</param>
    /// <param name="path">JSON path for error messages.</param>
    public SnuLayer(
        int inputSize,
        int outputSize,
        SnuOptions options,
        bool graded,
        Generator generator,
        bool hasBias = false,
        Recurrence recurrence = Recurrence.None,
        ReservoirOptions? reservoir = null,
        float lateralInhibitionWeight = 1f,
        string name = "snu_layer",
        string path = "layer")
        : base(name, inputSize, outputSize, Wiring(options, path, inputSize, outputSize, hasBias, recurrence, reservoir, lateralInhibitionWeight), generator, path)
    {
        Options = options;
        IsGraded = graded;
        _decay = options.DecayQ16 / (float)FixedPoint.Q16One;
        _negativeSlope = options.NegativeSlopeQ16 / (float)FixedPoint.Q16One;
        _threshold = NewParameter(full(outputSize, S(options.ThresholdInit)));
        register_parameter("threshold", _threshold);
    }

    /// <summary>The options the layer was built with.</summary>
    public SnuOptions Options { get; }

    /// <summary>True for the sSNU (graded sigmoid output), false for the SNU.</summary>
    public bool IsGraded { get; }

    /// <summary>The leak as the cell computes it, DecayQ16/65536.</summary>
    public float Decay => _decay;

    /// <summary>The leaky-ReLU slope as the cell computes it, NegativeSlopeQ16/65536.</summary>
    public float NegativeSlope => _negativeSlope;

    /// <summary>Trainable per-unit thresholds θ [N].</summary>
    public Parameter Threshold => _threshold;

    /// <summary>Smallest effective threshold of a binary SNU, as a fraction of the initial threshold: a spike needs
    /// v &gt; θ with θ &gt; 0, which the integer model (threshold ≥ 1 state unit) can represent.</summary>
    public const float MinThresholdFraction = 0.01f;

    /// <summary>The threshold the cell uses: θ for the sSNU (any value is an offset), max(θ, 1 % of θ(0)) for the SNU.</summary>
    public Tensor EffectiveThreshold() => IsGraded ? _threshold.alias() : _threshold.clamp_min(S(MinThresholdFraction * Math.Abs(Options.ThresholdInit)));

    /// <inheritdoc/>
    public override bool HasGradedOutput => IsGraded;

    /// <inheritdoc/>
    public override LayerState InitialState(long batchSize) => new(ZeroState(batchSize), ZeroState(batchSize));

    /// <inheritdoc/>
    public override FloatLayerSpec ToSpec(string name)
    {
        using var effective = EffectiveThreshold();
        var thresholds = ToArray(effective);
        var leaky = Options.Activation == StateActivation.LeakyRelu;
        return BaseSpec(name, NeuronModel.Lif, thresholds.Average(), 0, ResetMode.Gate, IsGraded ? ThresholdComparison.Unspecified : ThresholdComparison.Greater) with
        {
            Thresholds = thresholds,
            DecayQ16 = Options.DecayQ16,
            Activation = leaky ? StateActivation.LeakyRelu : StateActivation.Unspecified,
            NegativeSlope = leaky ? _negativeSlope : 0f,
            Output = IsGraded ? OutputKind.Graded : OutputKind.Binary,
            ResetScope = Options.ResetScope,
        };
    }

    /// <inheritdoc/>
    protected override LayerState Tick(Tensor drive, LayerState state)
    {
        var membrane = drive.add(state.Cell[0], S(_decay));
        if (Options.Activation == StateActivation.LeakyRelu)
        {
            membrane = nn.functional.leaky_relu(membrane, _negativeSlope);
        }

        var x = membrane.sub(EffectiveThreshold());
        var output = IsGraded ? x.sigmoid() : StepSpike.Step(x, Options.PseudoDerivative);
        var gate = Options.DetachReset ? output.detach() : output;
        if (Options.ResetScope == ResetScope.Layer)
        {
            // Per sample: the largest output of this sample's layer. The reference toolkit's snulicell.py calls
            // tf.reduce_max without an axis, i.e. over the whole batch, so a spike in one sample resets every sample;
            // we do not reproduce that bug (semantics §4.1 step 11, scope LAYER, is per sample too).
            gate = gate.amax([1], keepdim: true);
        }

        return new LayerState(output, membrane.mul(gate.neg().add(S(1))));
    }

    private static LayerWiring Wiring(SnuOptions options, string path, int inputSize, int outputSize, bool hasBias, Recurrence recurrence, ReservoirOptions? reservoir, float lateral)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate($"{path}.snu");
        return new LayerWiring(
            hasBias,
            Math.Sqrt(6.0 / Math.Max(inputSize + outputSize, 1)),
            0,
            recurrence,
            Math.Sqrt(6.0 / Math.Max(2 * outputSize, 1)),
            reservoir,
            lateral);
    }
}
