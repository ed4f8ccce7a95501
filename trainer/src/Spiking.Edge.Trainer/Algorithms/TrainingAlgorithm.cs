namespace Spiking.Edge.Trainer.Algorithms;

/// <summary>How a training step turns a batch into parameter gradients.</summary>
public enum TrainingAlgorithm
{
    /// <summary>Surrogate-gradient backpropagation through time with TorchSharp autograd (every cell).</summary>
    Bptt,

    /// <summary>Lee, Delbruck and Pfeiffer 2016: backpropagation on membrane potentials, no unrolling (Lee LIF networks).</summary>
    Lee2016,

    /// <summary>Zhang and Li 2019: spike-train-level recurrent backpropagation, no unrolling (CUBA-LIF networks).</summary>
    StRsbp,
}

/// <summary>Names of <see cref="TrainingAlgorithm"/> on the command line.</summary>
public static class TrainingAlgorithms
{
    /// <summary>The names <see cref="Parse"/> accepts, comma-separated.</summary>
    public const string Names = "bptt, lee2016, st-rsbp";

    /// <summary>Parses an algorithm name (case-insensitive).</summary>
    /// <param name="name">The name as typed.</param>
    /// <exception cref="ArgumentException">The name is none of <see cref="Names"/>.</exception>
    public static TrainingAlgorithm Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "bptt" => TrainingAlgorithm.Bptt,
        "lee2016" => TrainingAlgorithm.Lee2016,
        "st-rsbp" => TrainingAlgorithm.StRsbp,
        _ => throw new ArgumentException($"unknown training algorithm '{name}'; valid: {Names}"),
    };

    /// <summary>The command-line name of <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">An algorithm.</param>
    public static string NameOf(TrainingAlgorithm algorithm) => algorithm switch
    {
        TrainingAlgorithm.Lee2016 => "lee2016",
        TrainingAlgorithm.StRsbp => "st-rsbp",
        _ => "bptt",
    };
}
