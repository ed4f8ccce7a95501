namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// How static images (MNIST / Fashion-MNIST IDX files) become events; recorded event data (N-MNIST) ignores it.
/// <see cref="Kind"/> "saccade" (simulated saccades, 34×34×2, the default) or "rate" (Poisson rate coding at the
/// image size, one polarity, one draw per tick of the run's timing).
/// </summary>
/// <param name="Kind">"saccade" or "rate".</param>
/// <param name="RateGain">Spike probability per tick of a white pixel (rate only), in (0, 1].</param>
public sealed record InputEncoding(string Kind = InputEncoding.Saccade, double RateGain = 1.0)
{
    /// <summary>Simulated saccades.</summary>
    public const string Saccade = "saccade";

    /// <summary>Poisson rate coding.</summary>
    public const string Rate = "rate";

    /// <summary>Refuses an unknown kind or a gain outside (0, 1] with a one-line reason.</summary>
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
    }
}
