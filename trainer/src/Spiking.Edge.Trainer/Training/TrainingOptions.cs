namespace Spiking.Edge.Trainer.Training;

/// <summary>Hyper-parameters and run settings of a training run; <see cref="Validate"/> refuses nonsense with the field named.</summary>
public sealed record TrainingOptions
{
    /// <summary>Number of epochs to train (≥ 1). Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per training batch (≥ 1). Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam learning rate (finite, &gt; 0). Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Seed of the per-epoch shuffle (the model has its own initialisation seed). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Intra-op threads for TorchSharp; 0 keeps the library default. Applied once when the trainer starts.</summary>
    public int Threads { get; init; }

    /// <summary>Ticks per sample T (≥ 1). Default 30.</summary>
    public int TicksPerSample { get; init; } = 30;

    /// <summary>Tick length in microseconds (≥ 1), recorded for export. Default 10,000.</summary>
    public int TickMicroseconds { get; init; } = 10_000;

    /// <summary>How images became events in this run (so that evaluation and export encode them the same way).</summary>
    public Pipeline.InputEncoding Encoding { get; init; } = new();

    /// <summary>How gradients are computed (default BPTT); lee2016 and st-rsbp train only the networks their papers define.</summary>
    public Algorithms.TrainingAlgorithm Algorithm { get; init; } = Algorithms.TrainingAlgorithm.Bptt;

    /// <summary>Settings of <see cref="Algorithms.TrainingAlgorithm.Lee2016"/> (ignored by the others).</summary>
    public Algorithms.Lee2016.Lee2016Options Lee2016 { get; init; } = new();

    /// <summary>Settings of <see cref="Algorithms.TrainingAlgorithm.StRsbp"/> (ignored by the others).</summary>
    public Algorithms.StRsbp.StRsbpOptions StRsbp { get; init; } = new();

    /// <summary>How the learning rate changes over the run (default constant).</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Adam's L2 weight decay (finite, ≥ 0; default 0).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Largest L2 norm of all gradients together before each Adam step; 0 = no clipping (default).</summary>
    public double GradientClipNorm { get; init; }

    /// <summary>Report progress every this many batches (≥ 1), and always after the last batch. Default 10.</summary>
    public int LogInterval { get; init; } = 10;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Positive(Epochs, nameof(Epochs));
        Positive(BatchSize, nameof(BatchSize));
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a finite number > 0.");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be ≥ 0 (0 = library default).");
        }

        if (!double.IsFinite(GradientClipNorm) || GradientClipNorm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), GradientClipNorm, "GradientClipNorm must be a finite number ≥ 0 (0 = no clipping).");
        }

        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must be a finite number ≥ 0.");
        }

        if (!Enum.IsDefined(Algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(Algorithm), Algorithm, "Algorithm must be Bptt, Lee2016 or StRsbp.");
        }

        ArgumentNullException.ThrowIfNull(Lee2016, nameof(Lee2016));
        ArgumentNullException.ThrowIfNull(StRsbp, nameof(StRsbp));
        Lee2016.Validate();
        StRsbp.Validate();
        if (!Enum.IsDefined(Schedule))
        {
            throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, "Schedule must be Constant, Cosine or InverseSqrtEpoch.");
        }

        ArgumentNullException.ThrowIfNull(Encoding, nameof(Encoding));
        Encoding.Validate();
        Positive(TicksPerSample, nameof(TicksPerSample));
        Positive(TickMicroseconds, nameof(TickMicroseconds));
        Positive(LogInterval, nameof(LogInterval));
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 1.");
        }
    }
}
