using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Models;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// Lee, Delbruck and Pfeiffer 2016 (seed-methods §3.2): one forward pass of the Lee LIF network without an autograd
/// graph, recording each layer's effective inputs (<see cref="EffectiveInputs"/>) and spike counts; the count loss
/// (<see cref="CountLossFunction"/>); then one layer-wise backward pass on the linearised count model
/// (<see cref="Lee2016Backward"/>) plus the exponential weight regulariser (<see cref="WeightRegularizer"/>), written
/// into the weights', thresholds' and biases' <c>.grad</c>. After each optimizer step the threshold regulariser
/// (<see cref="ThresholdRegularizer"/>) moves the thresholds and they are clamped to the positive floor the forward pass
/// uses. Fixed lateral-inhibition recurrence runs in the forward pass and is treated as a constant input in the backward
/// pass. The reported loss is the count loss without the regulariser.
/// </summary>
public sealed class Lee2016Gradients : IGradientMethod
{
    private readonly Lee2016Options _options;
    private readonly SpikingNetwork _network;
    private readonly LeeLifLayer[] _layers;
    private readonly double[] _couplings;
    private readonly double[] _betas;
    private readonly Tensor[] _meanCounts;
    private readonly Tensor?[] _decayWeights;
    private readonly double[] _biasInputs;
    private readonly LeeLayerRecord[] _records;
    private long _ticks;
    private bool _hasCounts;

    /// <summary>Binds the method to a network.</summary>
    /// <param name="network">A network of <see cref="LeeLifLayer"/> layers (no dense or reservoir recurrence) with a spike-count readout.</param>
    /// <param name="options">Settings (validated here).</param>
    /// <exception cref="ArgumentException">The network is not one this method trains.</exception>
    public Lee2016Gradients(SpikingNetwork network, Lee2016Options options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (network.Config.Readout != NetworkReadout.SpikeCount)
        {
            throw new ArgumentException("lee2016 needs a spike-count readout (the output layer's counts).", nameof(network));
        }

        var layers = network.Layers;
        _layers = new LeeLifLayer[layers.Count];
        _couplings = new double[layers.Count];
        _betas = new double[layers.Count];
        _meanCounts = new Tensor[layers.Count];
        _decayWeights = new Tensor?[layers.Count];
        _biasInputs = new double[layers.Count];
        _records = new LeeLayerRecord[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            if (layers[l] is not LeeLifLayer lee)
            {
                throw new ArgumentException($"lee2016 trains lee-lif layers only; layer {l} is a {layers[l].GetType().Name}.", nameof(network));
            }

            if (lee.Recurrence is Recurrence.Dense or Recurrence.Reservoir)
            {
                throw new ArgumentException($"lee2016 does not train recurrent weights; layer {l} has {lee.Recurrence} recurrence.", nameof(network));
            }

            _layers[l] = lee;
            _couplings[l] = options.InhibitionScale * lee.Options.Inhibition;
            if (options.Wta == WtaBackward.Solve)
            {
                WinnerTakeAll.CheckSolvable(_couplings[l], $"layer {l}");
            }

            _betas[l] = LifParameters.BetaOf(lee.Options.LeakShift);
            _meanCounts[l] = zeros(lee.OutputSize).DetachFromDisposeScope();
        }

        _network = network;
        _options = options;
    }

    /// <inheritdoc/>
    public GradientStep ComputeGradients(Tensor frames, Tensor labels, ReadOnlySpan<int> samples)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        CountLossResult loss;
        LeeLayerGradients[] gradients;
        using (no_grad())
        {
            var output = _network.ForwardWithActivity(frames);
            UseTicks(frames.shape[0]);
            for (var l = 0; l < _layers.Length; l++)
            {
                var layer = _layers[l];
                var inputs = EffectiveInputs.Compute(l == 0 ? frames : output.LayerOutputs[l - 1], _decayWeights[l]!);
                var counts = output.LayerOutputs[l].sum([0]);
                _records[l] = new LeeLayerRecord(inputs, counts, layer.Weight.detach(), layer.EffectiveThreshold(), _couplings[l], layer.Bias is null ? null : _biasInputs[l]);
                _meanCounts[l].copy_(counts.mean([0]));
            }

            _hasCounts = true;
            loss = CountLossFunction.Evaluate(_records[^1].Counts, labels, _options.Loss, _options.Normaliser, frames.shape[0]);
            gradients = Lee2016Backward.Run(_records, loss.Error, _options.Wta, _options.ThresholdSlope, _options.InputSlope);
            if (_options.WeightRegularisation > 0)
            {
                for (var l = 0; l < _layers.Length; l++)
                {
                    gradients[l].Weight.add_(WeightRegularizer.Gradient(_records[l].Weight, _options.WeightRegularisation, _options.WeightRegularisationSharpness));
                }
            }
        }

        for (var l = 0; l < _layers.Length; l++)
        {
            ParameterGradients.Add(_layers[l].Weight, gradients[l].Weight);
            if (_options.TrainThresholds)
            {
                ParameterGradients.Add(_layers[l].Threshold, gradients[l].Threshold);
            }

            if (_layers[l].Bias is { } bias && gradients[l].Bias is { } biasGradient)
            {
                ParameterGradients.Add(bias, biasGradient);
            }
        }

        Array.Clear(_records);
        return new GradientStep(loss.Loss, loss.Correct);
    }

    /// <inheritdoc/>
    public void AfterStep()
    {
        if (!_hasCounts)
        {
            return;
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var l = 0; l < _layers.Length; l++)
        {
            var threshold = _layers[l].Threshold;
            if (_options.ThresholdRegularisation > 0)
            {
                threshold.add_(ThresholdRegularizer.Step(_meanCounts[l], _options.ThresholdRegularisation, _layers[l].InitialThreshold));
            }

            threshold.copy_(_layers[l].EffectiveThreshold());
        }
    }

    /// <inheritdoc/>
    public void EndEpoch(int epoch)
    {
    }

    /// <inheritdoc/>
    public float[] SaveState() => [];

    /// <inheritdoc/>
    public void RestoreState(float[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != 0)
        {
            throw new InvalidDataException($"lee2016 keeps no state between epochs, but the checkpoint holds {state.Length} values.");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var counts in _meanCounts)
        {
            counts.Dispose();
        }

        foreach (var weights in _decayWeights)
        {
            weights?.Dispose();
        }
    }

    private void UseTicks(long ticks)
    {
        if (ticks == _ticks)
        {
            return;
        }

        for (var l = 0; l < _layers.Length; l++)
        {
            _decayWeights[l]?.Dispose();
            var weights = EffectiveInputs.DecayWeights(ticks, _betas[l]).DetachFromDisposeScope();
            _decayWeights[l] = weights;
            _biasInputs[l] = weights.sum().item<double>();
        }

        _ticks = ticks;
    }
}
