using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Feeds training and evaluation from event streams: each batch is binned on the fly with the devices'
/// <see cref="Devices.Transforms.TimeBinner"/> (semantics.md §2), exactly as the integer simulation and the runtime see the events.
/// Nothing is cached, so a full dataset costs only its events in memory.
/// </summary>
public sealed class EventBatchSource : IBatchSource
{
    private readonly EventDataset dataset;
    private readonly InputTiming timing;
    private readonly int inputSize;
    private float[] sampleFrames = [];

    /// <summary>Creates a source over <paramref name="dataset"/> with the given tick layout.</summary>
    public EventBatchSource(EventDataset dataset, InputTiming timing)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(timing);
        timing.Validate();
        this.dataset = dataset;
        this.timing = timing;
        inputSize = dataset.Width * dataset.Height * dataset.Polarities;
    }

    /// <inheritdoc />
    public int Count => dataset.Samples.Count;

    /// <inheritdoc />
    public int InputSize => inputSize;

    /// <summary>The dataset behind this source.</summary>
    public EventDataset Dataset => dataset;

    /// <inheritdoc />
    public void FillBatch(int[] sampleIndices, float[] framesTBI, long[] labels)
    {
        ArgumentNullException.ThrowIfNull(sampleIndices);
        ArgumentNullException.ThrowIfNull(framesTBI);
        ArgumentNullException.ThrowIfNull(labels);
        int batch = sampleIndices.Length;
        int ticks = timing.TicksPerSample;
        if (framesTBI.Length < (long)ticks * batch * inputSize || labels.Length < batch)
        {
            throw new ArgumentException($"batch buffers too small for {batch} samples of {ticks}×{inputSize}");
        }

        if (sampleFrames.Length != ticks * inputSize)
        {
            sampleFrames = new float[ticks * inputSize];
        }

        for (int b = 0; b < batch; b++)
        {
            EventSample sample = dataset.Samples[sampleIndices[b]];
            SampleBinning.Bin(sample.Events, dataset.Width, dataset.Height, dataset.Polarities, timing, sampleFrames, framesTBI, b, batch);
            labels[b] = sample.Label;
        }
    }
}
