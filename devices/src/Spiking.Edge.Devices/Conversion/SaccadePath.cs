namespace Spiking.Edge.Devices.Conversion;

/// <summary>
/// The image displacement on the sensor over time: N-MNIST's triangle (Orchard et al. 2015) with vertices
/// (0, 0) → (A/2, A) → (A, 0) → (0, 0), centred on the origin, each edge travelled at constant speed in one saccade.
/// </summary>
internal readonly struct SaccadePath
{
    private readonly double _amplitude;
    private readonly double _duration;

    public SaccadePath(double amplitudePixels, int saccadeDurationMicroseconds)
    {
        _amplitude = amplitudePixels;
        _duration = saccadeDurationMicroseconds;
    }

    public double TotalMicroseconds => 3 * _duration;

    /// <summary>Displacement (dx, dy) in pixels at time <paramref name="t"/> µs (clamped to the path).</summary>
    public (double Dx, double Dy) At(double t)
    {
        double a = _amplitude;
        if (t <= 0)
        {
            return (-a / 2, -a / 2);
        }

        int segment = (int)Math.Min(2, Math.Floor(t / _duration));
        double f = Math.Min(1.0, (t - (segment * _duration)) / _duration);
        (double x0, double y0, double x1, double y1) = segment switch
        {
            0 => (0.0, 0.0, a / 2, a),
            1 => (a / 2, a, a, 0.0),
            _ => (a, 0.0, 0.0, 0.0),
        };
        return (x0 + (f * (x1 - x0)) - (a / 2), y0 + (f * (y1 - y0)) - (a / 2));
    }
}
