using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Encoders;

/// <summary>
/// Simulated saccades (the way N-MNIST was recorded): <see cref="SaccadeConverter"/> with fixed options. The
/// conversion is deterministic per image, so every draw gives the same events.
/// </summary>
public sealed class SaccadeEncoder : IImageEncoder
{
    /// <summary>Creates an encoder with <paramref name="options"/>.</summary>
    public SaccadeEncoder(SaccadeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The converter settings.</summary>
    public SaccadeOptions Options { get; }

    /// <inheritdoc />
    public int Width => Options.SensorWidth;

    /// <inheritdoc />
    public int Height => Options.SensorHeight;

    /// <inheritdoc />
    public int Polarities => 2;

    /// <inheritdoc />
    public bool DependsOnDraw => false;

    /// <inheritdoc />
    public string Describe() => FormattableString.Invariant($"saccades({Width}×{Height}, threshold {Options.ContrastThreshold})");

    /// <inheritdoc />
    public Event[] Encode(byte[] pixels, int cols, int rows, int sampleIndex, int draw) =>
        SaccadeConverter.Convert(pixels, cols, rows, Options);
}
