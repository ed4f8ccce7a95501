namespace Spiking.Edge.Trainer.Training;

/// <summary>How the Adam learning rate changes over a run (a pure function of epoch and batch, so a resumed run continues it exactly).</summary>
public enum LearningRateSchedule
{
    /// <summary>The base rate throughout (default).</summary>
    Constant,

    /// <summary>Cosine annealing from the base rate at the first step to 0 after the last, updated every batch.</summary>
    Cosine,

    /// <summary>Base rate / √epoch in epoch 1, 2, … (ST-RSBP's lr/√(epoch+1) with epochs counted from 0).</summary>
    InverseSqrtEpoch,
}

/// <summary>The learning rate a <see cref="LearningRateSchedule"/> gives at a point of the run.</summary>
public static class LearningRates
{
    /// <summary>The rate for batch <paramref name="batch"/> (0-based) of <paramref name="batches"/> in epoch <paramref name="epoch"/> (1-based).</summary>
    /// <param name="options">The run's options (base rate, schedule, number of epochs).</param>
    /// <param name="epoch">Epoch number, 1 … <see cref="TrainingOptions.Epochs"/>.</param>
    /// <param name="batch">Batch index within the epoch.</param>
    /// <param name="batches">Batches per epoch (≥ 1).</param>
    public static double At(TrainingOptions options, int epoch, int batch, int batches)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Schedule switch
        {
            LearningRateSchedule.Constant => options.LearningRate,
            LearningRateSchedule.Cosine => options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * Progress(options.Epochs, epoch, batch, batches))),
            LearningRateSchedule.InverseSqrtEpoch => options.LearningRate / Math.Sqrt(Math.Max(epoch, 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Schedule, "Unknown learning-rate schedule."),
        };
    }

    /// <summary>The schedule names accepted by <see cref="Parse"/>, comma-separated.</summary>
    public const string Names = "constant, cosine, inverse-sqrt";

    /// <summary>Parses a schedule name (constant, cosine, inverse-sqrt; case-insensitive).</summary>
    /// <param name="name">The name as typed.</param>
    /// <exception cref="ArgumentException">The name is none of <see cref="Names"/>.</exception>
    public static LearningRateSchedule Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "constant" => LearningRateSchedule.Constant,
        "cosine" => LearningRateSchedule.Cosine,
        "inverse-sqrt" => LearningRateSchedule.InverseSqrtEpoch,
        _ => throw new ArgumentException($"unknown learning-rate schedule '{name}'; valid: {Names}"),
    };

    /// <summary>The name <see cref="Parse"/> accepts for <paramref name="schedule"/>.</summary>
    /// <param name="schedule">A schedule.</param>
    public static string NameOf(LearningRateSchedule schedule) => schedule switch
    {
        LearningRateSchedule.Cosine => "cosine",
        LearningRateSchedule.InverseSqrtEpoch => "inverse-sqrt",
        _ => "constant",
    };

    private static double Progress(int epochs, int epoch, int batch, int batches) =>
        Math.Clamp((epoch - 1 + (double)batch / Math.Max(batches, 1)) / Math.Max(epochs, 1), 0, 1);
}
