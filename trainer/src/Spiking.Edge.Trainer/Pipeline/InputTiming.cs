namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// How event streams become ticks (semantics.md §2): tick length, ticks per sample and the window start.
/// One value travels from training to export to the runtime, so all three bin events identically.
/// </summary>
/// <param name="TickMicroseconds">Length of one tick.</param>
/// <param name="TicksPerSample">T.</param>
/// <param name="WindowStartMicroseconds">Time origin of a sample (0 for recordings that start at 0, like N-MNIST).</param>
public sealed record InputTiming(int TickMicroseconds, int TicksPerSample, long WindowStartMicroseconds = 0)
{
    /// <summary>N-MNIST-like recordings (~300 ms): 30 ticks of 10 ms.</summary>
    public static InputTiming Default { get; } = new(10_000, 31);

    /// <summary>Refuses values the model format cannot carry, with a one-line reason.</summary>
    public void Validate()
    {
        if (TickMicroseconds < 1)
        {
            throw new ArgumentException($"tick length must be at least 1 µs, found {TickMicroseconds}");
        }

        if (TicksPerSample < 1 || TicksPerSample > Runtime.Semantics.MaxTicks)
        {
            throw new ArgumentException($"ticks per sample must be 1..{Runtime.Semantics.MaxTicks}, found {TicksPerSample}");
        }
    }
}
