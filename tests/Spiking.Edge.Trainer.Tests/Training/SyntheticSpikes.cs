using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;

/// <summary>
/// A separable spiking task: class c makes the inputs of block c fire with probability 0.3 per tick, every
/// other input fires with probability 0.03. Seeded, so every test sees the same samples.
/// </summary>
internal static class SyntheticSpikes
{
    public const int Classes = 4;
    public const int BlockSize = 6;
    public const int InputSize = Classes * BlockSize;

    public static ArrayBatchSource Create(int samples, int ticks, int seed)
    {
        var random = new Random(seed);
        var frames = new float[samples * ticks * InputSize];
        var labels = new long[samples];
        for (var n = 0; n < samples; n++)
        {
            var label = random.Next(Classes);
            labels[n] = label;
            for (var t = 0; t < ticks; t++)
            {
                for (var i = 0; i < InputSize; i++)
                {
                    var p = i / BlockSize == label ? 0.3 : 0.03;
                    frames[(((n * ticks) + t) * InputSize) + i] = random.NextDouble() < p ? 1f : 0f;
                }
            }
        }

        return new ArrayBatchSource(frames, labels, ticks, InputSize);
    }
}
