using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Functional;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Bench.Algorithms;

/// <summary>The first Fashion-MNIST training images as fixed spike frames, rate-coded as the ST-RSBP reference does.</summary>
internal sealed class FashionFrames
{
    private readonly float[] _frames;
    private readonly long[] _labels;
    private readonly int _ticks;
    private readonly int _inputs;

    private FashionFrames(float[] frames, long[] labels, int ticks, int inputs)
    {
        _frames = frames;
        _labels = labels;
        _ticks = ticks;
        _inputs = inputs;
    }

    /// <summary>Reads <paramref name="count"/> images and draws each pixel's spikes with p = v / (5.5·255) per tick.</summary>
    public static FashionFrames Load(string folder, int count, int ticks, long seed)
    {
        var images = IdxReader.ReadImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        var labels = IdxReader.ReadLabels(Path.Combine(folder, "train-labels-idx1-ubyte.gz"));
        var inputs = images.Rows * images.Cols;
        var random = new SplitMix64(seed);
        var frames = new float[(long)count * ticks * inputs];
        for (var n = 0; n < count; n++)
        {
            var image = images.GetImage(n);
            for (var t = 0; t < ticks; t++)
            {
                for (var i = 0; i < inputs; i++)
                {
                    frames[((((long)n * ticks) + t) * inputs) + i] = random.NextDouble() < image[i] / (5.5 * 255) ? 1f : 0f;
                }
            }
        }

        return new FashionFrames(frames, [.. labels.Take(count).Select(l => (long)l)], ticks, inputs);
    }

    /// <summary>Samples start … start + count − 1 as a batch source.</summary>
    public ArrayBatchSource Slice(int start, int count)
    {
        var size = (long)_ticks * _inputs;
        return new ArrayBatchSource(_frames[(int)(start * size)..(int)((start + count) * size)], _labels[start..(start + count)], _ticks, _inputs);
    }
}
