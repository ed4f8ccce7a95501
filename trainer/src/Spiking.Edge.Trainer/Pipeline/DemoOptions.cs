using Spiking.Edge.Devices.Conversion;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>Settings of `spiking demo`; the defaults finish within a few minutes on 2 cores.</summary>
public sealed record DemoOptions
{
    /// <summary>Folder holding train-/t10k- IDX files (the embedded Fashion-MNIST subset by default).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Where the model file, metrics and plot are written.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Training images used (the first ones).</summary>
    public int TrainSamples { get; init; } = 6000;

    /// <summary>Held-out test images used (the first ones).</summary>
    public int TestSamples { get; init; } = 1000;

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>Hidden LIF layer sizes.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [256];

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Seed of initialisation, shuffling and the saccade sensor.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Tick layout.</summary>
    public InputTiming Timing { get; init; } = InputTiming.Default;

    /// <summary>Fraction of smallest weights pruned per layer before quantization.</summary>
    public double PruneFraction { get; init; } = 0.5;

    /// <summary>Weight bit width.</summary>
    public int Bits { get; init; } = 8;

    /// <summary>TorchSharp threads (0 = library default).</summary>
    public int Threads { get; init; }

    /// <summary>The saccade sensor model turning images into events.</summary>
    public SaccadeOptions Saccades => new() { Seed = Seed };
}
