namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>
/// Settings of Lee, Delbruck and Pfeiffer's membrane-potential backpropagation (seed-methods §3). The paper's loss,
/// σ, regulariser strengths and threshold-rule step were not retrieved (§3.3), so every one of them is an option; the
/// defaults and the reasons for them are listed in the folder's README.
/// </summary>
public sealed record Lee2016Options
{
    /// <summary>
    /// The loss on the output layer's spike counts. Default <see cref="CountLoss.CrossEntropy"/>: with
    /// <see cref="CountLoss.NormalisedMse"/> (the digest's guess) the output layer of 2312-800-10 fell nearly silent on
    /// the N-MNIST subset (see the README).
    /// </summary>
    public CountLoss Loss { get; init; } = CountLoss.CrossEntropy;

    /// <summary>What <see cref="CountLoss.NormalisedMse"/> divides the counts by. Default <see cref="CountNormaliser.Max"/>.</summary>
    public CountNormaliser Normaliser { get; init; } = CountNormaliser.Max;

    /// <summary>How the winner-take-all coupling enters the backward pass. Default <see cref="WtaBackward.Solve"/>.</summary>
    public WtaBackward Wta { get; init; } = WtaBackward.Solve;

    /// <summary>
    /// σ in [0, 1]: the fraction of the lateral inhibition κθ that the linearised model counts (the rest is taken to
    /// fall below the membrane floor and be lost). 0 ignores the inhibition in the backward pass. Default 1.
    /// </summary>
    public double InhibitionScale { get; init; } = 1.0;

    /// <summary>The slope ∂a_i/∂θ_i. Default <see cref="Lee2016.ThresholdSlope.Count"/> (−a_i/θ_i, as recalled from the paper).</summary>
    public ThresholdSlope ThresholdSlope { get; init; } = ThresholdSlope.Count;

    /// <summary>The slope ∂x_j/∂a_j from a lower neuron's count to its effective input above. Default <see cref="InputSlope.Ratio"/>.</summary>
    public InputSlope InputSlope { get; init; } = InputSlope.Ratio;

    /// <summary>Whether the thresholds receive gradients (the paper trains them). Default true.</summary>
    public bool TrainThresholds { get; init; } = true;

    /// <summary>λ ≥ 0 of the exponential weight regulariser ½λ Σ_i exp(β(Σ_j w_ij² − 1)) (0 = off). Default 0.01.</summary>
    public double WeightRegularisation { get; init; } = 0.01;

    /// <summary>β ≥ 0 of the exponential weight regulariser: how sharply the penalty grows once a neuron's Σ_j w_ij² exceeds 1. Default 10.</summary>
    public double WeightRegularisationSharpness { get; init; } = 10.0;

    /// <summary>
    /// ρ ≥ 0 of the threshold regulariser applied after every step: θ_i += ρ θ(0) (N ā_i − Σ_h ā_h) with ā the batch-mean
    /// counts of the layer's N neurons (0 = off). Default 1e-6.
    /// </summary>
    public double ThresholdRegularisation { get; init; } = 1e-6;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Defined(Loss, nameof(Loss));
        Defined(Normaliser, nameof(Normaliser));
        Defined(Wta, nameof(Wta));
        Defined(ThresholdSlope, nameof(ThresholdSlope));
        Defined(InputSlope, nameof(InputSlope));
        if (!double.IsFinite(InhibitionScale) || InhibitionScale < 0 || InhibitionScale > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InhibitionScale), InhibitionScale, $"{nameof(InhibitionScale)} (σ) must be in [0, 1].");
        }

        NonNegative(WeightRegularisation, nameof(WeightRegularisation));
        NonNegative(WeightRegularisationSharpness, nameof(WeightRegularisationSharpness));
        NonNegative(ThresholdRegularisation, nameof(ThresholdRegularisation));
    }

    private static void Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");
        }
    }
}
