namespace Spiking.Edge.Devices.Conversion;

/// <summary>
/// Settings of <see cref="SaccadeConverter"/>. The defaults imitate N-MNIST (Orchard et al. 2015): a 34 × 34
/// sensor, the image moved along a triangle in three saccades of 100 ms each, simulated in 1 ms steps.
/// </summary>
public sealed record SaccadeOptions
{
    /// <summary>Sensor width in pixels (default 34, N-MNIST's).</summary>
    public int SensorWidth { get; init; } = 34;

    /// <summary>Sensor height in pixels (default 34).</summary>
    public int SensorHeight { get; init; } = 34;

    /// <summary>Duration of each of the three saccades in microseconds (default 100,000: 300 ms in all).</summary>
    public int SaccadeDurationMicroseconds { get; init; } = 100_000;

    /// <summary>
    /// Size of the triangular path in pixels (default 7). N-MNIST's stabilisation script undoes motions of
    /// (+3.5, +7), (+3.5, −7) and (−7, 0) pixels; the path here is that triangle scaled to this size and centred.
    /// </summary>
    public double SaccadeAmplitudePixels { get; init; } = 7.0;

    /// <summary>Simulation step in microseconds (default 1,000). Event times are interpolated within a step.</summary>
    public int StepMicroseconds { get; init; } = 1_000;

    /// <summary>
    /// Contrast threshold in natural-log intensity units (default 0.3, i.e. about a 35 % change). An event is
    /// emitted each time |log I − reference| reaches it; the reference then moves by one threshold.
    /// </summary>
    public double ContrastThreshold { get; init; } = 0.3;

    /// <summary>
    /// Offset added to the normalised intensity (pixel / 255) before the logarithm (default 0.1): the display's
    /// black level. It bounds the contrast a black-to-white edge carries (log(1.1 / 0.1) ≈ 2.4).
    /// </summary>
    public double LogEpsilon { get; init; } = 0.1;

    /// <summary>
    /// Per-pixel threshold mismatch: relative standard deviation of each pixel's threshold around
    /// <see cref="ContrastThreshold"/> (default 0.05; 0 disables). Fixed by <see cref="Seed"/>, like a sensor's
    /// fixed-pattern mismatch, so that every image converted with the same options sees the same sensor.
    /// </summary>
    public double ThresholdMismatch { get; init; } = 0.05;

    /// <summary>
    /// Refractory period in microseconds (default 0: none). Threshold crossings of a pixel sooner than this after
    /// its previous event move the reference but emit nothing.
    /// </summary>
    public int RefractoryMicroseconds { get; init; }

    /// <summary>Seed of the per-pixel mismatch (default 0).</summary>
    public int Seed { get; init; }
}
