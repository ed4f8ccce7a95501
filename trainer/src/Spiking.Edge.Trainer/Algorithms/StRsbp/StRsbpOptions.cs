namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// Settings of ST-RSBP (Zhang and Li 2019; seed-methods §2). Defaults are the reference configuration's for image data at
/// T = 400 ticks (`Config/*.txt` of the reference code as digested in seed-methods §2.3–2.6); the README beside this file
/// lists every field with its source. The learning rate lr/√(epoch + 1) is the training loop's
/// <see cref="Training.LearningRateSchedule.InverseSqrtEpoch"/>, set with the run's options, not here.
/// </summary>
public sealed record StRsbpOptions
{
    /// <summary>The T the default levels are for (the reference image configurations).</summary>
    public const int ReferenceTicks = 400;

    /// <summary>Desired output count of the label neuron (reference DESIRED_LEVEL = 35 at T = 400).</summary>
    public double DesiredLevel { get; init; } = 35;

    /// <summary>Desired output count of every other output neuron (reference UNDESIRED_LEVEL = 5 at T = 400).</summary>
    public double UndesiredLevel { get; init; } = 5;

    /// <summary>No error while |o − y| ≤ Margin (reference MARGIN = 5 at T = 400).</summary>
    public double Margin { get; init; } = 5;

    /// <summary>Per-sample boosting weights on the output error, updated per class after every epoch (reference BOOST_METHOD = true).</summary>
    public bool Boosting { get; init; } = true;

    /// <summary>A misclassified sample of class c is multiplied by exp(e_c / BoostingDivisor) (reference: 20).</summary>
    public double BoostingDivisor { get; init; } = 20;

    /// <summary>
    /// When the label neuron stayed silent, insert round(DesiredLevel) evenly spaced spikes into its train (after the
    /// error is computed) so that its weights get a gradient (reference code, g_modifySpikes: on).
    /// </summary>
    public bool InsertSpikesForSilentTarget { get; init; } = true;

    /// <summary>
    /// The effect ratio r = e/o used when a count is 0, in the reference's units (per τ_s); the implementation uses
    /// SilentEffectRatio · 2^currentShift because our S-PSP is τ_s times the reference's (reference: 0.5).
    /// </summary>
    public double SilentEffectRatio { get; init; } = 0.5;

    /// <summary>How a reservoir layer passes its error down (default the chain rule δ̂ᵀL⁻¹R).</summary>
    public RecurrentSolve RecurrentSolve { get; init; } = RecurrentSolve.ChainRule;

    /// <summary>How a reservoir layer's weight gradients are formed (default the full L⁻¹).</summary>
    public RecurrentWeightGradient RecurrentWeightGradient { get; init; } = RecurrentWeightGradient.Full;

    /// <summary>
    /// Smallest magnitude of the denominators S_i, L_ii and of the lateral factor's denominator: a smaller one is replaced
    /// by ±MinimumDenominator keeping its sign (reference: 1e-4 on L_ii; applied to all three here).
    /// </summary>
    public double MinimumDenominator { get; init; } = 1e-4;

    /// <summary>Λ of the exponential weight regulariser (reference WEIGHT_LIMIT = 8).</summary>
    public double WeightLimit { get; init; } = 8;

    /// <summary>λ of the exponential weight regulariser; 0 turns it off (reference LAMBDA_REG = 10).</summary>
    public double RegularizerLambda { get; init; } = 10;

    /// <summary>β of the exponential weight regulariser (reference BETA_REG = 0.04 for MNIST and Fashion-MNIST, 0.01 for N-MNIST).</summary>
    public double RegularizerBeta { get; init; } = 0.04;

    /// <summary>The regulariser's normaliser for reservoir neurons (default the reference code's, all connections of the layer).</summary>
    public ReservoirRegularizerNormalizer ReservoirNormalizer { get; init; } = ReservoirRegularizerNormalizer.TotalConnections;

    /// <summary>Random trains per spike count drawn by the effect-ratio generator (reference generator: 1000 pairs per count pair).</summary>
    public int PolynomialSamples { get; init; } = 1000;

    /// <summary>Seed of the effect-ratio generator.</summary>
    public long PolynomialSeed { get; init; } = 1;

    /// <summary>Largest presynaptic count with its own polynomial; larger counts use the last one (reference: 100 rows).</summary>
    public int MaxPresynapticCount { get; init; } = 100;

    /// <summary>
    /// Whether the count levels and λ are the reference's T = 400 values, scaled to the run's T when the method runs
    /// (<see cref="ScaledTo"/>; default true), or are used as given (false). With the default, the reference's
    /// settings carry over to any T without a settings file.
    /// </summary>
    public bool ScaleToTicks { get; init; } = true;

    /// <summary>
    /// These options as used at <paramref name="ticks"/> ticks, with <see cref="ScaleToTicks"/> off. The three count levels
    /// are scaled by s = T/<see cref="ReferenceTicks"/>, which keeps the target rates: 35 spikes in 400 ticks is 2.6 in 30.
    /// A neuron with refractory period R fires at most ⌈T/(R + 1)⌉ times, so the unscaled levels are out of reach at
    /// short T. λ is scaled by s²: the count error δ grows with T and so does the S-PSP e, so the loss gradient δ̂·e
    /// grows as T². The regulariser's gradient does not depend on T. With an unscaled λ at T = 100, the regulariser
    /// outweighed the loss and a 784-400-R400-10 network stalled at 66 % where λ = 0 reached 81 %
    /// (bench/results/algorithms-fashion-dev.md).
    /// </summary>
    /// <param name="ticks">The run's T (≥ 1).</param>
    public StRsbpOptions ScaledTo(int ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticks);
        var scale = (double)ticks / ReferenceTicks;
        return this with
        {
            DesiredLevel = DesiredLevel * scale,
            UndesiredLevel = UndesiredLevel * scale,
            Margin = Margin * scale,
            RegularizerLambda = RegularizerLambda * scale * scale,
            ScaleToTicks = false,
        };
    }

    /// <summary>These options as a run of <paramref name="ticks"/> ticks uses them: <see cref="ScaledTo"/> when <see cref="ScaleToTicks"/> is on, else unchanged.</summary>
    /// <param name="ticks">The run's T (≥ 1).</param>
    public StRsbpOptions EffectiveAt(int ticks) => ScaleToTicks ? ScaledTo(ticks) : this;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        NonNegative(DesiredLevel, nameof(DesiredLevel));
        NonNegative(UndesiredLevel, nameof(UndesiredLevel));
        if (DesiredLevel <= UndesiredLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(DesiredLevel), DesiredLevel, $"DesiredLevel must be greater than UndesiredLevel ({UndesiredLevel}).");
        }

        NonNegative(Margin, nameof(Margin));
        Positive(BoostingDivisor, nameof(BoostingDivisor));
        NonNegative(SilentEffectRatio, nameof(SilentEffectRatio));
        if (!Enum.IsDefined(RecurrentSolve))
        {
            throw new ArgumentOutOfRangeException(nameof(RecurrentSolve), RecurrentSolve, "RecurrentSolve must be ChainRule or ReferenceTransposed.");
        }

        if (!Enum.IsDefined(RecurrentWeightGradient))
        {
            throw new ArgumentOutOfRangeException(nameof(RecurrentWeightGradient), RecurrentWeightGradient, "RecurrentWeightGradient must be Full or Diagonal.");
        }

        Positive(MinimumDenominator, nameof(MinimumDenominator));
        Positive(WeightLimit, nameof(WeightLimit));
        NonNegative(RegularizerLambda, nameof(RegularizerLambda));
        NonNegative(RegularizerBeta, nameof(RegularizerBeta));
        if (!Enum.IsDefined(ReservoirNormalizer))
        {
            throw new ArgumentOutOfRangeException(nameof(ReservoirNormalizer), ReservoirNormalizer, "ReservoirNormalizer must be TotalConnections or OwnFanIn.");
        }

        if (PolynomialSamples is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(PolynomialSamples), PolynomialSamples, "PolynomialSamples must be in 1..1000000.");
        }

        if (MaxPresynapticCount is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPresynapticCount), MaxPresynapticCount, "MaxPresynapticCount must be in 1..100000.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");
        }
    }
}
