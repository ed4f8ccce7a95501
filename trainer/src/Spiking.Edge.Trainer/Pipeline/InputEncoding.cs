namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// How samples become the network's input events. Static images (MNIST / Fashion-MNIST IDX files): <see cref="Kind"/>
/// "saccade" (simulated saccades, 34×34×2, the default) or "rate" (Poisson rate coding at the image size, one polarity,
/// one draw per tick of the run's timing). Recorded events (labelled folders of event files): <see cref="Transform"/>
/// preprocesses every sample when loaded, <see cref="Augment"/> changes training batches at random.
/// </summary>
/// <param name="Kind">"saccade" or "rate".</param>
/// <param name="RateGain">Spike probability per tick of a white pixel (rate only), in (0, 1].</param>
public sealed record InputEncoding(string Kind = InputEncoding.Saccade, double RateGain = 1.0)
{
    /// <summary>Simulated saccades.</summary>
    public const string Saccade = "saccade";

    /// <summary>Poisson rate coding.</summary>
    public const string Rate = "rate";

    /// <summary>
    /// Recorded events: the <c>--transform</c> specification applied to every sample when it is loaded (normalised,
    /// see <see cref="Data.EventTransformSpec.Normalize"/>); null for none. Evaluation and export re-apply it.
    /// </summary>
    public string? Transform { get; init; }

    /// <summary>Recorded events: the training augmentation (<see cref="EventAugmentation.Describe"/> form); null for none.</summary>
    public string? Augment { get; init; }

    /// <summary>Refuses an unknown kind, a gain outside (0, 1] or a malformed augmentation with a one-line reason.</summary>
    public void Validate()
    {
        if (Kind is not (Saccade or Rate))
        {
            throw new ArgumentException($"input encoding '{Kind}' is not valid; valid choices: {Saccade}, {Rate}");
        }

        if (!(RateGain > 0 && RateGain <= 1))
        {
            throw new ArgumentException($"rate gain must be in (0, 1], found {RateGain}");
        }

        if (Augment is not null)
        {
            EventAugmentation.Parse(Augment);
        }
    }
}
