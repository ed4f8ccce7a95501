using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;

public class ArrayBatchSourceTests
{
    // Sample n, tick t, input i holds the value 100 n + 10 t + i.
    private static ArrayBatchSource Numbered(int samples, int ticks, int inputs) =>
        new(
            Enumerable.Range(0, samples * ticks * inputs).Select(k => (float)((100 * (k / (ticks * inputs))) + (10 * (k / inputs % ticks)) + (k % inputs))).ToArray(),
            Enumerable.Range(0, samples).Select(n => (long)(n % 2)).ToArray(),
            ticks,
            inputs);

    [Fact]
    public void Batch_is_laid_out_tick_major_then_sample_then_input()
    {
        var source = Numbered(samples: 4, ticks: 3, inputs: 2);
        var frames = new float[3 * 2 * 2];
        var labels = new long[2];
        source.FillBatch([3, 0], frames, labels);
        Assert.Equal(new long[] { 1, 0 }, labels);
        Assert.Equal(new float[] { 300, 301, 0, 1, 310, 311, 10, 11, 320, 321, 20, 21 }, frames);
    }

    [Fact]
    public void Buffers_of_the_wrong_size_are_refused()
    {
        var source = Numbered(4, 3, 2);
        var error = Assert.Throws<ArgumentException>(() => source.FillBatch([0, 1], new float[11], new long[2]));
        Assert.Contains("need 12 frame values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_index_outside_the_set_is_refused_with_its_batch_row()
    {
        var source = Numbered(4, 3, 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => source.FillBatch([0, 4], new float[12], new long[2]));
        Assert.Contains("batch row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_that_do_not_match_samples_ticks_and_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ArrayBatchSource(new float[11], new long[2], 3, 2));
        Assert.Throws<ArgumentException>(() => new ArrayBatchSource(new float[12], [0, -1], 3, 2));
    }
}
