using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// A spiking network built from a <see cref="NetworkConfig"/>: the configured layers (any cell, feed-forward or recurrent,
/// any depth), then either a leaky-integrator readout whose time-averaged membrane are the logits (MEMBRANE_SUM) or the
/// last layer's output counts Σ_t y as logits (SPIKE_COUNT). Input frames [T, B, inputSize] (event counts per tick).
/// The weights are drawn layer by layer, input side first, from one generator seeded with <see cref="NetworkConfig.Seed"/>;
/// a <see cref="NetworkConfig.LifMlp"/> configuration is the walking skeleton's LIF MLP.
/// Parameter order: each layer's weight, bias, recurrent weight, then its cell parameters (thresholds, SRC bias), then
/// the readout's weight and bias.
/// </summary>
public sealed class SpikingNetwork : nn.Module<Tensor, Tensor>, Training.IClassifier
{
    private readonly ModuleList<SpikingLayer> _layers;
    private readonly LeakyReadout? _readout;

    /// <summary>Builds the network.</summary>
    /// <param name="config">Architecture (validated here).</param>
    /// <exception cref="ConfigException">A configuration value is out of range.</exception>
    public SpikingNetwork(NetworkConfig config)
        : base("spiking_network")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        _layers = new ModuleList<SpikingLayer>();
        using var generator = new Generator(unchecked((ulong)config.Seed));
        var fanIn = config.InputSize;
        for (var l = 0; l < config.Layers.Count; l++)
        {
            _layers.Add(LayerFactory.Create(config.Layers[l], fanIn, generator, $"layer{l}", $"$.layers[{l}]"));
            fanIn = config.Layers[l].Size;
        }

        register_module("layers", _layers);
        if (config.Readout == NetworkReadout.MembraneSum)
        {
            _readout = new LeakyReadout(fanIn, config.OutputSize, config.ReadoutLeakShift, generator);
            register_module("readout", _readout);
        }
    }

    /// <summary>The configuration the network was built from.</summary>
    public NetworkConfig Config { get; }

    /// <summary>Inputs per tick.</summary>
    public int InputSize => Config.InputSize;

    /// <summary>Number of classes.</summary>
    public int OutputSize => Config.OutputSize;

    /// <summary>The configured layers, input side first.</summary>
    public IReadOnlyList<SpikingLayer> Layers => [.. _layers];

    /// <summary>The leaky-integrator readout (MEMBRANE_SUM), or null (SPIKE_COUNT).</summary>
    public LeakyReadout? Readout => _readout;

    /// <summary>Multi-step forward: frames [T, B, inputSize] → logits [B, outputSize].</summary>
    /// <param name="frames">Event counts per tick.</param>
    public override Tensor forward(Tensor frames)
    {
        var output = ForwardWithActivity(frames);
        foreach (var layer in output.LayerOutputs)
        {
            layer.Dispose();
        }

        return output.Logits;
    }

    /// <summary>Multi-step forward that also returns every configured layer's outputs [T, B, N].</summary>
    /// <param name="frames">Event counts per tick [T, B, inputSize].</param>
    public NetworkOutput ForwardWithActivity(Tensor frames)
    {
        CheckFrames(frames);
        using var scope = NewDisposeScope();
        var outputs = new Tensor[_layers.Count];
        var x = frames;
        for (var l = 0; l < _layers.Count; l++)
        {
            x = _layers[l].forward(x);
            outputs[l] = x;
        }

        var logits = _readout is null ? x.sum([0]) : _readout.forward(x).mean([0]);
        logits.MoveToOuterDisposeScope();
        foreach (var output in outputs)
        {
            output.MoveToOuterDisposeScope();
        }

        return new NetworkOutput(logits, outputs);
    }

    /// <summary>Tick-by-tick forward with the single-step path of every layer; the same logits as <see cref="forward"/>.</summary>
    /// <param name="frames">Event counts per tick [T, B, inputSize].</param>
    /// <returns>Logits [B, outputSize].</returns>
    public Tensor ForwardStepByStep(Tensor frames)
    {
        var (ticks, batch) = CheckFrames(frames);
        using var scope = NewDisposeScope();
        var states = _layers.Select(layer => layer.InitialState(batch)).ToArray();
        var readoutMembrane = zeros(batch, OutputSize);
        var sum = zeros(batch, OutputSize);
        foreach (var tick in frames.unbind(0))
        {
            var x = tick;
            for (var l = 0; l < _layers.Count; l++)
            {
                states[l] = _layers[l].Step(x, states[l]);
                x = states[l].Output;
            }

            if (_readout is null)
            {
                sum = sum.add(x);
            }
            else
            {
                readoutMembrane = _readout.Step(x, readoutMembrane);
                sum = sum.add(readoutMembrane);
            }
        }

        return (_readout is null ? sum : sum.div(S(ticks))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The trained network as plain arrays for quantization and export (semantics §4 float forms): every configured layer
    /// with all its format-1.1 fields, then the readout integrator for MEMBRANE_SUM.
    /// </summary>
    /// <param name="width">Sensor width; width × height × polarities must equal the input size.</param>
    /// <param name="height">Sensor height.</param>
    /// <param name="polarities">1 or 2.</param>
    /// <param name="tickMicroseconds">Tick length used in training.</param>
    /// <param name="ticksPerSample">T used in training.</param>
    /// <param name="labels">One class name per output.</param>
    public FloatNetworkSpec ToSpec(int width, int height, int polarities, int tickMicroseconds, int ticksPerSample, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (polarities is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(polarities), polarities, "Polarities must be 1 or 2.");
        }

        if ((long)width * height * polarities != InputSize)
        {
            throw new ArgumentException($"Geometry {width} × {height} × {polarities} = {(long)width * height * polarities} does not match the model's input size {InputSize}.", nameof(width));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickMicroseconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSample);
        if (labels.Count != OutputSize)
        {
            throw new ArgumentException($"Expected {OutputSize} labels (one per output), got {labels.Count}.", nameof(labels));
        }

        var layers = new List<FloatLayerSpec>(_layers.Count + 1);
        for (var l = 0; l < _layers.Count; l++)
        {
            var isOutput = _readout is null && l == _layers.Count - 1;
            layers.Add(_layers[l].ToSpec(Config.Layers[l].Name ?? (isOutput ? "output" : $"hidden{l + 1}")));
        }

        if (_readout is not null)
        {
            layers.Add(_readout.ToSpec("readout"));
        }

        var readout = _readout is null ? ReadoutMode.SpikeCount : ReadoutMode.MembraneSum;
        return new FloatNetworkSpec(width, height, polarities, tickMicroseconds, ticksPerSample, layers, readout, [.. labels]);
    }

    private (long Ticks, long Batch) CheckFrames(Tensor frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.dim() != 3 || frames.shape[2] != InputSize)
        {
            throw new ArgumentException($"Frames must be shaped [T, B, {InputSize}]; got [{string.Join(", ", frames.shape)}].", nameof(frames));
        }

        if (frames.shape[0] == 0 || frames.shape[1] == 0)
        {
            throw new ArgumentException("Frames need at least one tick and one sample.", nameof(frames));
        }

        return (frames.shape[0], frames.shape[1]);
    }
}
