using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using TorchSharp.Modules;
using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// ST-RSBP, spike-train-level recurrent backpropagation (Zhang and Li 2019; seed-methods §2; README beside this file):
/// the network runs forward without an autograd graph, then one backward pass per batch over whole-train statistics —
/// output counts against desired levels (<see cref="SpikeCountCost"/>), boosting, the silent-target rescue, then layer by layer
/// from the output down the S-PSPs (<see cref="SpikeTrainPsp"/>), effect ratios, the polynomial ∂e/∂o
/// (<see cref="EffectRatioPolynomial"/>), the feed-forward (<see cref="FeedForwardBackward"/>, with the output lateral
/// factor <see cref="LateralFactor"/>) or reservoir (<see cref="ReservoirBackward"/>) step and the exponential weight
/// regulariser. Every quantity is per sample; gradients are batch means. It writes <c>.grad</c> of every parameter.
/// </summary>
public sealed class StRsbpGradients : IGradientMethod
{
    private readonly SpikingNetwork _network;
    private readonly CubaLifLayer[] _layers;
    private readonly StRsbpOptions _options;
    private readonly Boosting? _boosting;

    /// <summary>Binds the method to a network.</summary>
    /// <param name="network">A network of CUBA-LIF layers with a spike-count readout (<see cref="GradientMethods.Check"/>).</param>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">A layer is not CUBA-LIF, has dense recurrence, or the transposed solve meets a non-square reservoir.</exception>
    public StRsbpGradients(SpikingNetwork network, StRsbpOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (network.Readout is not null)
        {
            throw new ArgumentException("st-rsbp needs a spike-count readout (the output layer's counts).", nameof(network));
        }

        _layers = new CubaLifLayer[network.Layers.Count];
        for (var l = 0; l < _layers.Length; l++)
        {
            var layer = network.Layers[l];
            _layers[l] = layer as CubaLifLayer ?? throw new ArgumentException($"st-rsbp trains cuba-lif layers; layer {l} is {layer.GetType().Name}.", nameof(network));
            if (layer.Recurrence == Recurrence.Dense)
            {
                throw new ArgumentException($"st-rsbp trains reservoir recurrence, not dense recurrent weights (layer {l}).", nameof(network));
            }

            if (l > 0 && layer.Recurrence == Recurrence.Reservoir && options.RecurrentSolve == RecurrentSolve.ReferenceTransposed && layer.InputSize != layer.OutputSize)
            {
                throw new ArgumentException($"RecurrentSolve.ReferenceTransposed needs a reservoir layer with as many inputs as neurons; layer {l} has {layer.InputSize} inputs and {layer.OutputSize} neurons.", nameof(options));
            }
        }

        _network = network;
        _options = options;
        _boosting = options.Boosting ? new Boosting(options.BoostingDivisor) : null;
    }

    /// <summary>The per-sample boosting weights (null when boosting is off).</summary>
    public Boosting? Boosting => _boosting;

    /// <inheritdoc/>
    public GradientStep ComputeGradients(Tensor frames, Tensor labels, ReadOnlySpan<int> samples)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var steps = (int)frames.shape[0];
        var batch = frames.shape[1];
        if (labels.shape.Length != 1 || labels.shape[0] != batch || samples.Length != batch)
        {
            throw new ArgumentException($"labels [{string.Join(", ", labels.shape)}] and {samples.Length} sample indices must match the batch of {batch}.", nameof(labels));
        }

        var options = _options.EffectiveAt(steps);
        var activity = _network.ForwardWithActivity(frames);
        var trains = activity.LayerOutputs;
        var counts = activity.Logits;
        var hits = SpikeCountCost.Predict(counts).eq(labels);
        var correct = hits.sum().item<long>();
        var error = SpikeCountCost.Compute(counts, labels, options);
        var delta = _boosting is null ? error.Delta : error.Delta.mul(BoostWeights(labels, hits, samples, frames.device));

        var last = _layers.Length - 1;
        var output = options.InsertSpikesForSilentTarget
            ? SilentTargetSpikes.Insert(trains[last], labels, options.DesiredLevel, _layers[last].Options.RefractoryTicks)
            : trains[last];
        for (var l = last; l >= 0; l--)
        {
            using var layerScope = NewDisposeScope();
            var below = Backward(options, l, l == last ? output : trains[l], l == 0 ? frames : trains[l - 1], delta, l == last ? labels : null, steps);
            delta = below?.MoveToOuterDisposeScope()!;
        }

        return new GradientStep(error.Cost.mean().item<float>(), correct);
    }

    /// <inheritdoc/>
    public void AfterStep()
    {
    }

    /// <inheritdoc/>
    public void EndEpoch(int epoch) => _boosting?.EndEpoch();

    /// <inheritdoc/>
    /// <remarks>The boosting weights, one per training sample seen (empty without boosting).</remarks>
    public float[] SaveState() => _boosting?.Weights() ?? [];

    /// <inheritdoc/>
    public void RestoreState(float[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_boosting is null)
        {
            if (state.Length != 0)
            {
                throw new InvalidDataException($"st-rsbp without boosting keeps no state, but the checkpoint holds {state.Length} values.");
            }

            return;
        }

        _boosting.Restore(state);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private Tensor? Backward(StRsbpOptions options, int index, Tensor post, Tensor pre, Tensor delta, Tensor? labels, int steps)
    {
        var layer = _layers[index];
        var cuba = layer.Options;
        double alpha = LifParameters.BetaOf(cuba.CurrentShift);
        double beta = LifParameters.BetaOf(cuba.MembraneShift);
        var refractory = cuba.RefractoryTicks;
        double threshold = cuba.Threshold;
        var silentRatio = options.SilentEffectRatio * Math.Pow(2, cuba.CurrentShift);
        var polynomial = EffectRatioCache.Get(new EffectRatioKey(alpha, beta, refractory, steps, options.PolynomialSamples, options.PolynomialSeed, options.MaxPresynapticCount));
        var postCounts = post.sum([0]);
        var preCounts = pre.sum([0]);
        var deltaHat = delta.div(S(threshold));
        var passDown = index > 0;
        var psp = SpikeTrainPsp.Compute(post, pre, alpha, beta, refractory);
        LayerGradient gradient;
        Tensor? recurrent = null;
        if (layer.Recurrence == Recurrence.Reservoir)
        {
            recurrent = layer.EffectiveRecurrentWeight()!;
            var recurrentPsp = SpikeTrainPsp.Compute(post, SpikeTrainPsp.Delayed(post), alpha, beta, refractory);
            var clamped = postCounts.clamp_min(S(1));
            var self = polynomial.WeightedDerivative(clamped, preCounts, layer.Weight)
                .add_(polynomial.WeightedDerivative(clamped, postCounts, recurrent)).div_(S(threshold));
            gradient = ReservoirBackward.Compute(psp, recurrentPsp, postCounts, preCounts, layer.Weight, recurrent, layer.RecurrentMask!, deltaHat, self, threshold, options, silentRatio, passDown);
        }
        else
        {
            var self = polynomial.WeightedDerivative(postCounts, preCounts, layer.Weight).mul_(postCounts.gt(S(0))).div_(S(threshold));
            Tensor? lateral = null;
            if (layer.Recurrence == Recurrence.LateralInhibition)
            {
                var lateralPsp = SpikeTrainPsp.Compute(post, SpikeTrainPsp.Delayed(post), alpha, beta, refractory);
                lateral = LateralFactor.Compute(lateralPsp, postCounts, labels, layer.LateralInhibitionWeight, threshold, silentRatio, options.MinimumDenominator);
            }

            gradient = FeedForwardBackward.Compute(psp, postCounts, preCounts, layer.Weight, deltaHat, self, lateral, silentRatio, options.MinimumDenominator, passDown);
        }

        var weightGradient = gradient.Weight;
        var recurrentGradient = gradient.Recurrent;
        if (options.RegularizerLambda > 0)
        {
            var regularizer = WeightRegularizer.Gradient(layer.Weight, recurrent, layer.RecurrentMask, options);
            weightGradient = weightGradient.add(regularizer.Weight);
            recurrentGradient = recurrentGradient?.add(regularizer.Recurrent!);
        }

        SetGradient(layer.Weight, weightGradient);
        if (layer.RecurrentWeight is not null)
        {
            SetGradient(layer.RecurrentWeight, recurrentGradient ?? zeros_like(layer.RecurrentWeight));
        }

        if (layer.Bias is not null)
        {
            SetGradient(layer.Bias, zeros_like(layer.Bias));
        }

        return gradient.DeltaBelow;
    }

    private Tensor BoostWeights(Tensor labels, Tensor hits, ReadOnlySpan<int> samples, Device device)
    {
        var boosting = _boosting!;
        var weights = new float[samples.Length];
        using var labelValues = labels.cpu();
        using var hitValues = hits.cpu();
        var labelData = labelValues.data<long>();
        var hitData = hitValues.data<bool>();
        for (var b = 0; b < samples.Length; b++)
        {
            weights[b] = boosting.WeightOf(samples[b]);
            boosting.Record(samples[b], (int)labelData[b], hitData[b]);
        }

        return tensor(weights, device: device).unsqueeze(1);
    }

    private static void SetGradient(Parameter parameter, Tensor gradient)
    {
        var existing = parameter.grad;
        if (existing is null)
        {
            parameter.grad = gradient.detach().clone().DetachFromDisposeScope();
        }
        else
        {
            existing.copy_(gradient);
        }
    }
}
