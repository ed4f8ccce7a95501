using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Feeds training and evaluation from event streams: each batch is binned on the fly with the devices'
/// <see cref="Devices.Transforms.TimeBinner"/> (semantics.md §2), exactly as the integer simulation and the runtime see the events.
/// Nothing is cached, so a full dataset costs only its events in memory. With an <see cref="EventAugmentation"/> (training
/// only), every pass over a sample bins a fresh augmented copy: pass k of sample i is draw k, seeded by (seed, i, k).
/// </summary>
public sealed class EventBatchSource : IBatchSource
{
    private readonly EventDataset dataset;
    private readonly InputTiming timing;
    private readonly int inputSize;
    private readonly EventAugmentation? augmentation;
    private readonly ulong seed;
    private readonly int[]? draws;
    private float[] sampleFrames = [];

    /// <summary>Creates a source over <paramref name="dataset"/> with the given tick layout (the events as they are).</summary>
    public EventBatchSource(EventDataset dataset, InputTiming timing)
        : this(dataset, timing, null, 0)
    {
    }

    /// <summary>Creates a source that augments every sample afresh on each pass (null: the events as they are).</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="timing">Tick layout used for binning.</param>
    /// <param name="augmentation">Random changes per pass, or null.</param>
    /// <param name="seed">Seed of the augmentation draws.</param>
    public EventBatchSource(EventDataset dataset, InputTiming timing, EventAugmentation? augmentation, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(timing);
        timing.Validate();
        this.dataset = dataset;
        this.timing = timing;
        this.augmentation = augmentation;
        this.seed = unchecked((ulong)seed);
        draws = augmentation is null ? null : new int[dataset.Samples.Count];
        inputSize = dataset.Width * dataset.Height * dataset.Polarities;
    }

    /// <inheritdoc />
    public int Count => dataset.Samples.Count;

    /// <inheritdoc />
    public int InputSize => inputSize;

    /// <summary>The dataset behind this source.</summary>
    public EventDataset Dataset => dataset;

    /// <summary>The augmentation applied on every pass, or null.</summary>
    public EventAugmentation? Augmentation => augmentation;

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

        if (augmentation is not null)
        {
            FillAugmented(sampleIndices, framesTBI, labels);
            return;
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

    private void FillAugmented(int[] sampleIndices, float[] framesTBI, long[] labels)
    {
        int batch = sampleIndices.Length;
        var drawOf = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            int s = sampleIndices[b];
            drawOf[b] = draws![s]++;
            labels[b] = dataset.Samples[s].Label;
        }

        Parallel.For(0, batch, () => new float[timing.TicksPerSample * inputSize], (b, _, frames) =>
        {
            int s = sampleIndices[b];
            Event[] events = augmentation!.Apply(dataset.Samples[s].Events, dataset.Width, dataset.Height, seed, s, drawOf[b]);
            SampleBinning.Bin(events, dataset.Width, dataset.Height, dataset.Polarities, timing, frames, framesTBI, b, batch);
            return frames;
        }, _ => { });
    }
}
