namespace Spiking.Edge.Trainer.Training;

/// <summary>An in-memory <see cref="IBatchSource"/> over samples stored [N][T][InputSize] (tests, synthetic tasks).</summary>
public sealed class ArrayBatchSource : IBatchSource
{
    private readonly float[] frames;
    private readonly long[] labels;

    /// <summary>Wraps the arrays (not copied).</summary>
    /// <param name="frames">N × T × inputSize values, sample-major.</param>
    /// <param name="labels">N class indices (≥ 0).</param>
    /// <param name="ticksPerSample">T.</param>
    /// <param name="inputSize">Inputs per tick.</param>
    public ArrayBatchSource(float[] frames, long[] labels, int ticksPerSample, int inputSize)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSample);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        if ((long)labels.Length * ticksPerSample * inputSize != frames.Length)
        {
            throw new ArgumentException(
                $"frames has {frames.Length} values; {labels.Length} samples × {ticksPerSample} ticks × {inputSize} inputs need {(long)labels.Length * ticksPerSample * inputSize}.",
                nameof(frames));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]} is negative.", nameof(labels));
            }
        }

        this.frames = frames;
        this.labels = labels;
        TicksPerSample = ticksPerSample;
        InputSize = inputSize;
    }

    /// <inheritdoc />
    public int Count => labels.Length;

    /// <inheritdoc />
    public int InputSize { get; }

    /// <summary>T.</summary>
    public int TicksPerSample { get; }

    /// <inheritdoc />
    public void FillBatch(int[] sampleIndices, float[] framesTBI, long[] labels)
    {
        ArgumentNullException.ThrowIfNull(sampleIndices);
        ArgumentNullException.ThrowIfNull(framesTBI);
        ArgumentNullException.ThrowIfNull(labels);
        var batch = sampleIndices.Length;
        if (labels.Length != batch || framesTBI.Length != (long)TicksPerSample * batch * InputSize)
        {
            throw new ArgumentException(
                $"Buffers for {batch} samples need {(long)TicksPerSample * batch * InputSize} frame values and {batch} labels; got {framesTBI.Length} and {labels.Length}.",
                nameof(framesTBI));
        }

        for (var b = 0; b < batch; b++)
        {
            var sample = sampleIndices[b];
            if ((uint)sample >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleIndices), sample, $"Sample index at batch row {b} is outside 0..{Count - 1}.");
            }

            labels[b] = this.labels[sample];
            for (var t = 0; t < TicksPerSample; t++)
            {
                Array.Copy(frames, ((long)sample * TicksPerSample + t) * InputSize, framesTBI, ((long)t * batch + b) * InputSize, InputSize);
            }
        }
    }
}
